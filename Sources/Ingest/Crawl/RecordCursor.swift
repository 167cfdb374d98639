/// A `RecordSource` read with look-ahead: the scan peeks at a header before it takes it, and
/// passes over a content block without holding it.
struct RecordCursor<Source: RecordSource> {
    private(set) var source: Source
    private var buffer: [UInt8] = []
    private var start = 0
    private var end = 0
    private var sourceEnded = false
    /// How many bytes of the data come before the next unread one.
    private(set) var position = 0

    /// Reads `source` from its start.
    init(_ source: Source) {
        self.source = source
    }

    /// Up to `count` unread bytes, without taking them; fewer only at the end of the data.
    mutating func peek(_ count: Int) -> ArraySlice<UInt8> {
        if end - start < count && !sourceEnded { fill(count) }
        return buffer[start..<min(end, start + count)]
    }

    /// Reads ahead to fill the buffer, four times the largest peek, so that the unread bytes
    /// moved to its front each time are a quarter of those read at most.
    private mutating func fill(_ count: Int) {
        let (start, end) = (start, end)
        if buffer.count < 4 * count { buffer += repeatElement(0, count: 4 * count - buffer.count) }
        self.end = buffer.withUnsafeMutableBytes { raw in
            raw.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[start..<end]))
            var filled = end - start
            while filled < raw.count {
                let read = source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]))
                if read == 0 {
                    sourceEnded = true
                    break
                }
                filled += read
            }
            return filled
        }
        self.start = 0
    }

    /// Takes `count` bytes that `peek` has shown.
    mutating func consume(_ count: Int) {
        start += count
        position += count
        source.release(upTo: position)
    }

    /// Takes the next `count` bytes unseen; returns how many there were.
    mutating func skip(_ count: Int) -> Int {
        let buffered = min(count, end - start)
        start += buffered
        var skipped = buffered
        if count > buffered && !sourceEnded { skipped += source.skip(count - buffered) }
        position += skipped
        source.release(upTo: position)
        return skipped
    }

    /// Takes the line breaks that end a record (the spec's two CRLFs, and any stray ones).
    mutating func skipLineBreaks() {
        while let byte = peek(1).first, byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") { consume(1) }
    }

    /// Takes bytes up to the next line that starts with `WARC/`, after a record whose end is lost;
    /// false when the data ends first.
    mutating func skipToNextRecord() -> Bool {
        let marker = Array("\nWARC/".utf8)
        while true {
            let window = peek(64 * 1024)
            if let found = window.firstRange(of: marker) {
                consume(found.lowerBound - window.startIndex + 1)
                return true
            }
            guard window.count >= marker.count else {
                consume(window.count)
                return false
            }
            consume(window.count - marker.count + 1)
        }
    }
}
