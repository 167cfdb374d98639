import Infrastructure

/// What a build knows of one output file: the fingerprint of what it was rendered from and the
/// hash of its bytes. The next build renders a page only when its fingerprint changed, and
/// rewrites the file only when its bytes did.
public struct PageRecord: Sendable, Hashable, Decodable {
    /// Fingerprint of the inputs (template, theme, context or source file).
    public var source: UInt64
    /// Hash of the bytes written.
    public var bytes: UInt64

    /// Makes a record.
    public init(source: UInt64, bytes: UInt64) {
        self.source = source
        self.bytes = bytes
    }
}

/// Records by output path, kept by a 64-bit hash of the path (the same kind of hash that
/// fingerprints pages): 17,000 records then load and save without a string each.
public struct PageRecords: Sendable {
    /// The records by the hash of their path.
    public private(set) var byKey: [UInt64: PageRecord] = [:]

    /// No records.
    public init() {}

    /// The record of a path.
    public subscript(path: String) -> PageRecord? {
        get { byKey[Self.key(path)] }
        set { byKey[Self.key(path)] = newValue }
    }

    /// Sets the record under a key read back from a saved list of records.
    public mutating func set(_ record: PageRecord, key: UInt64) { byKey[key] = record }

    /// How many files have a record.
    public var count: Int { byKey.count }

    private static func key(_ path: String) -> UInt64 { ContentHash.of(path.utf8) }
}
