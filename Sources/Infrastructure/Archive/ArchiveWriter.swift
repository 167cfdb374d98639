/// Writes the build cache's binary records: little-endian integers, variable-length counts and
/// UTF-8 strings with their length first. Reading a cache back is a walk over bytes, with no
/// parsing and no reflection, so an incremental build can load a whole site's graph in
/// milliseconds.
public struct ArchiveWriter: Sendable {
    /// What has been written so far.
    public private(set) var bytes: [UInt8] = []

    /// Starts an empty archive with room for `capacity` bytes.
    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// A non-negative count or index, in 7-bit groups (small numbers take one byte).
    public mutating func count(_ value: Int) {
        var rest = UInt64(UInt(bitPattern: value))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Any integer, zig-zag encoded so that small negative numbers stay short.
    public mutating func int(_ value: Int64) {
        count(Int(bitPattern: UInt(UInt64(bitPattern: (value << 1) ^ (value >> 63)))))
    }

    /// Eight bytes, for hashes.
    public mutating func word(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Bytes as they are (a part written by another writer; its length is the caller's to record).
    public mutating func append(_ part: [UInt8]) {
        bytes.append(contentsOf: part)
    }

    /// A flag.
    public mutating func bool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    /// A string: its UTF-8 length, then its bytes.
    public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// A string given as its UTF-8 bytes (kept as bytes by whoever wrote it: a list of paths).
    public mutating func string(bytes utf8: some Collection<UInt8>) {
        count(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    /// A text, as `string` writes one; one still in an archive's bytes is copied as it is.
    public mutating func text(_ value: LazyText) {
        value.withUTF8 { string(bytes: $0) }
    }

    /// A string that may be missing.
    public mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    /// A list of counts or indexes.
    public mutating func counts(_ values: [Int]) {
        count(values.count)
        for value in values { count(value) }
    }

    /// A list of strings.
    public mutating func strings(_ values: [String]) {
        count(values.count)
        for value in values { string(value) }
    }
}
