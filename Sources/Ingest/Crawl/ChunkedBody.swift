/// An HTTP body sent with `Transfer-Encoding: chunked` (RFC 9112, section 7.1), joined again.
enum ChunkedBody {
    /// The chunks' data, up to the last chunk or the end of `bytes` (a capture cut off mid-chunk
    /// keeps what arrived, as a browser shows it). Nil when `bytes` does not begin with a chunk
    /// size: some crawlers store the body joined and keep the header, and warcio reads such a body
    /// as it is.
    static func decode(_ bytes: [UInt8]) -> [UInt8]? {
        var body: [UInt8] = []
        body.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard let (size, dataStart) = sizeLine(bytes, at: index) else { return index == 0 ? nil : body }
            if size == 0 { break }
            let dataEnd = min(bytes.count, dataStart + size)
            body += bytes[dataStart..<dataEnd]
            index = dataEnd
            // The CRLF after the data.
            if index < bytes.count && bytes[index] == UInt8(ascii: "\r") { index += 1 }
            if index < bytes.count && bytes[index] == UInt8(ascii: "\n") { index += 1 }
        }
        return body
    }

    /// The chunk size in the line at `index` (hex digits, then perhaps extensions after `;`, then the line end), and where
    /// the line's data begins; nil when the line is not one.
    private static func sizeLine(_ bytes: [UInt8], at index: Int) -> (size: Int, dataStart: Int)? {
        var size = 0
        var digits = 0
        var cursor = index
        while cursor < bytes.count, let digit = hexValue(bytes[cursor]) {
            // Fifteen hex digits already pass any file: more can only overflow.
            guard digits < 15 else { return nil }
            size = size * 16 + digit
            digits += 1
            cursor += 1
        }
        while cursor < bytes.count && (bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\t")) { cursor += 1 }
        guard digits > 0, cursor < bytes.count, [UInt8(ascii: ";"), UInt8(ascii: "\r"), UInt8(ascii: "\n")].contains(bytes[cursor]),
              let lineEnd = bytes[cursor...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        return (size, lineEnd + 1)
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }
}
