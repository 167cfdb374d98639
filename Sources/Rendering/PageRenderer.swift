import Dispatch
import Ingest
import Templating

/// Renders pages on every core and writes each as soon as it is rendered, so memory holds a few
/// pages at a time, not the site. The output does not depend on thread scheduling: each page is
/// a pure function of its context.
///
/// With the previous build's manifest, a page whose fingerprint (theme, template, context) is
/// unchanged is not rendered at all, and a page whose bytes come out the same is not rewritten:
/// both keep the previous file, hard-linked.
struct PageRenderer {
    let templates: TemplateLibrary
    /// What pages are rendered from.
    let model: ViewModel
    let writer: OutputWriter
    /// Hash of every file of the theme: a theme change fingerprints every page anew.
    let themeFingerprint: UInt64
    let previous: BuildManifest?

    /// What became of the pages.
    struct Result {
        var files = BuildManifest.FileRecords()
        var issues: [String: [BuildManifest.Issue]] = [:]
        /// Pages rendered (not skipped by their fingerprint).
        var rendered = 0
        /// Files written (not kept from the previous build).
        var written = 0
    }

    private struct Outcome {
        var record: BuildManifest.FileRecord
        var issues: [BuildManifest.Issue]
        var rendered: Bool
        var written: Bool
        var error: OutputError?
    }

    /// Renders and writes every page; the first write failure is thrown after the others finish.
    func render(_ pages: [Page]) throws(OutputError) -> Result {
        // Files for machines (sitemaps, the search index, robots.txt) each list the whole site:
        // taken first, so that no core is left working on one of them alone at the end.
        let machineFirst = pages.filter { $0.kind == .machine } + pages.filter { $0.kind != .machine }
        let outcomes = ConcurrentMap.map(machineFirst) { page in self.render(page) }
        if let failure = outcomes.lazy.compactMap({ $0.error }).first { throw failure }
        var result = Result()
        for (page, outcome) in zip(machineFirst, outcomes) {
            result.files[page.file] = outcome.record
            if !outcome.issues.isEmpty { result.issues[page.file] = outcome.issues }
            if outcome.rendered { result.rendered += 1 }
            if outcome.written { result.written += 1 }
        }
        return result
    }

    private func render(_ page: Page) -> Outcome {
        var hasher = StableHasher()
        hasher.combine(themeFingerprint)
        hasher.combine(page.file)
        var template: String?
        var context = TemplateValue.null
        var bytes: [UInt8] = []
        switch page.content {
        case .template(let name, let makeContext):
            template = name
            let made = makeContext(model)
            context = made.value
            hasher.combine(name)
            hasher.combine(made.fingerprint)
        case .bytes(let makeBytes):
            bytes = makeBytes(model)
            hasher.combine(bytes)
        }
        let source = hasher.value
        let old = previous?.files[page.file]
        if let old, old.source == source, writer.keepPrevious(page.file) {
            return Outcome(record: old, issues: previous?.issues[page.file] ?? [], rendered: false, written: false)
        }
        var report = RenderReport()
        if let template {
            bytes.reserveCapacity(16 * 1024)
            templates.render(template, context, into: &bytes, report: &report)
        }
        let record = BuildManifest.FileRecord(source: source, bytes: ContentHash.of(bytes))
        let issues = report.issues.map {
            BuildManifest.Issue(kind: $0.kind.rawValue, name: $0.name, template: $0.templateName, line: $0.line, column: $0.column)
        }
        if let old, old.bytes == record.bytes, writer.keepPrevious(page.file) {
            return Outcome(record: record, issues: issues, rendered: true, written: false)
        }
        do throws(OutputError) {
            try writer.write(bytes, to: page.file)
            return Outcome(record: record, issues: issues, rendered: true, written: true)
        } catch {
            return Outcome(record: record, issues: issues, rendered: true, written: false, error: error)
        }
    }
}

/// Template issues of every page, turned into diagnostics once per template position.
struct RenderReports {
    let issues: [String: [BuildManifest.Issue]]

    /// Unknown partials and parents are errors of the theme; missing names are reported only in
    /// strict mode, since optional fields are normal in Mustache.
    func diagnostics(strict: Bool) -> [Diagnostic] {
        var seen = Set<String>()
        var diagnostics: [Diagnostic] = []
        for (page, pageIssues) in issues.sorted(by: { $0.key < $1.key }) {
            for issue in pageIssues {
                let kind = RenderReport.Issue.Kind(rawValue: issue.kind)
                let isMissingName = kind == .missingVariable || kind == .missingSection
                if isMissingName && !strict { continue }
                guard seen.insert("\(issue.template):\(issue.line):\(issue.column):\(issue.kind):\(issue.name)").inserted else { continue }
                let message: String
                switch kind {
                case .missingVariable, .missingSection: message = "'\(issue.name)' is not in the context (first seen on \(page))"
                case .unknownPartial: message = "unknown partial '\(issue.name)'"
                case .unknownParent: message = "unknown parent '\(issue.name)'"
                case .unknownTemplate: message = "the theme has no template '\(issue.name)' (needed for \(page))"
                default: message = "\(issue.kind) '\(issue.name)'"
                }
                diagnostics.append(Diagnostic(
                    path: "Templates/\(issue.template).mustache", line: issue.line, column: issue.column,
                    severity: isMissingName ? .warning : .error, message: message))
            }
        }
        return diagnostics
    }
}
