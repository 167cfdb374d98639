import ContentGraph
import Foundation
import Infrastructure
import Ingest
import SiteConfig
import XCTest

/// The build cache's graph: written without bodies and read back whole; patched with changed
/// documents only when none of them moved.
final class GraphPatchTests: XCTestCase {
    private let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!

    private func markdown(_ path: String, _ text: String) -> SourceDocument {
        MarkdownReader(timeZone: zone).read(Array(text.utf8), path: path)
    }

    private var documents: [SourceDocument] {
        [
            markdown("thoi-su/a.md", "---\ntitle: A\ndate: 2021-11-01T08:00:00+07:00\nauthor: Lê Văn\ntags: [Hà Nội, Kinh tế]\n---\nA [b](b.md), ![x](missing.png).\n"),
            markdown("thoi-su/b.md", "---\ntitle: B\ndate: 2021-11-02\nlastmod: 2021-11-05\ntags: [Hà Nội]\naliases: [/cu/b/]\n---\nB.\n"),
            markdown("kinh-te/c.md", "---\ntitle: C\nsummary: Tóm tắt\ndate: 2021-11-03T22:58:00+07:00\ntags: [Kinh tế]\nimage: c.jpg\n---\nC.\n"),
        ]
    }

    private func build(_ documents: [SourceDocument]) -> ContentGraph {
        GraphBuilder(config: SiteConfig()).build(ContentFolder(documents: documents, assets: [
            SourceFile(path: "kinh-te/c.jpg", sourcePath: "/nowhere/c.jpg", size: 1, modified: 42),
        ]))
    }

    private func archived(_ graph: ContentGraph) -> [UInt8] {
        var writer = ArchiveWriter()
        graph.archive(into: &writer)
        return writer.bytes
    }

    func testTheArchiveReadsBackTheSameGraphWithoutBodies() throws {
        let graph = build(documents)
        XCTAssertFalse(graph.diagnostics.isEmpty, "the fixture has a missing image, to carry a diagnostic")
        var reader = ArchiveReader(archived(graph))
        let read = try ContentGraph(archive: &reader)
        XCTAssertTrue(reader.isAtEnd)
        XCTAssertEqual(archived(read), archived(graph))
        XCTAssertEqual(read.articles.map(\.title), graph.articles.map(\.title))
        XCTAssertEqual(read.articles.map(\.related), graph.articles.map(\.related))
        XCTAssertEqual(read.diagnostics, graph.diagnostics)
        XCTAssertTrue(read.articles.allSatisfy { $0.body.text.isEmpty })
        XCTAssertFalse(graph.articles.allSatisfy { $0.body.text.isEmpty })
    }

    func testADamagedArchiveIsAnErrorNotACrash() {
        let bytes = archived(build(documents))
        for length in stride(from: 0, to: bytes.count, by: 7) {
            var reader = ArchiveReader(Array(bytes[..<length]))
            XCTAssertNil(try? ContentGraph(archive: &reader), "cut at \(length)")
        }
        var flipped = bytes
        flipped[1] ^= 0xFF
        var reader = ArchiveReader(flipped)
        XCTAssertNil(try? ContentGraph(archive: &reader))
    }

    func testPatchingWithTextEditsGivesWhatABuildGives() throws {
        var reader = ArchiveReader(archived(build(documents)))
        let cached = try ContentGraph(archive: &reader)
        let edited = markdown("thoi-su/a.md", "---\ntitle: A mới\ndate: 2021-11-01T08:00:00+07:00\nauthor: Lê Văn\ntags: [Hà Nội, Kinh tế]\n---\nThân mới [b](b.md), ![x](missing.png).\n")
        let rebuilt = build([edited] + documents.dropFirst())
        let patched = try XCTUnwrap(GraphBuilder(config: SiteConfig()).patch(cached, with: [edited] + documents.dropFirst()))
        XCTAssertEqual(archived(patched), archived(rebuilt))
        XCTAssertEqual(patched.articles.map(\.body.text), rebuilt.articles.map(\.body.text))
    }

    func testPatchingRefusesDocumentsThatMove() throws {
        let graph = build(documents)
        let builder = GraphBuilder(config: SiteConfig())
        let moves = [
            "---\ntitle: A\ndate: 2021-11-09T08:00:00+07:00\nauthor: Lê Văn\ntags: [Hà Nội, Kinh tế]\n---\nA [b](b.md), ![x](missing.png).\n",
            "---\ntitle: A\ndate: 2021-11-01T08:00:00+07:00\nauthor: Lê Văn\ntags: [Hà Nội]\n---\nA [b](b.md), ![x](missing.png).\n",
            "---\ntitle: A\ndate: 2021-11-01T08:00:00+07:00\nauthor: Lê Văn\ntags: [Hà nội, Kinh tế]\n---\nA [b](b.md), ![x](missing.png).\n",
            "---\ntitle: A\ndate: 2021-11-01T08:00:00+07:00\nauthor: Lê Văn\ntags: [Hà Nội, Kinh tế]\n---\nA [c](../kinh-te/c.md), ![x](missing.png).\n",
            "---\ntitle: A\ndate: 2021-11-01T08:00:00+07:00\nslug: khac\nauthor: Lê Văn\ntags: [Hà Nội, Kinh tế]\n---\nA.\n",
            "---\ntitle: [A\n---\nhỏng\n",
        ]
        for text in moves {
            XCTAssertNil(builder.patch(graph, with: [markdown("thoi-su/a.md", text)]), text)
        }
        XCTAssertNil(builder.patch(graph, with: [markdown("thoi-su/moi.md", "---\ntitle: Mới\ndate: 2021-11-01\n---\n")]))
        XCTAssertNotNil(builder.patch(graph, with: [markdown("thoi-su/a.md", "---\ntitle: Tựa khác\ndate: 2021-11-01T08:00:00+07:00\nauthor: Lê Văn\ntags: [Hà Nội, Kinh tế]\n---\nKhác [b](b.md), ![x](missing.png).\n")]))
    }
}
