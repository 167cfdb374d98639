import ContentGraph
import Foundation
import Infrastructure
import Ingest
import SiteConfig
import XCTest

/// Links to a section of an article (`b.md#id`, `#id`) are checked against the ids its page
/// will have: its headings' (see `HeadingAnchors`) and those written in its body.
final class SectionLinkTests: XCTestCase {
    private let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!

    private func build(_ files: [(path: String, text: String)]) -> ContentGraph {
        let reader = MarkdownReader(timeZone: zone)
        let documents = files.map { reader.read(Array($0.text.utf8), path: $0.path) }
        return GraphBuilder(config: SiteConfig()).build(ContentFolder(documents: documents, assets: []))
    }

    private let target = (path: "kinh-te/b.md",
                          text: "---\ntitle: B\ndate: 2021-11-29\n---\n## Giá xăng\n\n## Giá dầu\n\n<p id=\"bang-gia\">Bảng</p>\n")

    func testALinkToAHeadingOfAnotherArticleIsNotReported() {
        let graph = build([(path: "thoi-su/a.md", text: "---\ntitle: A\ndate: 2021-11-30\n---\nXem [giá](../kinh-te/b.md#gia-dau).\n"), target])
        XCTAssertEqual(graph.diagnostics, [])
    }

    func testALinkToAMissingSectionIsAWarningAtTheLink() {
        let graph = build([(path: "thoi-su/a.md", text: "---\ntitle: A\ndate: 2021-11-30\n---\n\nXem [giá](../kinh-te/b.md#gia-vang).\n"), target])
        XCTAssertEqual(graph.diagnostics.map(\.description), [
            "thoi-su/a.md:6:5: warning: link to '../kinh-te/b.md#gia-vang' leads to no section: kinh-te/b.md has no heading or id 'gia-vang'",
        ])
        XCTAssertEqual(graph.diagnostics.map(\.code), ["link.anchor"])
        let a = graph.articles.first { $0.id == "thoi-su/a.md" }!
        XCTAssertEqual(a.diagnostics.map(\.code), ["link.anchor"], "the warning belongs to the linking article")
        XCTAssertTrue(a.body.text.contains("href=\"/2021/11/29/b/#gia-vang\""), "the link still leads to the article")
    }

    func testALinkWithinTheArticleIsCheckedAgainstItsOwnHeadings() {
        let graph = build([(path: "a.md", text: "---\ntitle: A\ndate: 2021-11-30\n---\n[up](#muc-mot) [down](#muc-hai)\n\n## Mục một\n")])
        XCTAssertEqual(graph.diagnostics.map(\.location), ["a.md:5:16"])
        XCTAssertTrue(graph.diagnostics[0].message.contains("this article has no heading or id 'muc-hai'"), graph.diagnostics[0].message)
    }

    func testIdsWrittenInTheBodyAndTheTopOfThePageAreLandingPlaces() {
        let graph = build([
            (path: "thoi-su/a.md", text: "---\ntitle: A\ndate: 2021-11-30\n---\n[x](../kinh-te/b.md#bang-gia) [y](#top) [z](#) [w](#Top)\n"),
            target,
        ])
        XCTAssertEqual(graph.diagnostics, [])
    }

    func testAPercentEncodedFragmentIsComparedDecoded() {
        let graph = build([
            (path: "a.md", text: "---\ntitle: A\ndate: 2021-11-30\n---\n[x](#gi%C3%A1-c%E1%BA%A3) [y](#gi%C3%A1)\n\n<h2 id=\"giá-cả\">Giá cả</h2>\n"),
        ])
        XCTAssertEqual(graph.diagnostics.map(\.message), ["link to '#gi%C3%A1' leads to no section: this article has no heading or id 'giá'"])
    }

    func testARepeatedHeadingIsNumberedAsOnItsPage() {
        let graph = build([(path: "a.md", text: "---\ntitle: A\ndate: 2021-11-30\n---\n[x](#tom-tat-2) [y](#tom-tat-3)\n\n## Tóm tắt\n\n## Tóm tắt\n")])
        XCTAssertEqual(graph.diagnostics.map(\.message), ["link to '#tom-tat-3' leads to no section: this article has no heading or id 'tom-tat-3'"])
    }

    func testALinkedArticleIsMarkedSoThatAnEditOfItIsNotPatchedAlone() {
        let graph = build([(path: "thoi-su/a.md", text: "---\ntitle: A\ndate: 2021-11-30\n---\n[x](../kinh-te/b.md#gia-xang)\n"), target])
        XCTAssertEqual(graph.articles.first { $0.id == "kinh-te/b.md" }?.hasIncomingSectionLinks, true)
        XCTAssertEqual(graph.articles.first { $0.id == "thoi-su/a.md" }?.hasIncomingSectionLinks, false)
        let edited = MarkdownReader(timeZone: zone).read(Array((target.text + "\nThêm.\n").utf8), path: target.path)
        XCTAssertNil(GraphBuilder(config: SiteConfig()).patch(graph, with: [edited]))
    }
}
