extension Array {
    /// In an array in order of `key`, where an element with key `value` is or would go: the index
    /// of the first element whose key is not below it, by binary search.
    @inlinable
    public func insertionIndex<Key: Comparable>(of value: Key, by key: (Element) -> Key) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if key(self[middle]) < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
