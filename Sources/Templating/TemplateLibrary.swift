/// Every template of a theme, compiled once, by name; renders any of them with partials and
/// parents looked up among the others.
///
/// A library is an immutable value: build it once per build and render from as many threads as
/// you like.
public struct TemplateLibrary: Sendable {
    /// Partials, parents and lambda results nested deeper than this stop rendering (and are
    /// reported): a template that includes itself without a condition would overflow the stack.
    public static let maximumDepth = 100
    /// Partials, parents and lambda results expanded in one render past which it stops (and is
    /// reported): a template that includes itself twice doubles its work at every level, and 100
    /// levels of that never finish. A news page expands a few hundred.
    public static let maximumExpansions = 100_000

    let templates: [String: Template]
    let filters: FilterRegistry
    /// The sources the templates were compiled from, for `workerCopy`.
    private let sources: [String: String]

    /// Compiles every template eagerly. `sources` maps a name to Mustache source; names are paths
    /// without `.mustache` (`partials/header`), which is how partials and parents refer to them.
    /// Templates compile in name order, so the error thrown for a broken theme is always the same.
    public init(sources: [String: String], filters: FilterRegistry = .standard) throws(TemplateError) {
        var templates: [String: Template] = [:]
        for name in sources.keys.sorted() {
            templates[name] = try Template(name: name, source: sources[name]!, filters: filters)
        }
        self.templates = templates
        self.filters = filters
        self.sources = sources
    }

    private init(templates: [String: Template], filters: FilterRegistry, sources: [String: String]) {
        self.templates = templates
        self.filters = filters
        self.sources = sources
    }

    /// The same templates compiled anew, sharing no node with this library: for a thread that
    /// renders many pages. Rendering counts references to the nodes it walks, and two cores counting
    /// on the same nodes pass their cache lines back and forth (measured: a third more CPU time
    /// for a site's pages on two cores).
    public func workerCopy() -> TemplateLibrary {
        var copies: [String: Template] = [:]
        for (name, template) in templates {
            copies[name] = (try? Template(name: name, source: sources[name]!, filters: filters)) ?? template
        }
        return TemplateLibrary(templates: copies, filters: filters, sources: sources)
    }

    /// True when a template of that name exists.
    public func contains(_ name: String) -> Bool {
        templates[name] != nil
    }

    /// Renders a template with `context` as the root of the context stack, appending to `buffer`.
    /// Names that cannot be resolved render empty and are recorded in `report`. With a `memo`
    /// shared by the renders of a site, a partial rendered for an item of a list that reads only
    /// that item is rendered once and reused (the bytes are the same either way).
    public func render(
        _ name: String, _ context: TemplateValue, into buffer: inout [UInt8], report: inout RenderReport,
        memo: PartialMemo? = nil
    ) {
        guard let template = templates[name] else {
            report.record(.init(kind: .unknownTemplate, name: name, templateName: name, line: 1, column: 1))
            return
        }
        var renderer = Renderer(library: self, root: context, templateName: name, memo: memo)
        swap(&renderer.report, &report)
        renderer.render(template.nodes)
        swap(&renderer.report, &report)
        buffer.append(contentsOf: renderer.output.written)
    }

    /// Renders a template to new bytes, ignoring what went unresolved.
    public func render(_ name: String, _ context: TemplateValue) -> [UInt8] {
        var buffer: [UInt8] = []
        var report = RenderReport()
        render(name, context, into: &buffer, report: &report)
        return buffer
    }
}
