import Infrastructure

/// A front matter value, whichever syntax it was written in.
///
/// Numbers and dates stay as the author wrote them (`.string`): the fields that need them parse
/// them, so `title: 2021` stays the text "2021".
public indirect enum FrontMatterValue: Sendable, Hashable {
    /// Text, a number or a date as written.
    case string(String)
    /// `true` or `false`.
    case bool(Bool)
    /// A list.
    case list([FrontMatterValue])
    /// Nested keys.
    case table([String: FrontMatterValue])

    /// The value as one piece of text, when it is one.
    var text: String? {
        switch self {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .list, .table: return nil
        }
    }

    /// The value as a list of texts: a list, or one text (split on commas when `splitCommas`).
    func texts(splitCommas: Bool) -> [String]? {
        switch self {
        case .string(let text):
            guard splitCommas else { return [text] }
            return text.split(separator: ",").map { String($0) }
        case .bool: return nil
        case .list(let items): return items.compactMap(\.text)
        case .table: return nil
        }
    }
}

/// The parsed front matter of one file: top-level keys (lower-cased, as Hugo treats them) with
/// their values and the line and column each key was written at.
public struct FrontMatterFields: Sendable {
    /// Values by lower-cased key.
    public var values: [String: FrontMatterValue] = [:]
    /// Where each key was written (1-based line and column in the whole file).
    public var positions: [String: SourcePosition] = [:]

    /// Makes an empty set of fields, with room for a news article's dozen: grown key by key, each
    /// dictionary was copied into new storage four times per document.
    public init() {
        values.reserveCapacity(12)
        positions.reserveCapacity(12)
    }

    /// Records a key; a repeated key keeps its last value, as YAML and TOML readers do.
    mutating func set(_ key: String, _ value: FrontMatterValue, at position: SourcePosition) {
        let folded = key.lowercased()
        values[folded] = value
        positions[folded] = position
    }
}
