/// What went unresolved while rendering: names missing from the data, partials and parents not in
/// the library. Rendering goes on regardless (the spec renders them empty); the host decides what
/// is an error (`broadsheet build` fails on unknown partials, `--strict` on missing variables).
public struct RenderReport: Sendable, Equatable {
    /// One unresolved name, where its tag is.
    public struct Issue: Sendable, Hashable, CustomStringConvertible {
        /// What kind of name could not be resolved.
        public enum Kind: String, Sendable, Hashable {
            /// `{{name}}` with no such name in the context.
            case missingVariable
            /// `{{#name}}` or `{{^name}}` with no such name (often on purpose: an optional field).
            case missingSection
            /// `{{> name}}` naming no template of the library.
            case unknownPartial
            /// `{{< name}}` naming no template of the library.
            case unknownParent
            /// `render(name, …)` called with a name the library does not hold.
            case unknownTemplate
            /// A lambda returned template text that does not compile; `name` holds the error.
            case invalidLambdaResult
            /// Partials or parents nested deeper than `TemplateLibrary.maximumDepth` (a loop).
            case recursionLimit
        }

        /// What went wrong.
        public var kind: Kind
        /// The name as written in the tag (or the partial name a dynamic name resolved to).
        public var name: String
        /// The template holding the tag.
        public var templateName: String
        /// 1-based line of the tag.
        public var line: Int
        /// 1-based column of the tag, counted in Unicode scalars.
        public var column: Int

        /// Makes an issue; rendering makes these, tests and hosts may too.
        public init(kind: Kind, name: String, templateName: String, line: Int, column: Int) {
            self.kind = kind
            self.name = name
            self.templateName = templateName
            self.line = line
            self.column = column
        }

        /// `NAME:LINE:COLUMN: kind 'name'`, the form the command line prints.
        public var description: String {
            "\(templateName):\(line):\(column): \(kind.rawValue) '\(name)'"
        }
    }

    /// Each distinct issue once, in the order first met.
    public private(set) var issues: [Issue] = []
    private var seen: Set<Issue> = []

    /// An empty report.
    public init() {}

    /// True when rendering resolved every name.
    public var isEmpty: Bool { issues.isEmpty }

    /// Records an issue unless the same one (same tag, same name) is already recorded, so a
    /// missing name inside a list of 500 items is reported once.
    public mutating func record(_ issue: Issue) {
        if seen.insert(issue).inserted { issues.append(issue) }
    }
}
