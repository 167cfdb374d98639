/// The most attributes one tag of a page may have. libxml2 2.9 checks each new attribute against
/// all before it, so a tag of 40,000 attributes took 7 s to parse and one of 200,000 (a 2 MB page)
/// never finished; real pages have a few dozen.
enum AttributeBound {
    static let limit = 10_000

    /// Whether some tag of `bytes` has more than `limit` attributes, counted as the `=` signs
    /// between a `<` that opens a tag and its `>`, outside quoted values. One pass, no copies.
    static func isExceeded(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            // No page with `limit` `=` signs in all can have a tag with more: counted first, eight bytes
            // at a time, it spares nearly every page the scan below.
            guard signs(in: buffer) > limit else { return false }
            var index = 0
            let count = buffer.count
            while index < count {
                guard buffer[index] == UInt8(ascii: "<"), index + 1 < count, isLetter(buffer[index + 1]) else {
                    index += 1
                    continue
                }
                var equals = 0
                var quote: UInt8 = 0
                index += 1
                while index < count {
                    let byte = buffer[index]
                    if quote != 0 {
                        if byte == quote { quote = 0 }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == UInt8(ascii: "=") {
                        equals += 1
                        if equals > limit { return true }
                    } else if byte == UInt8(ascii: ">") {
                        break
                    }
                    index += 1
                }
                index += 1
            }
            return false
        }
    }

    /// How many `=` bytes `buffer` holds: in each eight-byte word the bytes equal to `=` are made
    /// zero, and the zero bytes counted with one population count.
    static func signs(in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var count = 0
        var index = 0
        while index + 8 <= buffer.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ 0x3D3D_3D3D_3D3D_3D3D
            // A byte's high bit ends up set exactly when the byte is zero (no carry crosses bytes).
            count += (~(((word & low) &+ low) | word) & ~low).nonzeroBitCount
            index += 8
        }
        while index < buffer.count {
            if base[index] == UInt8(ascii: "=") { count += 1 }
            index += 1
        }
        return count
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }
}
