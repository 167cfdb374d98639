@testable import Build
import ContentGraph
import Foundation
import Infrastructure
import Ingest
import SiteConfig
import XCTest

/// The graph cache: the whole graph once, then only what incremental builds changed.
final class GraphCacheTests: XCTestCase {
    private let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
    private var site: URL!
    private let output = URL(fileURLWithPath: "/tmp/Output")

    override func setUp() {
        site = FileManager.default.temporaryDirectory.appendingPathComponent("graph-cache-\(UUID().uuidString)")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: site)
    }

    private func document(_ number: Int, body: String = "Thân bài.") -> SourceDocument {
        MarkdownReader(timeZone: zone).read(Array("---\ntitle: Bài \(number)\ndate: 2021-11-01T08:00:00+07:00\ntags: [Chung]\n---\n\(body)\n".utf8),
                                            path: "a/\(number).md")
    }

    private func archived(_ graph: ContentGraph) -> [UInt8] {
        var writer = ArchiveWriter()
        graph.archive(into: &writer)
        return writer.bytes
    }

    private func cache(_ count: Int) -> GraphCache {
        let documents = (0..<count).map { document($0) }
        let graph = GraphBuilder(config: SiteConfig()).build(ContentFolder(documents: documents, assets: []))
        let content = documents.map { SourceFile(path: $0.path, sourcePath: "", size: 10, modified: 1) }.sorted { $0.path < $1.path }
        return GraphCache(settings: 7, content: content, claimsClean: true, graph: graph, base: 1, state: 1)
    }

    /// Edits `numbers` the way an incremental build does, and saves only the changes.
    private func edit(_ cache: GraphCache, _ numbers: [Int], state: UInt64) throws -> GraphCache {
        let positions = cache.graph.articleIndexes()
        let edited = numbers.map { document($0, body: "Sửa lần \(state).") }
        var next = cache
        next.graph = try XCTUnwrap(GraphBuilder(config: SiteConfig()).patch(cache.graph, with: edited))
        for document in edited {
            next.changedArticles.insert(positions[document.path]!)
            next.changedFiles.insert(document.path)
            next.content[FileTree.position(of: document.path, in: next.content)!].modified = Int64(state)
        }
        next.state = state
        next.saveChanges(site: site, output: output)
        return next
    }

    func testChangesAreSavedAsAnOverlayAndReadBackOverTheWholeGraph() throws {
        cache(10).save(site: site, output: output)
        let edited = try edit(try XCTUnwrap(GraphCache.load(site: site, output: output)), [3, 4], state: 2)
        XCTAssertTrue(FileManager.default.fileExists(atPath: BuildManifest.location(site: site, output: output, kind: "overlay").path))
        let read = try XCTUnwrap(GraphCache.load(site: site, output: output))
        XCTAssertEqual(read.state, 2)
        XCTAssertEqual(read.base, 1)
        XCTAssertEqual(archived(read.graph), archived(edited.graph))
        XCTAssertEqual(read.content.map(\.modified), edited.content.map(\.modified))
        XCTAssertEqual(read.changedArticles.count, 2)
        // A second edit adds to the overlay.
        let again = try edit(read, [5], state: 3)
        let readAgain = try XCTUnwrap(GraphCache.load(site: site, output: output))
        XCTAssertEqual(readAgain.state, 3)
        XCTAssertEqual(readAgain.changedArticles.count, 3)
        XCTAssertEqual(archived(readAgain.graph), archived(again.graph))
    }

    func testALargeOverlayIsFoldedIntoTheWholeGraph() throws {
        cache(70).save(site: site, output: output)
        let edited = try edit(try XCTUnwrap(GraphCache.load(site: site, output: output)), Array(0..<65), state: 9)
        XCTAssertFalse(FileManager.default.fileExists(atPath: BuildManifest.location(site: site, output: output, kind: "overlay").path))
        let read = try XCTUnwrap(GraphCache.load(site: site, output: output))
        XCTAssertEqual(read.base, 9)
        XCTAssertEqual(read.state, 9)
        XCTAssertTrue(read.changedArticles.isEmpty)
        XCTAssertEqual(archived(read.graph), archived(edited.graph))
    }

    func testAnOverlayOfAnotherWholeGraphIsIgnored() throws {
        cache(10).save(site: site, output: output)
        _ = try edit(try XCTUnwrap(GraphCache.load(site: site, output: output)), [1], state: 2)
        let overlay = BuildManifest.location(site: site, output: output, kind: "overlay")
        let stale = try Data(contentsOf: overlay)
        var other = cache(10)
        other.base = 5
        other.state = 5
        other.save(site: site, output: output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: overlay.path), "a whole graph goes without an overlay")
        try stale.write(to: overlay)
        XCTAssertEqual(try XCTUnwrap(GraphCache.load(site: site, output: output)).state, 5)
    }
}
