/// A place in a WARC file's record data that can be read again later without reading what comes
/// before it: for a plain .warc, a file offset; for a .warc.gz, a checkpoint where inflating can
/// start, and how many inflated bytes after it the place is.
struct StreamPoint: Sendable {
    /// Where to start inflating; nil in a plain .warc.
    var checkpoint: InflateCheckpoint?
    /// Bytes from the checkpoint's output (or, in a plain .warc, from the start of the file).
    var distance: Int
}

/// Where inflating a .warc.gz can start: at a gzip member's first byte, or, inside a member that
/// holds many records (one gzip stream for a whole file), at a deflate block boundary with the
/// window that back-references may reach — the access points of zlib's `examples/zran.c`.
struct InflateCheckpoint: Sendable {
    /// The file offset of the first compressed byte to read (for `bits` > 0, the byte holding them).
    var input: Int
    /// The unread bits of the byte at `input`; 0 at a member start.
    var bits: Int
    /// How many bytes the whole stream had inflated to here.
    var output: Int
    /// The 32 KiB of output before the checkpoint; empty at a member start.
    var window: [UInt8]
    /// True at a gzip member's first byte, where a gzip header follows.
    var isMemberStart: Bool

    /// A gzip member's start.
    static func memberStart(input: Int, output: Int) -> InflateCheckpoint {
        InflateCheckpoint(input: input, bits: 0, output: output, window: [], isMemberStart: true)
    }
}
