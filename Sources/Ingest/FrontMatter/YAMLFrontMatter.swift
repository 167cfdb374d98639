import Infrastructure
import Yams

/// Reads YAML front matter with Yams, keeping scalars as written.
enum YAMLFrontMatter {
    /// Values one front matter may hold once its aliases are expanded. Yams shares an anchored
    /// node between its aliases, but reading them expands every copy: 395 bytes of nested aliases
    /// (a "billion laughs") held 9^9 values and took 14 GB. Real front matter holds a few dozen.
    static let valueLimit = 10_000

    /// Parses the text; `firstLine` is the file line the text starts on, so positions are the file's.
    static func parse(_ text: Substring, firstLine: Int) throws(FrontMatterError) -> FrontMatterFields {
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
        var budget = valueLimit
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            let mark = key.mark
            let position = SourcePosition(line: firstLine + (mark?.line ?? 1) - 1, column: mark?.column ?? 1)
            guard let converted = convert(value, budget: &budget) else {
                throw FrontMatterError(line: position.line, column: position.column, code: "front-matter.too-large",
                                       message: "front matter holds more than \(valueLimit) values once its aliases are expanded")
            }
            fields.set(name, converted, at: position)
        }
        return fields
    }

    /// The node as a front-matter value, spending one unit of `budget` per value; nil once the
    /// budget is spent.
    private static func convert(_ node: Yams.Node, budget: inout Int) -> FrontMatterValue? {
        budget -= 1
        guard budget >= 0 else { return nil }
        switch node {
        case .scalar(let scalar):
            // Only plain `true`/`false` are booleans: a quoted "true" stays text. A plain null is
            // no value at all (exported Hugo sites hold `lastmod: null`).
            if scalar.style == .plain, let flag = Bool(scalar.string.lowercased()) { return .bool(flag) }
            if scalar.style == .plain, ["null", "Null", "NULL", "~"].contains(scalar.string) { return .string("") }
            return .string(scalar.string)
        case .sequence(let sequence):
            var items: [FrontMatterValue] = []
            for item in sequence {
                guard let value = convert(item, budget: &budget) else { return nil }
                items.append(value)
            }
            return .list(items)
        case .mapping(let mapping):
            var table: [String: FrontMatterValue] = [:]
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                guard let converted = convert(value, budget: &budget) else { return nil }
                table[name.lowercased()] = converted
            }
            return .table(table)
        case .alias:
            return .string("")
        }
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
