extension OutputBuffer {
    /// Appends `text` with the five special characters replaced by entities.
    mutating func appendEscaped(_ text: String) {
        // Native strings are contiguous UTF-8: no copy. Others (bridged, in theory) are copied once.
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { appendEscaped($0) }
        }
    }

    /// Appends bytes, HTML-escaped.
    ///
    /// Hot path, written for speed on purpose: it works on UTF-8 bytes, tests eight bytes at a
    /// time for the five special ones (most text has none) and copies clean words whole, finds
    /// specials with a 256-entry lookup table, and writes straight into the buffer after reserving
    /// room for the worst case. Keep it free of `String` building and per-byte `Array` appends.
    mutating func appendEscaped(_ source: UnsafeBufferPointer<UInt8>) {
        guard let input = source.baseAddress else { return }
        reserve(source.count * HTMLEscaping.longestEntity)
        let table = HTMLEscaping.table
        var output = bytes + count
        var index = 0
        while index < source.count {
            if index + 8 <= source.count {
                let word = UnsafeRawPointer(input + index).loadUnaligned(as: UInt64.self)
                if !HTMLEscaping.containsSpecialByte(word) {
                    UnsafeMutableRawPointer(output).storeBytes(of: word, as: UInt64.self)
                    output += 8
                    index += 8
                    continue
                }
            }
            let byte = input[index]
            let code = table[Int(byte)]
            if code == 0 {
                output.pointee = byte
                output += 1
            } else {
                let entity = HTMLEscaping.entities[Int(code) - 1]
                output.update(from: entity.baseAddress!, count: entity.count)
                output += entity.count
            }
            index += 1
        }
        skip(to: output)
    }
}

/// The characters escaped in `{{name}}`: swift-mustache's set (`&`, `<`, `>`, `"`, `'`), safe in
/// text and in quoted attributes.
enum HTMLEscaping {
    static let longestEntity = 6

    /// True when any byte of `word` is `&`, `<`, `>`, `"` or `'`: the classic "has a zero byte"
    /// test, `(x - 0x01…01) & ~x & 0x80…80`, applied to `word` XOR each special byte repeated.
    @inline(__always)
    static func containsSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let found = hasZeroByte(word ^ (0x26 &* ones)) | hasZeroByte(word ^ (0x3C &* ones))
            | hasZeroByte(word ^ (0x3E &* ones)) | hasZeroByte(word ^ (0x22 &* ones))
            | hasZeroByte(word ^ (0x27 &* ones))
        return found != 0
    }

    /// 0 for a byte copied as it is, else 1 + the index of its entity in `entities`. Raw pointers,
    /// allocated once and never freed, so the loop reads them without bounds checks or retains.
    nonisolated(unsafe) static let table: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        table.initialize(repeating: 0, count: 256)
        for (index, byte) in Array("&<>\"'".utf8).enumerated() { table[Int(byte)] = UInt8(index + 1) }
        return UnsafePointer(table)
    }()

    nonisolated(unsafe) static let entities: [UnsafeBufferPointer<UInt8>] =
        ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].map { entity in
            let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: entity.utf8.count)
            _ = bytes.initialize(from: entity.utf8)
            return UnsafeBufferPointer(bytes)
        }
}
