import Infrastructure
import Templating

/// Page fingerprints: template values hashed the same way in every process.
extension StableHasher {
    /// The hash of one object field, as objects combine them.
    static func field(_ key: String, _ value: TemplateValue) -> UInt64 {
        var pair = StableHasher()
        pair.combine(key)
        pair.combine(value)
        return pair.value
    }

    /// The hash of a field whose value's hash is known.
    static func field(_ key: String, hashed valueHash: UInt64) -> UInt64 {
        var pair = StableHasher()
        pair.combine(key)
        pair.combine(CollectionOfOne(9))
        pair.combine(valueHash)
        return pair.value
    }

    /// The hash of a field holding a list of values whose hashes are known.
    static func field(_ key: String, hashedList hashes: [UInt64]) -> UInt64 {
        var pair = StableHasher()
        pair.combine(key)
        pair.combine(CollectionOfOne(10))
        pair.combine(UInt64(hashes.count))
        for hash in hashes { pair.combine(hash) }
        return pair.value
    }

    /// The hash of an object from the sum of its field hashes.
    static func object(hashSum: UInt64) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(CollectionOfOne(8))
        hasher.combine(hashSum)
        return hasher.value
    }

    /// The sum of an object's field hashes.
    static func fieldSum(_ fields: [String: TemplateValue]) -> UInt64 {
        var sum: UInt64 = 0
        for (key, field) in fields { sum &+= Self.field(key, field) }
        return sum
    }

    /// Hashes a template value. Object fields are combined in an order-independent way (each
    /// key and value hashed alone, then added), so no keys need sorting.
    mutating func combine(_ value: TemplateValue) {
        switch value {
        case .null: combine(CollectionOfOne(0))
        case .bool(let flag): combine([1, flag ? 1 : 0])
        case .int(let number): combine(CollectionOfOne(2)); combine(UInt64(bitPattern: Int64(number)))
        case .double(let number): combine(CollectionOfOne(3)); combine(number.bitPattern)
        case .string(let text): combine(CollectionOfOne(4)); combine(text)
        case .html(let text): combine(CollectionOfOne(5)); combine(text)
        // As the same markup held as a `String` hashes.
        case .htmlBytes(let html): combine(CollectionOfOne(5)); combine(html); combine(CollectionOfOne(0xFF))
        case .date(let date):
            combine(CollectionOfOne(6))
            combine(UInt64(bitPattern: date.secondsSince1970))
            combine(UInt64(bitPattern: Int64(date.utcOffsetSeconds)))
        case .list(let items):
            combine(CollectionOfOne(7))
            combine(UInt64(items.count))
            for item in items { combine(item) }
        case .object(let fields):
            combine(CollectionOfOne(8))
            combine(Self.fieldSum(fields))
        case .lambda:
            // Closures cannot be compared: a page holding one is always rendered again.
            combine(UInt64.random(in: .min ... .max))
        }
    }
}
