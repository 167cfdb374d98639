import Infrastructure
import Templating

/// A page's template context and the fingerprint of everything in it, built together so that
/// what was hashed is exactly what the template sees.
///
/// Fields are hashed one by one and summed (so no keys need sorting); parts that many pages
/// share — the `site` and `t` objects, each article's card — carry a hash computed once per
/// build, so a list of twenty cards costs twenty additions, not a walk over every card's fields.
public struct PageContext: Sendable {
    /// The context, an object.
    public private(set) var fields: [String: TemplateValue] = [:]
    /// Sum of the field hashes.
    private var sum: UInt64 = 0

    /// An empty context.
    public init() {}

    /// An empty context with room for `capacity` fields: set one by one into a dictionary that
    /// grows, a page's fields were copied into new storage four times over.
    init(capacity: Int) {
        fields.reserveCapacity(capacity)
    }

    /// Makes room for `count` more fields at once, before they are set one by one.
    mutating func reserveCapacity(adding count: Int) {
        fields.reserveCapacity(fields.count + count)
    }

    /// Starts from an object whose field-hash sum is known (an article's card).
    init(fields: [String: TemplateValue], hashSum: UInt64) {
        self.fields = fields
        sum = hashSum
    }

    /// The context as a template value.
    public var value: TemplateValue { .object(fields) }

    /// The fingerprint of the whole context.
    public var fingerprint: UInt64 { StableHasher.object(hashSum: sum) }

    /// Sets a field, hashing its value. Each key is set once.
    public mutating func set(_ key: String, _ value: TemplateValue) {
        fields[key] = value
        sum &+= StableHasher.field(key, value)
    }

    /// Sets a field whose hash (`StableHasher.field`) is known.
    mutating func set(_ key: String, _ value: TemplateValue, fieldHash: UInt64) {
        fields[key] = value
        sum &+= fieldHash
    }

    /// Sets a field to a nested context.
    mutating func set(_ key: String, _ nested: PageContext) {
        fields[key] = nested.value
        sum &+= StableHasher.field(key, hashed: nested.fingerprint)
    }

    /// Sets a field to a list of objects whose own hashes are known (article cards).
    mutating func set(_ key: String, objects: [[String: TemplateValue]], hashes: [UInt64]) {
        fields[key] = .list(objects.map { .object($0) })
        sum &+= StableHasher.field(key, hashedList: hashes)
    }

    /// A context hashed field by field (pages with no shared parts worth caching).
    init(hashing value: TemplateValue, shared: [String: UInt64]) {
        guard case .object(let fields) = value else {
            self.set("", value)
            return
        }
        for (key, field) in fields {
            if let known = shared[key] { set(key, field, fieldHash: known) } else { set(key, field) }
        }
    }
}
