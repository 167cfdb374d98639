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
            do {
                try writer.write(bytes, to: page.file)
                return (report, nil)
            } catch {
                return (report, error)
            }
        }
        if let failure = outcomes.lazy.compactMap(\.1).first { throw failure }
        return RenderReports(pages: pages.map(\.file), reports: outcomes.map(\.0))
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
                let isMissingVariable = issue.kind == .missingVariable
                if isMissingVariable && !strict { continue }
                let key = "\(issue.template):\(issue.line):\(issue.column):\(issue.name)"
                guard seen.insert(key).inserted else { continue }
                diagnostics.append(Diagnostic(
                    path: "Templates/\(issue.template).mustache", line: issue.line, column: issue.column,
                    severity: isMissingVariable ? .warning : .error,
                    message: isMissingVariable
                        ? "'\(issue.name)' is not in the context (first seen on \(page))"
                        : "unknown partial or parent '\(issue.name)'"))
            }
        }
        return diagnostics
    }
}
