import Dispatch
import Ingest
import Templating

/// Renders pages on every core and writes each as soon as it is rendered, so memory holds a few
/// pages at a time, not the site. The output does not depend on thread scheduling: each page is
/// a pure function of its context.
struct PageRenderer {
    let templates: TemplateLibrary
    let writer: OutputWriter

    /// Renders and writes every page; the first write failure is thrown after the others finish.
    func render(_ pages: [Page]) throws(OutputError) -> RenderReports {
        let outcomes = ConcurrentMap.map(pages) { page -> (RenderReport, OutputError?) in
            var report = RenderReport()
            var bytes = page.bytes
            if let template = page.template {
                bytes.reserveCapacity(16 * 1024)
                templates.render(template, page.context, into: &bytes, report: &report)
            }
            do throws(OutputError) {
                try writer.write(bytes, to: page.file)
                return (report, nil)
            } catch {
                return (report, error)
            }
        }
        if let failure = outcomes.lazy.compactMap({ $0.1 }).first { throw failure }
        return RenderReports(pages: pages.map(\.file), reports: outcomes.map { $0.0 })
    }
}

/// The render reports of every page, turned into diagnostics once per template position.
struct RenderReports {
    let pages: [String]
    let reports: [RenderReport]

    /// Unknown partials and parents are errors of the theme; missing variables are reported only
    /// in strict mode, since optional fields are normal in Mustache.
    func diagnostics(strict: Bool) -> [Diagnostic] {
        var seen = Set<String>()
        var diagnostics: [Diagnostic] = []
        for (page, report) in zip(pages, reports) {
            for issue in report.issues {
                let isMissingName = issue.kind == .missingVariable || issue.kind == .missingSection
                if isMissingName && !strict { continue }
                guard seen.insert(issue.description).inserted else { continue }
                let message: String
                switch issue.kind {
                case .missingVariable, .missingSection: message = "'\(issue.name)' is not in the context (first seen on \(page))"
                case .unknownPartial: message = "unknown partial '\(issue.name)'"
                case .unknownParent: message = "unknown parent '\(issue.name)'"
                case .unknownTemplate: message = "the theme has no template '\(issue.name)' (needed for \(page))"
                default: message = "\(issue.kind.rawValue) '\(issue.name)'"
                }
                diagnostics.append(Diagnostic(
                    path: "Templates/\(issue.templateName).mustache", line: issue.line, column: issue.column,
                    severity: isMissingName ? .warning : .error, message: message))
            }
        }
        return diagnostics
    }
}
