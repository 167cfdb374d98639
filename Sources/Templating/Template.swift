/// A compiled template: the tree its source parses into, rendered many times from many threads.
///
/// Compiling does all the work that does not depend on data: tags are matched, standalone lines
/// removed, indentation of blocks worked out, names split and filters resolved, so that rendering
/// only walks nodes and looks names up.
struct Template: Sendable {
    /// Sections, inverted sections, parents and blocks nested deeper than this in one template are
    /// a compile error.
    static let nestingLimit = 100

    let name: String
    let nodes: [Node]

    /// Compiles one template's source; `filters` resolves the filters its tags name.
    init(name: String, source: String, filters: FilterRegistry, delimiters: Delimiters = .standard)
        throws(TemplateError)
    {
        self.name = name
        var parser = Parser(source: SourceText(name: name, source: source), filters: filters)
        nodes = try parser.parse(delimiters: delimiters)
    }

    /// One step of a compiled template.
    ///
    /// Payloads other than text are final classes on purpose: rendering copies each node out of
    /// its array, and a class reference costs one retain where a struct would cost one per field.
    enum Node: Sendable {
        /// Literal bytes, copied as they are.
        case text(Text)
        /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (raw).
        case value(Value)
        /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`.
        case section(Section)
        /// `{{> name}}` or `{{>*name}}`.
        case partial(Partial)
        /// `{{< name}}…{{/name}}`: another template, with some of its blocks replaced.
        case parent(Parent)
        /// `{{$ name}}…{{/name}}`: a replaceable part of this template, with its default content.
        case block(Block)
    }

    final class Text: Sendable {
        let bytes: [UInt8]
        /// Offsets just past each line ending, so indented rendering need not search for them.
        let lineEnds: [Int]

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            lineEnds = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
        }
    }

    final class Value: Sendable {
        let expression: Expression
        let escaped: Bool
        let position: SourcePosition

        init(expression: Expression, escaped: Bool, position: SourcePosition) {
            self.expression = expression
            self.escaped = escaped
            self.position = position
        }
    }

    final class Section: Sendable {
        let expression: Expression
        let inverted: Bool
        let nodes: [Node]
        /// The unprocessed text between the tags and the delimiters in effect, which the spec
        /// hands to a lambda and re-parses its result with.
        let rawText: String
        let delimiters: Delimiters
        let position: SourcePosition

        init(
            expression: Expression, inverted: Bool, nodes: [Node], rawText: String, delimiters: Delimiters,
            position: SourcePosition
        ) {
            self.expression = expression
            self.inverted = inverted
            self.nodes = nodes
            self.rawText = rawText
            self.delimiters = delimiters
            self.position = position
        }
    }

    final class Partial: Sendable {
        let name: TemplateName
        /// Prepended to every line of the partial; set when the tag stands alone on its line.
        let indentation: [UInt8]
        let standalone: Bool
        let position: SourcePosition

        init(name: TemplateName, indentation: [UInt8], standalone: Bool, position: SourcePosition) {
            self.name = name
            self.indentation = indentation
            self.standalone = standalone
            self.position = position
        }
    }

    final class Parent: Sendable {
        let name: TemplateName
        /// Block name → the content that replaces the parent's default, from this template.
        let overrides: [String: BlockContent]
        let indentation: [UInt8]
        let standalone: Bool
        let position: SourcePosition

        init(
            name: TemplateName, overrides: [String: BlockContent], indentation: [UInt8], standalone: Bool,
            position: SourcePosition
        ) {
            self.name = name
            self.overrides = overrides
            self.indentation = indentation
            self.standalone = standalone
            self.position = position
        }
    }

    final class Block: Sendable {
        let name: String
        let defaultContent: BlockContent
        /// Added to every line of whichever content is rendered here (the spec's block reindentation).
        let indentation: [UInt8]
        /// True when the block's content begins a line, so its first line takes the indentation.
        let startsLine: Bool

        init(name: String, defaultContent: BlockContent, indentation: [UInt8], startsLine: Bool) {
            self.name = name
            self.defaultContent = defaultContent
            self.indentation = indentation
            self.startsLine = startsLine
        }
    }

    /// Nodes of a block, with the template they come from (for the render report).
    final class BlockContent: Sendable {
        let templateName: String
        let nodes: [Node]

        init(templateName: String, nodes: [Node]) {
            self.templateName = templateName
            self.nodes = nodes
        }
    }

    /// How a partial or parent tag names its template: literally, or through a name in the data.
    enum TemplateName: Sendable {
        case fixed(String)
        case dynamic(Path)
    }
}
