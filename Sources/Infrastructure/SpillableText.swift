/// Text held in memory or in a build's spill file (see `SpillFile`): what a document's or an
/// article's body is, from the moment it is read until its page is written. A body cmark-gfm
/// rendered stays UTF-8 bytes all the way to its page: made a `String`, it would be checked byte
/// by byte (a fortieth of a build), and nothing on the way needs one.
///
/// Text in a spill file can be edited without being read back: the edits are kept beside it
/// and applied each time it is read. Rewriting a body's links that way costs one read of its
/// bytes and no second copy in the file.
public struct SpillableText: Sendable {
    /// A replacement of some bytes of the text.
    public struct Edit: Sendable {
        /// The bytes replaced, as UTF-8 offsets into the text.
        public let range: Range<Int>
        /// What replaces them.
        public let replacement: String

        /// Makes an edit.
        public init(range: Range<Int>, replacement: String) {
            self.range = range
            self.replacement = replacement
        }
    }

    private enum Storage: Sendable {
        case memory(String)
        case utf8([UInt8])
        case spilled(SpillFile, SpillFile.Extent, edits: [Edit])
    }

    private let storage: Storage

    /// Text kept in memory.
    public init(_ text: String) {
        storage = .memory(text)
    }

    /// Text kept in memory as UTF-8 bytes, which must be valid UTF-8 (cmark-gfm's output is).
    public init(utf8 bytes: [UInt8]) {
        storage = .utf8(bytes)
    }

    private init(_ storage: Storage) {
        self.storage = storage
    }

    /// The text, read from the spill file each time when it is there: read it once per use.
    public var text: String {
        switch storage {
        case .memory(let text): text
        case .utf8, .spilled: String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The text's UTF-8 bytes, read from the spill file each time when it is there and never made
    /// a `String`, which would check every byte again: what a page writes out.
    public var bytes: [UInt8] {
        switch storage {
        case .memory(let text): Array(text.utf8)
        case .utf8(let bytes): bytes
        case .spilled(let spill, let extent, let edits): Self.applying(edits, to: spill.bytes(at: extent))
        }
    }

    /// Whether it is out of memory, in a spill file.
    public var isSpilled: Bool {
        if case .spilled = storage { true } else { false }
    }

    /// The same text in `spill`, when it is in memory and there is one and the write succeeds.
    public func spilled(to spill: SpillFile?) -> SpillableText {
        guard let spill else { return self }
        let extent: SpillFile.Extent?
        switch storage {
        case .memory(var text): extent = text.isEmpty ? nil : text.withUTF8 { spill.append($0) }
        case .utf8(let bytes): extent = bytes.isEmpty ? nil : bytes.withUnsafeBufferPointer { spill.append($0) }
        case .spilled: extent = nil
        }
        return extent.map { SpillableText(.spilled(spill, $0, edits: [])) } ?? self
    }

    /// Calls `body` with the text's UTF-8 bytes (see `bytes`).
    public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        switch storage {
        case .memory(var text): text.withUTF8(body)
        case .utf8(let bytes): bytes.withUnsafeBufferPointer(body)
        case .spilled: bytes.withUnsafeBufferPointer(body)
        }
    }

    /// The text with `edits` applied: sorted ranges of its UTF-8 bytes that do not overlap.
    public func editing(_ edits: [Edit]) -> SpillableText {
        guard !edits.isEmpty else { return self }
        switch storage {
        case .memory(let text): return SpillableText(Self.applying(edits, to: text))
        case .utf8(let bytes): return SpillableText(utf8: Self.applying(edits, to: bytes))
        case .spilled(let spill, let extent, let before) where before.isEmpty: return SpillableText(.spilled(spill, extent, edits: edits))
        case .spilled: return SpillableText(utf8: Self.applying(edits, to: bytes))
        }
    }

    /// `bytes` with `edits` applied (see `editing`).
    static func applying(_ edits: [Edit], to bytes: [UInt8]) -> [UInt8] {
        guard !edits.isEmpty else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(edits.reduce(bytes.count) { $0 + $1.replacement.utf8.count - $1.range.count })
        var copied = 0
        for edit in edits {
            result += bytes[copied..<edit.range.lowerBound]
            result += edit.replacement.utf8
            copied = edit.range.upperBound
        }
        result += bytes[copied...]
        return result
    }

    /// `text` with `edits` applied (see `editing`).
    public static func applying(_ edits: [Edit], to text: String) -> String {
        guard !edits.isEmpty else { return text }
        var result = ""
        // Exactly what the result takes: a body is kept for the whole build, and slack reserved in
        // each was a tenth of the bodies' memory. Slices of the original are appended, which Swift
        // does not check again as it would new bytes.
        result.reserveCapacity(edits.reduce(text.utf8.count) { $0 + $1.replacement.utf8.count - $1.range.count })
        var copied = text.utf8.startIndex
        for edit in edits {
            let start = text.utf8.index(text.utf8.startIndex, offsetBy: edit.range.lowerBound)
            result += text[copied..<start]
            result += edit.replacement
            copied = text.utf8.index(text.utf8.startIndex, offsetBy: edit.range.upperBound)
        }
        result += text[copied...]
        return result
    }
}
