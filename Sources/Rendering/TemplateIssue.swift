/// Something a template asked for that a page's context or the theme did not have, kept with the
/// page so that a later build that keeps the page still reports it.
public struct TemplateIssue: Sendable, Hashable, Decodable {
    /// The kind, as `RenderReport.Issue.Kind` names it (`missingVariable`, `unknownPartial`, …).
    public var kind: String
    /// The name looked up.
    public var name: String
    /// The template it was looked up from.
    public var template: String
    /// 1-based line of the tag.
    public var line: Int
    /// 1-based column of the tag.
    public var column: Int

    /// Makes an issue.
    public init(kind: String, name: String, template: String, line: Int, column: Int) {
        self.kind = kind
        self.name = name
        self.template = template
        self.line = line
        self.column = column
    }
}
