import ContentGraph
import Foundation
import Ingest

/// The previous build's content graph and the content files it was read from, kept in
/// `.broadsheet/cache/graph-*.bin` beside the manifest. With it an incremental build reads only
/// the files that changed, instead of every source of the site (see `IncrementalBuild`).
struct GraphCache {
    /// Bumped whenever the archive's layout changes.
    static let formatVersion = 1

    /// The input stamp's settings part (options, binary, `site.yml`, `Templates/`) of that build.
    var settings: UInt64
    /// Every file below `Content/` as it was then: path, size and modification time.
    var content: [AssetFile]
    /// False when that build left some page or file out because another one had its path: which
    /// one wins is decided over the whole site, so such a site is always built whole.
    var claimsClean: Bool
    /// The graph, without article bodies.
    var graph: ContentGraph

    /// The cache saved for `output`, or nil (none, another format, damaged).
    static func load(site: URL, output: URL) -> GraphCache? {
        guard let bytes = FileTree.contents(of: BuildManifest.location(site: site, output: output, kind: "graph").path) else { return nil }
        var reader = ArchiveReader(bytes)
        do throws(ArchiveError) {
            guard try reader.count() == formatVersion else { return nil }
            let settings = try reader.word()
            var content: [AssetFile] = []
            for _ in 0..<(try reader.count()) {
                content.append(AssetFile(path: try reader.string(), sourcePath: "", size: try reader.count(), modified: try reader.int()))
            }
            let claimsClean = try reader.bool()
            let graph = try ContentGraph(archive: &reader)
            guard reader.isAtEnd else { return nil }
            return GraphCache(settings: settings, content: content, claimsClean: claimsClean, graph: graph)
        } catch {
            return nil
        }
    }

    /// Saves the cache; a failure only costs the next build its shortcut.
    func save(site: URL, output: URL) {
        var writer = ArchiveWriter(capacity: 1024 * graph.articles.count + 1024)
        writer.count(Self.formatVersion)
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
        try? Data(writer.bytes).write(to: url, options: .atomic)
    }
}
