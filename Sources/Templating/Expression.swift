/// What a variable or section tag evaluates: a name looked up in the context, then the filters
/// it is piped through (`{{ date | date: "dd/MM/yyyy" | upper }}`), resolved at compile time.
struct Expression: Sendable {
    let path: Path
    let filters: [FilterCall]
    /// The name as written, for the render report.
    let name: String
    /// False when a filter handles absence itself (`default`), so a missing name is not reported.
    let reportsMissing: Bool
}

/// A name to look up: `.`, a dotted name, or a loop position (`@index`).
enum Path: Sendable, Equatable {
    /// `.`: the top of the context stack.
    case current
    /// `a.b.c`: `a` is looked up through the context stack, `b` and `c` only inside it.
    case names(first: String, rest: [String])
    /// `@index`, `@number`, `@first`, `@last`: where the innermost list section is.
    case loop(LoopField)
}

/// The loop positions a list section exposes to its content.
enum LoopField: String, Sendable, CaseIterable {
    /// 0-based position of the item.
    case index
    /// 1-based position of the item.
    case number
    /// True for the first item.
    case first
    /// True for the last item.
    case last
}

/// One filter applied in an expression, with its arguments.
struct FilterCall: Sendable {
    let filter: TemplateFilter
    let arguments: [Argument]
}

/// A filter argument: a literal, or a name looked up in the context when the tag renders.
enum Argument: Sendable {
    case literal(TemplateValue)
    case path(Path)
}
