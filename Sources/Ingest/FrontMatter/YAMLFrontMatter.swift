import Infrastructure
import Yams

/// Reads YAML front matter with Yams, keeping scalars as written.
enum YAMLFrontMatter {
    /// Values one front matter may hold once its aliases are expanded, counted before Yams reads
    /// it (`YAMLExpansion`): 395 bytes of nested aliases (a "billion laughs") held 9^9 values and
    /// took 14 GB. Real front matter holds a few dozen.
    static let valueLimit = 10_000

    /// Parses the text; `firstLine` is the file line the text starts on, so positions are the file's.
    static func parse(_ text: Substring, firstLine: Int) throws(FrontMatterError) -> FrontMatterFields {
        if let fields = SimpleYAML.fields(text, firstLine: firstLine) { return fields }
        return try parseWithYams(text, firstLine: firstLine)
    }

    /// `parse` through Yams alone, whatever the text's shape.
    static func parseWithYams(_ text: Substring, firstLine: Int) throws(FrontMatterError) -> FrontMatterFields {
        let root: Yams.Node?
        if let mark = YAMLExpansion.overflow(text, limit: valueLimit) {
            throw FrontMatterError(line: firstLine + mark.line, column: mark.column + 1, code: "front-matter.too-large",
                                   message: "front matter holds more than \(valueLimit) values once its aliases are expanded")
        }
        do {
            // An explicit encoding: the default makes Yams read the whole environment on every parse.
            // The basic resolver: scalars are read by their style below, and the default one runs a
            // regular expression per scalar (and per key again when Yams checks for duplicates).
            root = try Yams.compose(yaml: String(text), .basic, .default, .utf8)
        } catch let error as YamlError {
            throw positioned(error, firstLine: firstLine)
        } catch {
            throw FrontMatterError(line: firstLine, column: 1, message: "cannot read YAML front matter: \(error)")
        }
        var fields = FrontMatterFields()
        guard let root else { return fields }
        guard let mapping = root.mapping else {
            throw FrontMatterError(line: firstLine + (root.mark?.line ?? 1) - 1, column: root.mark?.column ?? 1, code: "front-matter.not-a-mapping",
                                   message: "front matter must be a mapping of keys to values")
        }
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            let mark = key.mark
            fields.set(name, convert(value), at: SourcePosition(line: firstLine + (mark?.line ?? 1) - 1, column: mark?.column ?? 1))
        }
        return fields
    }

    private static func convert(_ node: Yams.Node) -> FrontMatterValue {
        switch node {
        case .scalar(let scalar):
            return scalar.style == .plain ? plainValue(scalar.string) : .string(scalar.string)
        case .sequence(let sequence):
            return .list(sequence.map(convert))
        case .mapping(let mapping):
            var table: [String: FrontMatterValue] = [:]
            for (key, value) in mapping {
                if let name = key.string { table[name.lowercased()] = convert(value) }
            }
            return .table(table)
        case .alias:
            return .string("")
        }
    }

    /// A plain (unquoted) scalar's value. Only plain `true`/`false` are booleans: a quoted "true"
    /// stays text. A plain null is no value at all (exported Hugo sites hold `lastmod: null`).
    static func plainValue(_ text: String) -> FrontMatterValue {
        if let flag = Bool(text.lowercased()) { return .bool(flag) }
        if ["null", "Null", "NULL", "~"].contains(text) { return .string("") }
        return .string(text)
    }

    private static func positioned(_ error: YamlError, firstLine: Int) -> FrontMatterError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return FrontMatterError(line: firstLine + mark.line - 1, column: mark.column, message: "YAML front matter: \(problem)")
        default:
            return FrontMatterError(line: firstLine, column: 1, message: "cannot read YAML front matter: \(error)")
        }
    }
}
