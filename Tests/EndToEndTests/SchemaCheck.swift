import Foundation

/// Checks a JSON value (as `JSONSerialization` reads it) against a JSON Schema, for the keywords
/// `docs/report.schema.json` uses: `type`, `required`, `properties`, `additionalProperties: false`,
/// `items`, `const`, `enum`, `minimum`, `pattern`. A keyword it does not know is a problem too, so
/// that the schema cannot grow a rule this check would silently skip.
enum SchemaCheck {
    private static let known: Set = ["$schema", "title", "description", "type", "required", "properties", "additionalProperties",
                                     "items", "const", "enum", "minimum", "pattern"]

    /// Every way `value` breaks `schema`, each with its JSON path; empty when it conforms.
    static func problems(_ value: Any, against schema: [String: Any], at path: String = "$") -> [String] {
        var problems = schema.keys.filter { !known.contains($0) }.map { "\(path): the schema uses '\($0)', which SchemaCheck does not check" }
        if let expected = schema["const"], !same(value, expected) { problems.append("\(path): should be \(expected)") }
        if let options = schema["enum"] as? [Any], !options.contains(where: { same(value, $0) }) {
            problems.append("\(path): \(value) is not one of \(options)")
        }
        if let type = schema["type"] {
            let types = type as? [String] ?? [type as? String ?? "?"]
            if !types.contains(where: { isOf(value, type: $0) }) { problems.append("\(path): \(value) is not of type \(types)") }
        }
        if let minimum = schema["minimum"] as? NSNumber, let number = value as? NSNumber, number.doubleValue < minimum.doubleValue {
            problems.append("\(path): \(number) is below \(minimum)")
        }
        if let pattern = schema["pattern"] as? String, let text = value as? String, text.range(of: pattern, options: .regularExpression) == nil {
            problems.append("\(path): '\(text)' does not match \(pattern)")
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { problems.append("\(path): '\(key)' is missing") }
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            for (key, member) in object.sorted(by: { $0.key < $1.key }) {
                if let rule = properties[key] {
                    problems += Self.problems(member, against: rule, at: "\(path).\(key)")
                } else if let rule = schema["additionalProperties"] as? [String: Any] {
                    problems += Self.problems(member, against: rule, at: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool == false {
                    problems.append("\(path): '\(key)' is not in the schema")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { problems += Self.problems(item, against: items, at: "\(path)[\(index)]") }
        }
        return problems
    }

    private static func isOf(_ value: Any, type: String) -> Bool {
        switch type {
        case "string": return value is String
        case "number": return value is NSNumber && !(value is String)
        case "integer":
            guard let number = value as? NSNumber, !(value is String) else { return false }
            return number.doubleValue.rounded() == number.doubleValue
        case "null": return value is NSNull
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        default: return false
        }
    }

    private static func same(_ value: Any, _ expected: Any) -> Bool {
        if let text = value as? String, let other = expected as? String { return text == other }
        if let number = value as? NSNumber, let other = expected as? NSNumber, !(value is String), !(expected is String) { return number == other }
        return false
    }
}
