import ContentGraph
import Infrastructure

/// What a build did.
public struct BuildSummary: Sendable {
    /// Articles in the site.
    public var articles: Int
    /// Pages rendered (articles, lists, redirects).
    public var pages: Int
    /// Files copied (images, theme assets).
    public var copied: Int
    /// Everything found wrong, errors and warnings, sorted by path and line.
    public var diagnostics: [Diagnostic]
    /// Pages rendered this time (the others were unchanged since the last build).
    public var rendered: Int
    /// Files written this time (the others kept their previous file and modification time).
    public var written: Int
    /// Wall time of each step (read, graph, plan, render, copy, commit).
    public var timings = PhaseClock()
    /// The output files whose bytes this build changed or added, relative to the output folder and
    /// sorted (files it removed are not listed): what a preview server tells open pages to reload.
    /// Every file when there was no previous build to compare with; none when nothing changed.
    public var changedFiles: [String] = []
    /// What the site's crawls gave, when it mirrors any and the build read them.
    public var mirror: MirrorReport?

    /// Errors among the diagnostics.
    public var errors: Int { diagnostics.count { $0.severity == .error } }
    /// Warnings among the diagnostics (not notes, which say nothing is wrong).
    public var warnings: Int { diagnostics.count { $0.severity == .warning } }
}
