/// The most attributes one tag of a page may have. libxml2 2.9 checks each new attribute against
/// all before it, so a tag of 40,000 attributes took 7 s to parse and one of 200,000 (a 2 MB page)
/// never finished; real pages have a few dozen.
enum AttributeBound {
    static let limit = 10_000

    /// Whether some tag of `bytes` has more than `limit` attributes, counted as the `=` signs
    /// between a `<` that opens a tag and its `>`, outside quoted values. One pass, no copies.
    static func isExceeded(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            // No page with `limit` `=` signs in all can have a tag with more: counted first, in a loop
            // the compiler vectorizes, it spares nearly every page the scan below.
            var signs = 0
            for byte in buffer { signs &+= byte == UInt8(ascii: "=") ? 1 : 0 }
            guard signs > limit else { return false }
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

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }
}
