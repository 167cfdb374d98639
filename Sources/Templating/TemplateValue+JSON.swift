extension TemplateValue {
    /// The value as JSON text, safe to place inside `<script>`: `<`, `>` and `&` are written as
    /// `\u003c`, `\u003e`, `\u0026` (so no `</script>` or `<!--` can appear), and U+2028/U+2029 as
    /// escapes (older JavaScript parsers end a string at them). Object keys are sorted, so output is
    /// deterministic; dates are ISO 8601 strings, markup is a string, lambdas are `null`.
    var jsonText: String {
        var bytes: [UInt8] = []
        appendJSON(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private func appendJSON(to bytes: inout [UInt8]) {
        switch self {
        case .null, .lambda:
            bytes += Array("null".utf8)
        case .bool(let flag):
            bytes += Array((flag ? "true" : "false").utf8)
        case .int(let number):
            bytes += Array(String(number).utf8)
        case .double(let number):
            bytes += Array((number.isFinite ? String(number) : "null").utf8)
        case .string(let text), .html(let text):
            Self.appendJSONString(text, to: &bytes)
        case .htmlBytes(let html):
            Self.appendJSONString(String(decoding: html, as: UTF8.self), to: &bytes)
        case .date(let date):
            Self.appendJSONString(CivilDate(date).iso8601, to: &bytes)
        case .list(let items):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                item.appendJSON(to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let fields):
            bytes.append(UInt8(ascii: "{"))
            for (index, key) in fields.keys.sorted().enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                Self.appendJSONString(key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                fields[key]!.appendJSON(to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// The bytes that are, or may start, an escaped character: controls, `"`, `\`, `<`, `>`, `&`,
    /// and the first byte of U+2028 and U+2029.
    private static let jsonMayEscape: [Bool] = (0...255).map { byte in
        byte < 0x20 || byte == 0xE2 || "\"\\<>&".utf8.contains(UInt8(byte))
    }

    /// Escapes on UTF-8 bytes: everything but the few escaped characters is copied in runs, so a
    /// long body costs one pass and no per-character allocation.
    static func appendJSONString(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        let mayEscape = jsonMayEscape
        text.withUTF8 { utf8 in
            bytes.reserveCapacity(bytes.count + utf8.count + 2)
            bytes.append(UInt8(ascii: "\""))
            var runStart = 0
            var index = 0
            while index < utf8.count {
                // Straight past the bytes that are never escaped: most of any text.
                while index < utf8.count, !mayEscape[Int(utf8[index])] { index += 1 }
                guard index < utf8.count else { break }
                let byte = utf8[index]
                let escape: StaticString?
                var length = 1
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                case UInt8(ascii: "\t"): escape = "\\t"
                case UInt8(ascii: "<"): escape = "\\u003c"
                case UInt8(ascii: ">"): escape = "\\u003e"
                case UInt8(ascii: "&"): escape = "\\u0026"
                case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    escape = utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    length = 3
                case 0..<0x20: escape = nil
                default:
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                if let escape {
                    escape.withUTF8Buffer { bytes.append(contentsOf: $0) }
                } else {
                    let hex: StaticString = "0123456789abcdef"
                    bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                    bytes.append(hex.utf8Start[Int(byte >> 4)])
                    bytes.append(hex.utf8Start[Int(byte & 0xF)])
                }
                index += length
                runStart = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
            bytes.append(UInt8(ascii: "\""))
        }
    }
}

/// JSON string literals safe inside `<script>`, as the `json` filter writes them: for hosts that
/// write JSON of their own (JSON-LD, feeds) without a second escaping routine.
public enum JSONString {
    /// Appends `text` as a JSON string literal, quotes included, to a byte buffer; `<`, `>`, `&`,
    /// U+2028, U+2029 and control characters are `\u` escapes, so no `</script>` or `<!--` can appear.
    public static func append(_ text: String, to bytes: inout [UInt8]) {
        TemplateValue.appendJSONString(text, to: &bytes)
    }
}
