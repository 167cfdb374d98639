extension Array {
    /// The elements ordered by `key`, computed once per element rather than twice per comparison:
    /// for keys that build strings (a crawled address's page key) the comparisons were most of a sort.
    public func sorted<Key: Comparable>(byKey key: (Element) -> Key) -> [Element] {
        let keys = map(key)
        return indices.sorted { keys[$0] < keys[$1] }.map { self[$0] }
    }
}
