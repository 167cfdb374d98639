#if canImport(Glibc)
import Glibc
#endif

/// Reads what `ArchiveWriter` wrote, in the same order. Every read checks the bounds: a cache file
/// cut short or written by another version makes `ArchiveError`, never a crash, and the build
/// then starts from scratch.
public struct ArchiveReader: Sendable {
    @usableFromInline let buffer: ArchiveBuffer
    @usableFromInline var position = 0
    /// Where this reader's bytes end (a part ends before the whole archive does).
    @usableFromInline let end: Int

    /// Reads a copy of `bytes` from the start.
    public init(_ bytes: [UInt8]) {
        self.init(ArchiveBuffer(copying: bytes))
    }

    /// Reads `buffer` from the start.
    public init(_ buffer: ArchiveBuffer) {
        self.buffer = buffer
        end = buffer.bytes.count
    }

    /// Reads the file at `path`, mapped into memory (see `ArchiveBuffer`); nil when there is none.
    public init?(mapping path: String) {
        guard let buffer = ArchiveBuffer(mapping: path) else { return nil }
        self.init(buffer)
    }

    private init(_ buffer: ArchiveBuffer, from start: Int, to end: Int) {
        self.buffer = buffer
        position = start
        self.end = end
    }

    @usableFromInline var bytes: UnsafeBufferPointer<UInt8> { buffer.bytes }

    /// The bytes not read yet (a part kept to be written again as it is).
    public var remaining: [UInt8] { Array(bytes[position..<end]) }

    /// How many bytes are not read yet.
    public var remainingCount: Int { end - position }

    /// True when every byte has been read.
    public var isAtEnd: Bool { position == end }

    /// A count or index written by `ArchiveWriter.count`. Inlined for one and two bytes (a
    /// string's length, an index below 16,384): a call for each of the graph's counts was a tenth
    /// of reading it back.
    @inlinable public mutating func count() throws(ArchiveError) -> Int {
        if position < end, bytes[position] < 0x80 {
            position += 1
            return Int(bytes[position - 1])
        }
        if end - position >= 2, bytes[position + 1] < 0x80 {
            position += 2
            return Int(bytes[position - 2] & 0x7F) | Int(bytes[position - 1]) << 7
        }
        return try longCount()
    }

    /// A count of more than one byte.
    @usableFromInline mutating func longCount() throws(ArchiveError) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end, shift < 64 else { throw ArchiveError() }
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        guard value <= UInt64(Int.max) else { throw ArchiveError() }
        return Int(value)
    }

    /// An integer written by `ArchiveWriter.int`.
    public mutating func int() throws(ArchiveError) -> Int64 {
        let raw = UInt64(try count())
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// Eight bytes written by `ArchiveWriter.word`.
    public mutating func word() throws(ArchiveError) -> UInt64 {
        guard end - position >= 8 else { throw ArchiveError() }
        let value = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + position).loadUnaligned(as: UInt64.self))
        position += 8
        return value
    }

    /// The next `length` bytes, as a reader of their own (a part to read on another thread); the
    /// bytes are shared, not copied.
    public mutating func part(length: Int) throws(ArchiveError) -> ArchiveReader {
        guard end - position >= length else { throw ArchiveError() }
        let part = ArchiveReader(buffer, from: position, to: position + length)
        position += length
        return part
    }

    /// A flag.
    public mutating func bool() throws(ArchiveError) -> Bool {
        guard position < end, bytes[position] <= 1 else { throw ArchiveError() }
        position += 1
        return bytes[position - 1] == 1
    }

    /// A string; bytes that are not UTF-8 make an error rather than replacement characters.
    public mutating func string() throws(ArchiveError) -> String {
        let length = try count()
        guard end - position >= length else { throw ArchiveError() }
        // Decoded as the standard library decodes UTF-8 in place, then compared: `String(validating:)`
        // is generic over the encoding and looked up its type metadata on every call, a tenth of
        // reading a 10,000-article graph. Damaged bytes come back repaired, so they differ.
        let part = UnsafeBufferPointer(rebasing: bytes[position..<position + length])
        var string = String(decoding: part, as: UTF8.self)
        let intact = string.withUTF8 { $0.count == length && (length == 0 || memcmp($0.baseAddress!, part.baseAddress!, length) == 0) }
        guard intact else { throw ArchiveError() }
        position += length
        return string
    }

    /// A string's bytes as written, handed to `body` without making a string (a run of paths to
    /// copy as bytes): they are checked for nothing, not even UTF-8.
    public mutating func stringBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws(ArchiveError) -> Result) throws(ArchiveError) -> Result {
        let length = try count()
        guard end - position >= length else { throw ArchiveError() }
        let result = try body(UnsafeBufferPointer(rebasing: bytes[position..<position + length]))
        position += length
        return result
    }

    /// A string left as the archive's bytes until it is read (see `LazyText`).
    public mutating func lazyText() throws(ArchiveError) -> LazyText {
        let length = try count()
        guard end - position >= length else { throw ArchiveError() }
        position += length
        return LazyText(buffer, start: position - length, count: length)
    }

    /// A string that may be missing.
    public mutating func optionalString() throws(ArchiveError) -> String? {
        try bool() ? try string() : nil
    }

    /// A list of counts or indexes.
    public mutating func counts() throws(ArchiveError) -> [Int] {
        let total = try count()
        // Most lists of an article are empty: those allocate nothing.
        guard total > 0 else { return [] }
        guard total <= end - position else { throw ArchiveError() }
        var values: [Int] = []
        values.reserveCapacity(total)
        for _ in 0..<total { values.append(try count()) }
        return values
    }

    /// A list of strings.
    public mutating func strings() throws(ArchiveError) -> [String] {
        let total = try count()
        guard total <= end - position else { throw ArchiveError() }
        var values: [String] = []
        values.reserveCapacity(total)
        for _ in 0..<total { values.append(try string()) }
        return values
    }
}

/// A cache file that is cut short, damaged or of another format.
public struct ArchiveError: Error, Sendable {
    /// Makes the error; where it happened does not matter, since the whole cache is then ignored.
    public init() {}
}
