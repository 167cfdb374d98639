/// The compressed bytes of a .warc.gz from some offset on, read ahead 64 KiB at a time.
struct GzipInput {
    private let file: WARCFile
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var bufferOffset: Int

    /// Input starting at `offset`, read ahead `capacity` bytes at a time.
    init(file: WARCFile, offset: Int, capacity: Int = 64 * 1024) {
        self.file = file
        bufferOffset = offset
        buffer = [UInt8](repeating: 0, count: max(capacity, 16))
    }

    /// The file offset of the next byte not yet taken.
    var offset: Int { bufferOffset + start }

    /// Reads ahead when every byte read so far has been taken; false at the end of the file.
    mutating func refill() -> Bool {
        if start < end { return true }
        bufferOffset += end
        start = 0
        end = buffer.withUnsafeMutableBytes { file.read(into: $0, at: bufferOffset) }
        return end > 0
    }

    /// The next `count` bytes without taking them; fewer at the end of the file.
    mutating func peek(_ count: Int) -> ArraySlice<UInt8> {
        readAhead(count)
        return buffer[start..<min(end, start + count)]
    }

    /// The bytes read ahead and not yet taken, at least `count` of them where the file has that
    /// many: the read-ahead grows to hold them.
    mutating func withAvailable<Result>(atLeast count: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        if buffer.count < count { buffer += repeatElement(0, count: count - buffer.count) }
        readAhead(count)
        return withAvailable(body)
    }

    /// Moves the bytes not yet taken to the front and reads after them, when fewer than `count`
    /// are there.
    private mutating func readAhead(_ count: Int) {
        if end - start < count {
            let (start, end, bufferOffset) = (start, end, bufferOffset)
            self.end = buffer.withUnsafeMutableBytes { raw in
                raw.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[start..<end]))
                let kept = end - start
                return kept + file.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[kept...]), at: bufferOffset + end)
            }
            self.bufferOffset += start
            self.start = 0
        }
    }

    /// Takes one byte; nil at the end of the file.
    mutating func take() -> UInt8? {
        guard refill() else { return nil }
        start += 1
        return buffer[start - 1]
    }

    /// Takes `count` bytes unseen; false when the file ends first.
    mutating func skip(_ count: Int) -> Bool {
        var left = count
        while left > 0 {
            guard refill() else { return false }
            let step = min(left, end - start)
            start += step
            left -= step
        }
        return true
    }

    /// The bytes read ahead and not yet taken.
    func withAvailable<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        buffer.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Marks `count` of the available bytes as taken.
    mutating func advance(_ count: Int) {
        start += count
    }
}
