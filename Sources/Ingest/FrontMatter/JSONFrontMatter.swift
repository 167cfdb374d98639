import Foundation
import Infrastructure

/// Reads a JSON object at the top of a file with Foundation's decoder.
enum JSONFrontMatter {
    /// Parses the object; positions are those of each key's first appearance in the text.
    static func parse(_ text: Substring) throws(FrontMatterError) -> FrontMatterFields {
        let decoded: [String: JSONValue]
        do {
            decoded = try JSONDecoder().decode([String: JSONValue].self, from: Data(text.utf8))
        } catch {
            let (line, column) = location(of: error)
            throw FrontMatterError(line: line, column: column, message: "JSON front matter: \(reason(of: error))")
        }
        var fields = FrontMatterFields()
        for (key, value) in decoded.sorted(by: { $0.key < $1.key }) {
            fields.set(key, value.frontMatter, at: position(ofKey: key, in: text))
        }
        return fields
    }

    private static func position(ofKey key: String, in text: Substring) -> SourcePosition {
        guard let range = text.range(of: "\"\(key)\"") else { return SourcePosition(line: 1, column: 1) }
        let before = text[..<range.lowerBound]
        let line = 1 + before.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return SourcePosition(line: line, column: text[lineStart..<range.lowerBound].count + 1)
    }

    /// Foundation reports positions only inside its debug text ("around line 3, column 5").
    private static func location(of error: Error) -> (Int, Int) {
        let text = reason(of: error)
        guard let lineRange = text.range(of: "line "), let columnRange = text.range(of: "column ") else { return (1, 1) }
        let line = Int(text[lineRange.upperBound...].prefix { $0.isNumber }) ?? 1
        let column = Int(text[columnRange.upperBound...].prefix { $0.isNumber }) ?? 1
        return (line, column)
    }

    private static func reason(of error: Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return underlying ?? context.debugDescription
        }
        return "\(error)"
    }
}

/// JSON as decoded, before it becomes a front matter value.
private enum JSONValue: Decodable {
    case string(String)
    case bool(Bool)
    case number(Double)
    case null
    case list([JSONValue])
    case object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
        else if let number = try? container.decode(Double.self) { self = .number(number) }
        else if let text = try? container.decode(String.self) { self = .string(text) }
        else if let list = try? container.decode([JSONValue].self) { self = .list(list) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    var frontMatter: FrontMatterValue {
        switch self {
        case .string(let text): return .string(text)
        case .bool(let flag): return .bool(flag)
        case .number(let number):
            return .string(number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number))
        case .null: return .string("")
        case .list(let items): return .list(items.map(\.frontMatter))
        case .object(let fields):
            // Keys differing only in case fold to one; the last in key order wins, as with top-level keys.
            return .table(Dictionary(fields.sorted { $0.key < $1.key }.map { ($0.key.lowercased(), $0.value.frontMatter) },
                                     uniquingKeysWith: { _, last in last }))
        }
    }
}
