import Templating

/// A small JSON writer for the fixed shapes the build writes once per article (JSON-LD).
///
/// `JSONEncoder` took a tenth of a whole build's time here (it reflects over `Codable` and
/// sorts keys on every call); these shapes are known, so the keys are written in order by hand
/// and only string escaping needs care, done as the template engine's `json` filter does it.
enum JSONText {
    /// A JSON string literal, safe inside `<script>` (the template engine's own escaping).
    static func quoted(_ value: String) -> String {
        JSONString.quoted(value)
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
