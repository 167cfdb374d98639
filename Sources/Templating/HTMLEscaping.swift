/// HTML escaping straight into the output buffer.
///
/// Hot path, written for speed on purpose: it works on UTF-8 bytes, finds the five special bytes
/// with a 256-entry lookup table, and copies the clean runs between them in bulk. Keep it free of
/// `String` building and per-byte appends.
enum HTMLEscaping {
    /// 0 for a byte copied as it is, else 1 + the index of its entity in `entities`.
    /// The set is swift-mustache's (`&`, `<`, `>`, `"`, `'`), safe in text and quoted attributes.
    /// A raw pointer allocated once and never freed, so the loop reads it without bounds checks.
    nonisolated(unsafe) private static let table: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        table.initialize(repeating: 0, count: 256)
        for (index, byte) in [UInt8(ascii: "&"), .init(ascii: "<"), .init(ascii: ">"), .init(ascii: "\""), .init(ascii: "'")]
            .enumerated()
        {
            table[Int(byte)] = UInt8(index + 1)
        }
        return UnsafePointer(table)
    }()

    private static let entities: [[UInt8]] = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].map { Array($0.utf8) }

    /// Appends `text` to `buffer` with the five special characters replaced by entities.
    static func append(_ text: String, to buffer: inout [UInt8]) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { append($0, to: &buffer) }
        if done == nil {
            Array(text.utf8).withUnsafeBufferPointer { append($0, to: &buffer) }
        }
    }

    /// Appends bytes to `buffer`, escaped.
    static func append(_ source: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        guard let bytes = source.baseAddress else { return }
        let table = Self.table
        let count = source.count
        var runStart = 0
        var index = 0
        while index < count {
            let code = table[Int(bytes[index])]
            if code != 0 {
                if runStart < index { buffer.append(contentsOf: UnsafeBufferPointer(start: bytes + runStart, count: index - runStart)) }
                buffer.append(contentsOf: entities[Int(code) - 1])
                runStart = index + 1
            }
            index += 1
        }
        if runStart < count {
            buffer.append(contentsOf: UnsafeBufferPointer(start: bytes + runStart, count: count - runStart))
        }
    }
}
