import ContentGraph
import Foundation
import Infrastructure
import Rendering

/// What the previous build into the same output left in `.broadsheet/cache/` (its manifest, file
/// records and content graph), as one build uses it: to stop at once when nothing changed, to
/// patch only what changed, or to keep unchanged files; and where this build's are saved.
struct BuildCache {
    let options: BuildOptions
    let inputs: InputStamp
    /// The previous manifest with its file records, before the check for files changed by hand
    /// (`previous` has those dropped); nil when there is none to use.
    let unchecked: BuildManifest?
    /// The previous graph, when it belongs to that manifest, until an incremental build takes it.
    private(set) var graph: GraphCache?
    /// The summary of the previous build, when its input stamp equals this one's and its output
    /// is still there: nothing needs building.
    let upToDateSummary: BuildManifest?
    /// The files the previous build wrote, as it left them, and those of them deleted, changed or
    /// added by hand since, which this build writes again (and drops those it did not write):
    /// found on another thread, one `stat` per file, while the graph is read and the pages are
    /// planned. Nil without a previous build, or when the state of its output is not there.
    let handChanges: Background<HandChanges?>?

    /// What `handChanges` found.
    struct HandChanges: Sendable {
        /// The output's files as the previous build left them.
        let state: OutputState
        /// Those of them no longer as it left them.
        let changed: [String]
    }

    /// Reads what the previous build left. Unless nothing changed, the manifest is removed at once:
    /// it describes the output folder, and once the output changes the old one is wrong.
    init(options: BuildOptions, inputs: InputStamp) {
        self.options = options
        self.inputs = inputs
        let summary = options.useCache ? BuildManifest.load(site: options.site, output: options.output) : nil
        if let summary, summary.inputs == inputs.value, !summary.outputFolders.isEmpty,
           summary.outputFolders == OutputState.folderTimes(options.output) {
            (upToDateSummary, unchecked, graph, handChanges) = (summary, nil, nil, nil)
            return
        }
        upToDateSummary = nil
        let previous = summary?.loadingFiles(site: options.site, output: options.output)
        unchecked = previous
        // Every file the previous build left is compared with what is there now: a page deleted or
        // edited by hand is written again, not kept, and a patch (which keeps every file it does
        // not render) is no longer enough. That is most of a one-article edit's work, so it runs
        // beside the rest until the output is about to change (`previous`, `IncrementalBuild`).
        handChanges = previous == nil ? nil : Background { [options] in
            OutputState.load(site: options.site, output: options.output).map { HandChanges(state: $0, changed: $0.changed(in: options.output)) }
        }
        let cached = previous == nil ? nil : GraphCache.load(site: options.site, output: options.output)
        graph = cached?.state == previous?.inputs ? cached : nil
        BuildManifest.remove(site: options.site, output: options.output, everything: !options.useCache)
    }

    /// The previous manifest with its file records, less those of files changed by hand since;
    /// nil when there is none to use. Waits for the check of the output: call it before the
    /// output changes.
    var previous: BuildManifest? {
        guard var previous = unchecked, let found = handChanges?.value else { return nil }
        for path in found.changed { previous.files[path] = nil }
        return previous
    }

    /// The previous build's summary and diagnostics, when nothing changed since.
    func upToDate(strict: Bool) -> BuildSummary? {
        guard let previous = upToDateSummary else { return nil }
        return BuildSummary(articles: previous.articles, pages: previous.pages, copied: previous.copied,
                            diagnostics: previous.contentDiagnostics + RenderReports(issues: previous.issues).diagnostics(strict: strict),
                            rendered: 0, written: 0)
    }

    /// A build that patches the previous one, when its graph and manifest are there to patch. It
    /// takes the graph, so that its copy is the only one and is patched in place.
    mutating func incremental(site: SiteInputs) -> IncrementalBuild? {
        guard let unchecked, let handChanges, let graph = graph.take() else { return nil }
        return IncrementalBuild(options: options, site: site, inputs: inputs, previous: unchecked, cached: graph, handChanges: handChanges)
    }

    /// Saves this whole build's graph on another thread, while its pages render: the graph is
    /// complete by then, and a graph is read only with the manifest written after it (`save`), so
    /// one left without its manifest by a failed build is never used. Saved at the end, its 7 MB
    /// archive (10,000 articles) was the build's last serial step and raised its peak memory.
    func saveGraph(_ graph: ContentGraph, claimsClean: Bool) -> Background<Void> {
        let (options, inputs) = (options, inputs)
        try? FileManager.default.createDirectory(at: BuildManifest.location(site: options.site, output: options.output).deletingLastPathComponent(),
                                                 withIntermediateDirectories: true)
        return Background {
            GraphCache(settings: inputs.settings, content: inputs.content, claimsClean: claimsClean, graph: graph,
                       base: inputs.value, state: inputs.value).save(site: options.site, output: options.output)
        }
    }

    /// Saves the output as this whole build left it, and its manifest for the next build, once
    /// the graph (`saveGraph`) is saved.
    func save(graph: ContentGraph, graphSaved: Background<Void>, plan: SitePlan, written: Written, files: [String], contentDiagnostics: [Diagnostic]) {
        OutputState.stamps(of: files, in: options.output).save(site: options.site, output: options.output)
        graphSaved.value
        BuildManifest(inputs: inputs.value, output: options.output.path, articles: graph.stories.count,
                      pages: plan.pages.count, copied: written.copied, contentDiagnostics: contentDiagnostics, files: written.pages.files,
                      issues: written.pages.issues, outputFolders: OutputState.folderTimes(options.output))
            .save(site: options.site, output: options.output)
    }

    /// The warning for output files written again because they had been changed by hand.
    var restoredDiagnostics: [Diagnostic] {
        OutputState.handChanges(handChanges?.value?.changed.count ?? 0, in: options.output, writtenNow: true)
    }
}
