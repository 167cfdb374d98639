/// The bytes a render produces, in one growable allocation written through a raw pointer.
///
/// Hot path, written for speed on purpose: `Array.append(contentsOf:)` costs about ninety
/// instructions per call before copying anything, and a page makes thousands of small appends.
/// Here an append is a capacity check and a `memcpy`-sized copy. Non-copyable so the allocation
/// has exactly one owner.
struct OutputBuffer: ~Copyable {
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 32 * 1024) {
        self.capacity = capacity
        bytes = .allocate(capacity: capacity)
    }

    deinit { bytes.deallocate() }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBytes.update(from: bytes, count: count)
        bytes.deallocate()
        bytes = newBytes
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let base = source.baseAddress else { return }
        reserve(source.count)
        (bytes + count).update(from: base, count: source.count)
        count += source.count
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        bytes[count] = byte
        count += 1
    }

    mutating func append(_ array: [UInt8]) {
        array.withUnsafeBufferPointer { append($0) }
    }

    mutating func append(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil {
            append(Array(text.utf8))
        }
    }

    /// Marks the bytes up to `end` (written through `bytes` after a `reserve`) as written.
    @inline(__always)
    mutating func skip(to end: UnsafeMutablePointer<UInt8>) {
        count = end - bytes
    }

    /// A copy of what was written from `start` on.
    func copy(from start: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: bytes + start, count: count - start))
    }

    /// Bytes written since `start`, removed from the buffer (a lambda's output, before escaping).
    mutating func take(from start: Int) -> [UInt8] {
        let taken = Array(UnsafeBufferPointer(start: bytes + start, count: count - start))
        count = start
        return taken
    }

    /// Everything written so far.
    var written: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes, count: count)
    }
}
