import ContentGraph
import Foundation
import Infrastructure
import Ingest

/// The previous build's content graph and the content files it was read from, kept in
/// `.broadsheet/cache/` beside the manifest. With it an incremental build reads only the files
/// that changed, instead of every source of the site (see `IncrementalBuild`).
///
/// Two files: the whole graph as a full build left it (`graph-*.bin`), and what incremental
/// builds changed since (`overlay-*.bin`: a few articles and file stamps), so that an edit does
/// not write the whole graph again. The overlay is folded into a new whole graph once it holds
/// more than a sixteenth of the articles.
struct GraphCache {
    /// Bumped whenever the archives' layout changes.
    static let formatVersion = 8

    /// The input stamp's settings part (options, binary, `site.yml`, `Templates/`) of that build.
    var settings: UInt64
    /// Every file below `Content/` as it was then: path, size and modification time.
    var content: [SourceFile]
    /// False when that build left some page or file out because another one had its path: which
    /// one wins is decided over the whole site, so such a site is always built whole.
    var claimsClean: Bool
    /// The graph, without article bodies.
    var graph: ContentGraph
    /// Which whole-graph file the overlay applies to.
    var base: UInt64
    /// The input stamp of the build this cache describes: it is used only with that build's
    /// manifest (a build stopped before saving its manifest leaves none, and the graph is ignored).
    var state: UInt64
    /// Articles changed since the whole graph was written, by index.
    var changedArticles: Set<Int> = []
    /// Content files changed since then, by path.
    var changedFiles: Set<String> = []

    /// The cache saved for `output`, or nil (none, another format, damaged).
    static func load(site: URL, output: URL) -> GraphCache? {
        guard var reader = ArchiveReader(mapping: BuildManifest.location(site: site, output: output, kind: "graph").path) else { return nil }
        do throws(ArchiveError) {
            guard try reader.count() == formatVersion else { return nil }
            let base = try reader.word()
            let settings = try reader.word()
            var content: [SourceFile] = []
            for _ in 0..<(try reader.count()) {
                content.append(SourceFile(path: try reader.string(), sourcePath: "", size: try reader.count(), modified: try reader.int()))
            }
            let claimsClean = try reader.bool()
            let graph = try ContentGraph(archive: &reader)
            guard reader.isAtEnd else { return nil }
            // Moved, not copied, so that the overlay changes the only copy of the articles.
            var cache = GraphCache(settings: settings, content: content, claimsClean: claimsClean, graph: consume graph, base: base, state: base)
            if let overlay = ArchiveReader(mapping: BuildManifest.location(site: site, output: output, kind: "overlay").path) {
                try cache.apply(overlay)
            }
            return cache
        } catch {
            return nil
        }
    }

    /// Puts an overlay's changes over the cache, in place; an overlay written over another whole
    /// graph is ignored.
    private mutating func apply(_ overlay: ArchiveReader) throws(ArchiveError) {
        var reader = overlay
        guard try reader.count() == Self.formatVersion, try reader.word() == base else { return }
        state = try reader.word()
        settings = try reader.word()
        for _ in 0..<(try reader.count()) {
            let path = try reader.string()
            guard let index = FileTree.position(of: path, in: content) else { throw ArchiveError() }
            content[index].size = try reader.count()
            content[index].modified = try reader.int()
            changedFiles.insert(path)
        }
        changedArticles = Set(try reader.counts())
        try graph.applyChanges(from: &reader)
        guard reader.isAtEnd else { throw ArchiveError() }
    }

    /// Saves the whole graph (a full build's, or one whose overlay grew large) and drops the overlay.
    func save(site: URL, output: URL) {
        var writer = ArchiveWriter(capacity: 1024 * graph.articles.count + 1024)
        writer.count(Self.formatVersion)
        writer.word(base)
        writer.word(settings)
        writer.count(content.count)
        for file in content {
            writer.string(file.path)
            writer.count(file.size)
            writer.int(file.modified)
        }
        writer.bool(claimsClean)
        graph.archive(into: &writer)
        let url = BuildManifest.location(site: site, output: output, kind: "graph")
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: BuildManifest.location(site: site, output: output, kind: "overlay"))
        writer.save(to: url.path)
    }

    /// Saves what changed since the whole graph was written, or the whole graph when that is
    /// a sixteenth of the site or more. The whole graph must be on disk (the cache was loaded).
    func saveChanges(site: URL, output: URL) {
        guard changedArticles.count < max(64, graph.articles.count / 16) else {
            var whole = self
            whole.base = state
            whole.changedArticles = []
            whole.changedFiles = []
            return whole.save(site: site, output: output)
        }
        var writer = ArchiveWriter(capacity: 1024 * changedArticles.count + 64 * changedFiles.count + 1024)
        writer.count(Self.formatVersion)
        writer.word(base)
        writer.word(state)
        writer.word(settings)
        writer.count(changedFiles.count)
        for path in changedFiles.sorted() {
            guard let index = FileTree.position(of: path, in: content) else { return }
            writer.string(path)
            writer.count(content[index].size)
            writer.int(content[index].modified)
        }
        let articles = changedArticles.sorted()
        writer.counts(articles)
        graph.archiveChanges(articles: articles, into: &writer)
        writer.save(to: BuildManifest.location(site: site, output: output, kind: "overlay").path)
    }
}
