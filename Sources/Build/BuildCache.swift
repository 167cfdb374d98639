import ContentGraph
import Dispatch
import Foundation
import Infrastructure
import Rendering

/// What the previous build into the same output left in `.broadsheet/cache/` (its manifest, file
/// records and content graph), as one build uses it: to stop at once when nothing changed, to
/// patch only what changed, or to keep unchanged files; and where this build's are saved.
struct BuildCache {
    let options: BuildOptions
    let inputs: InputStamp
    /// The previous manifest with its file records; nil when there is none to use.
    let previous: BuildManifest?
    /// The previous graph, when it belongs to that manifest and the output is still there.
    let graph: GraphCache?
    /// The summary of the previous build, when its input stamp equals this one's and its output
    /// is still there: nothing needs building.
    let upToDateSummary: BuildManifest?

    /// Output files the previous build wrote that were deleted, changed or added by hand since:
    /// this build writes them again (and drops those it did not write).
    let restored: Int
    /// The files the previous build wrote, as it left them.
    let current: OutputState?

    /// Reads what the previous build left. Unless nothing changed, the manifest is removed at once:
    /// it describes the output folder, and once the output changes the old one is wrong.
    init(options: BuildOptions, inputs: InputStamp) {
        self.options = options
        self.inputs = inputs
        let summary = options.useCache ? BuildManifest.load(site: options.site, output: options.output) : nil
        if let summary, summary.inputs == inputs.value, !summary.outputFolders.isEmpty,
           summary.outputFolders == OutputState.folderTimes(options.output) {
            (upToDateSummary, previous, graph, restored, current) = (summary, nil, nil, 0, nil)
            return
        }
        upToDateSummary = nil
        var previous = summary?.loadingFiles(site: options.site, output: options.output)
        // Every file the previous build left is compared with what is there now: a page deleted or
        // edited by hand is written again, not kept, and a patch (which keeps every file it does
        // not render) is no longer enough.
        let saved = previous == nil ? nil : OutputState.load(site: options.site, output: options.output)
        // The check and the reading of the graph run side by side: each is a good part of a
        // one-article edit. The graph is let go when the check finds files changed by hand.
        let (changed, cached) = ConcurrentMap.both({ saved?.changed(in: options.output) ?? [] }, {
            saved == nil ? nil : GraphCache.load(site: options.site, output: options.output)
        })
        if saved == nil { previous = nil }
        for path in changed { previous?.files[path] = nil }
        self.previous = previous
        restored = changed.count
        current = saved
        graph = restored == 0 && cached?.state == previous?.inputs ? cached : nil
        BuildManifest.remove(site: options.site, output: options.output, everything: !options.useCache)
    }

    /// The previous build's summary and diagnostics, when nothing changed since.
    func upToDate(strict: Bool) -> BuildSummary? {
        guard let previous = upToDateSummary else { return nil }
        return BuildSummary(articles: previous.articles, pages: previous.pages, copied: previous.copied,
                            diagnostics: previous.contentDiagnostics + RenderReports(issues: previous.issues).diagnostics(strict: strict),
                            rendered: 0, written: 0)
    }

    /// A build that patches the previous one, when its graph and manifest are there to patch.
    func incremental(site: SiteInputs) -> IncrementalBuild? {
        guard let previous, let graph, let current else { return nil }
        return IncrementalBuild(options: options, site: site, inputs: inputs, previous: previous, cached: graph, output: current)
    }

    /// Saves this whole build's graph on another thread, while its pages render: the graph is
    /// complete by then, and a graph is read only with the manifest written after it (`save`), so
    /// one left without its manifest by a failed build is never used. Saved at the end, its 7 MB
    /// archive (10,000 articles) was the build's last serial step and raised its peak memory.
    func saveGraph(_ graph: ContentGraph, claimsClean: Bool) -> DispatchGroup {
        let (options, inputs) = (options, inputs)
        try? FileManager.default.createDirectory(at: BuildManifest.location(site: options.site, output: options.output).deletingLastPathComponent(),
                                                 withIntermediateDirectories: true)
        let saving = DispatchGroup()
        DispatchQueue.global().async(group: saving) {
            GraphCache(settings: inputs.settings, content: inputs.content, claimsClean: claimsClean, graph: graph,
                       base: inputs.value, state: inputs.value).save(site: options.site, output: options.output)
        }
        return saving
    }

    /// Saves the output as this whole build left it, and its manifest for the next build, once
    /// the graph (`saveGraph`) is saved.
    func save(graph: ContentGraph, graphSaved: DispatchGroup, plan: SitePlan, written: Written, files: [String], contentDiagnostics: [Diagnostic]) {
        OutputState.stamps(of: files, in: options.output).save(site: options.site, output: options.output)
        graphSaved.wait()
        BuildManifest(inputs: inputs.value, output: options.output.path, articles: graph.stories.count,
                      pages: plan.pages.count, copied: written.copied, contentDiagnostics: contentDiagnostics, files: written.pages.files,
                      issues: written.pages.issues, outputFolders: OutputState.folderTimes(options.output))
            .save(site: options.site, output: options.output)
    }

    /// The warning for output files written again because they had been changed by hand.
    var restoredDiagnostics: [Diagnostic] {
        OutputState.handChanges(restored, in: options.output, writtenNow: true)
    }
}
