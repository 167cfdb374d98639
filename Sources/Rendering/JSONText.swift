/// A small JSON writer for the fixed shapes the build writes once per article (JSON-LD).
///
/// `JSONEncoder` took a tenth of a whole build's time here (it reflects over `Codable` and
/// sorts keys on every call); these shapes are known, so the keys are written in order by hand
/// and only string escaping needs care. Strings are also made safe inside `<script>`.
enum JSONText {
    /// Escapes a string as a JSON string literal, with `<`, `>` and `&` as `\u` escapes so that
    /// no `</script>` or `<!--` can appear.
    static func quoted(_ value: String) -> String {
        var result = "\""
        result.reserveCapacity(value.utf8.count + 2)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "<": result += "\\u003c"
            case ">": result += "\\u003e"
            case "&": result += "\\u0026"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// An object from key–value pairs whose values are already JSON; nil values are left out.
    static func object(_ fields: KeyValuePairs<String, String?>) -> String {
        var parts: [String] = []
        for (key, value) in fields {
            if let value { parts.append(quoted(key) + ":" + value) }
        }
        return "{" + parts.joined(separator: ",") + "}"
    }

    /// An array of values that are already JSON.
    static func array(_ items: [String]) -> String {
        "[" + items.joined(separator: ",") + "]"
    }
}
