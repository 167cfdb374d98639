import Infrastructure
import Templating

/// Renders pages on every core and writes each as soon as it is rendered, so memory holds a few
/// pages at a time, not the site. The output does not depend on thread scheduling: each page is
/// a pure function of its context.
///
/// With the records of the previous build, a page whose fingerprint (theme, template, context) is
/// unchanged is not rendered at all, and a page whose bytes come out the same is not rewritten:
/// both keep the previous file (the sink decides how).
public struct PageRenderer: Sendable {
    let templates: TemplateLibrary
    /// What pages are rendered from.
    let model: ViewModel
    let sink: any PageSink
    /// Hash of every file of the theme: a theme change fingerprints every page anew.
    let themeFingerprint: UInt64
    /// What the previous build wrote, and the template issues of its pages.
    let previous: (records: PageRecords, issues: [String: [TemplateIssue]])?

    /// Makes a renderer; `previous` is what the last build into the same output wrote, when known.
    public init(templates: TemplateLibrary, model: ViewModel, sink: any PageSink, themeFingerprint: UInt64,
                previous: (records: PageRecords, issues: [String: [TemplateIssue]])?) {
        self.templates = templates
        self.model = model
        self.sink = sink
        self.themeFingerprint = themeFingerprint
        self.previous = previous
    }

    /// What became of the pages.
    public struct Result: Sendable {
        /// The record of every page's file.
        public var files = PageRecords()
        /// Template issues by page file, for pages that had any.
        public var issues: [String: [TemplateIssue]] = [:]
        /// Pages rendered (not skipped by their fingerprint).
        public var rendered = 0
        /// Files written (not kept from the previous build).
        public var written = 0
    }

    private struct Outcome {
        var record: PageRecord
        var issues: [TemplateIssue]
        var rendered: Bool
        var written: Bool
        var error: OutputError?
    }

    /// Renders and stores every page; the first write failure is thrown after the others finish.
    public func render(_ pages: [Page]) throws(OutputError) -> Result {
        // Files for machines (sitemaps, the search index, robots.txt) each list the whole site:
        // taken first, so that no core is left working on one of them alone at the end.
        let machineFirst = pages.filter { $0.kind == .machine } + pages.filter { $0.kind != .machine }
        // Each worker renders with templates and shared values of its own (`TemplateLibrary.workerCopy`).
        // An article's card is the same on every list that shows it: rendered once for them all.
        let memo = PartialMemo()
        let outcomes = ConcurrentMap.map(machineFirst, local: { (templates.workerCopy(), model.workerCopy()) }) { worker, page in
            self.render(page, templates: worker.0, model: worker.1, memo: memo)
        }
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

    private func render(_ page: Page, templates: TemplateLibrary, model: ViewModel, memo: PartialMemo) -> Outcome {
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
        let old = previous?.records[page.file]
        if let old, old.source == source, sink.keepPrevious(page.file) {
            return Outcome(record: old, issues: previous?.issues[page.file] ?? [], rendered: false, written: false)
        }
        var report = RenderReport()
        if let template {
            bytes.reserveCapacity(16 * 1024)
            templates.render(template, context, into: &bytes, report: &report, memo: memo)
        }
        let record = PageRecord(source: source, bytes: ContentHash.of(bytes))
        let issues = report.issues.map {
            TemplateIssue(kind: $0.kind.rawValue, name: $0.name, template: $0.templateName, line: $0.line, column: $0.column)
        }
        if let old, old.bytes == record.bytes, sink.keepPrevious(page.file) {
            return Outcome(record: record, issues: issues, rendered: true, written: false)
        }
        // Without a record (a build with no cache), the file already in the output is compared byte for byte.
        if old == nil, sink.keepIfSame(bytes, at: page.file) {
            return Outcome(record: record, issues: issues, rendered: true, written: false)
        }
        do throws(OutputError) {
            try sink.write(bytes, to: page.file)
            return Outcome(record: record, issues: issues, rendered: true, written: true)
        } catch {
            return Outcome(record: record, issues: issues, rendered: true, written: false, error: error)
        }
    }
}
