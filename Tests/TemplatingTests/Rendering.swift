import Templating

/// Renders one template (plus partials) and returns the text and the report, for tests.
func render(
    _ template: String, _ context: TemplateValue = [:], partials: [String: String] = [:],
    filters: FilterRegistry = .standard
) throws -> (text: String, report: RenderReport) {
    var sources = partials
    sources["page"] = template
    let library = try TemplateLibrary(sources: sources, filters: filters)
    var buffer: [UInt8] = []
    var report = RenderReport()
    library.render("page", context, into: &buffer, report: &report)
    return (String(decoding: buffer, as: UTF8.self), report)
}
