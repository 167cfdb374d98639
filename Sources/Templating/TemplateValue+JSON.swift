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

    static func appendJSONString(_ text: String, to bytes: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": bytes += Array("\\\"".utf8)
            case "\\": bytes += Array("\\\\".utf8)
            case "\n": bytes += Array("\\n".utf8)
            case "\r": bytes += Array("\\r".utf8)
            case "\t": bytes += Array("\\t".utf8)
            case "<", ">", "&", "\u{2028}", "\u{2029}", "\u{0}"..."\u{1F}":
                let value = Int(scalar.value)
                bytes += Array("\\u".utf8)
                for shift in [12, 8, 4, 0] { bytes.append(hex[(value >> shift) & 0xF]) }
            default:
                bytes += Array(String(scalar).utf8)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

/// JSON string literals safe inside `<script>`, as the `json` filter writes them: for hosts that
/// write JSON of their own (JSON-LD, feeds) without a second escaping routine.
public enum JSONString {
    /// `text` as a JSON string literal, quotes included; `<`, `>`, `&`, U+2028, U+2029 and control
    /// characters are `\u` escapes, so no `</script>` or `<!--` can appear.
    public static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        TemplateValue.appendJSONString(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
