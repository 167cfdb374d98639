/// The record data of a WARC file in order, as the one pass that indexes it reads it: the file
/// itself, or what its gzip members inflate to.
protocol RecordSource {
    /// Reads the next bytes into `buffer`; 0 at the end of the data, or where it cannot be read.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int
    /// Passes over the next `count` bytes; returns how many there were.
    mutating func skip(_ count: Int) -> Int
    /// Where the byte at `position` (counted from the start of the data) can be read again.
    func point(at position: Int) -> StreamPoint
    /// The offset that messages give for a record starting at `position`.
    func recordOffset(at position: Int) -> Int
    /// Forgets what is needed only to read bytes before `position` again.
    mutating func release(upTo position: Int)
    /// Why the data ended before the end of the file, and where, if it did.
    var failure: (offset: Int, message: String)? { get }
}

/// A plain .warc: the data is the file.
struct PlainRecordSource: RecordSource {
    private let file: WARCFile
    private var position = 0

    /// Reads `file` from its start.
    init(file: WARCFile) {
        self.file = file
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let count = file.read(into: buffer, at: position)
        position += count
        return count
    }

    mutating func skip(_ count: Int) -> Int {
        let skipped = max(0, min(count, file.size - position))
        position += skipped
        return skipped
    }

    func point(at position: Int) -> StreamPoint { StreamPoint(checkpoint: nil, distance: position) }

    func recordOffset(at position: Int) -> Int { position }

    mutating func release(upTo position: Int) {}

    var failure: (offset: Int, message: String)? { nil }
}
