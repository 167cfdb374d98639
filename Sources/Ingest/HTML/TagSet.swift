import CLibXML2

/// A set of element names, asked about libxml2's own name bytes: no String is made and nothing is hashed.
/// The body search asks several such sets about every element of a page, and making a String of each
/// element's name to look it up in a `Set<String>` was a twentieth of an extraction.
///
/// A name is read as two 64-bit words (names longer than 16 bytes are in no set), kept sorted so a lookup
/// is a short binary search.
struct TagSet: ExpressibleByArrayLiteral {
    private struct Key: Comparable {
        var low: UInt64
        var high: UInt64

        static func < (a: Key, b: Key) -> Bool { (a.high, a.low) < (b.high, b.low) }
    }

    private let keys: [Key]
    /// Which first bytes the names start with, as a 256-bit mask: most elements of a page are turned away on
    /// that alone.
    private let firstBytes: (UInt64, UInt64, UInt64, UInt64)

    init(arrayLiteral names: String...) { self.init(names) }

    init(_ names: some Sequence<String>) {
        var mask: [UInt64] = [0, 0, 0, 0]
        keys = names.compactMap { name in
            var name = name
            return name.withUTF8 { bytes -> Key? in
                guard let first = bytes.first else { return nil }
                mask[Int(first >> 6)] |= 1 << UInt64(first & 63)
                return Self.key(bytes.count) { bytes[$0] }
            }
        }.sorted()
        firstBytes = (mask[0], mask[1], mask[2], mask[3])
    }

    /// Whether `node` is an element whose name is in the set.
    @inline(__always)
    func contains(_ node: DOMNode) -> Bool {
        guard node.isElement, let name = node.pointee.name else { return false }
        return contains(name: name)
    }

    /// Whether the NUL-terminated `name` is in the set.
    func contains(name: UnsafePointer<xmlChar>) -> Bool {
        let first = name[0]
        let word: UInt64
        switch first >> 6 {
        case 0: word = firstBytes.0
        case 1: word = firstBytes.1
        case 2: word = firstBytes.2
        default: word = firstBytes.3
        }
        guard word & (1 << UInt64(first & 63)) != 0 else { return false }
        var key = Key(low: 0, high: 0)
        var index = 0
        while index < 16 {
            let byte = name[index]
            if byte == 0 { break }
            if index < 8 { key.low |= UInt64(byte) << (8 * UInt64(index)) } else { key.high |= UInt64(byte) << (8 * UInt64(index - 8)) }
            index += 1
        }
        guard index < 16 || name[16] == 0 else { return false }
        if keys.count <= 8 { return keys.contains(key) }
        var lower = 0, upper = keys.count
        while lower < upper {
            let middle = (lower + upper) / 2
            if keys[middle] < key { lower = middle + 1 } else { upper = middle }
        }
        return lower < keys.count && keys[lower] == key
    }

    /// The key of a name of `length` bytes (nil when longer than 16), read through `byte`.
    @inline(__always)
    private static func key(_ length: Int, _ byte: (Int) -> UInt8) -> Key? {
        guard length <= 16 else { return nil }
        var key = Key(low: 0, high: 0)
        for index in 0..<length {
            if index < 8 {
                key.low |= UInt64(byte(index)) << (8 * UInt64(index))
            } else {
                key.high |= UInt64(byte(index)) << (8 * UInt64(index - 8))
            }
        }
        return key
    }
}
