import ContentGraph
import Foundation
import Infrastructure
import Ingest
import SiteConfig
import XCTest

/// Hugo's `_index.md`: a section's (or the home page's) title, text and URL.
final class SectionIndexTests: XCTestCase {
    private let zone = TimeZone(identifier: "UTC")!

    private func markdown(_ path: String, _ text: String) -> SourceDocument {
        MarkdownReader(timeZone: zone).read(Array(text.utf8), path: path)
    }

    private func build(_ documents: [SourceDocument], hugo: Bool) -> ContentGraph {
        var folder = ContentFolder(documents: documents, assets: [])
        folder.hasHugoLayout = hugo
        return GraphBuilder(config: SiteConfig()).build(folder)
    }

    private let post = "---\ntitle: Post\ndate: 2022-03-01\n---\nText.\n"

    func testInAHugoLayoutAFolderSectionIsAtTheFolderPath() {
        let graph = build([markdown("blog/post.md", post)], hugo: true)
        XCTAssertEqual(graph.sections.map(\.path), ["blog/"])
    }

    func testWithoutAHugoLayoutASectionStaysBelowSection() {
        let graph = build([markdown("blog/post.md", post)], hugo: false)
        XCTAssertEqual(graph.sections.map(\.path), ["section/blog/"])
    }

    func testASectionNamedOnlyInFrontMatterStaysBelowSectionInAHugoLayout() {
        let graph = build([markdown("post.md", "---\ntitle: P\ndate: 2022-03-01\nsection: News\n---\n")], hugo: true)
        XCTAssertEqual(graph.sections.map(\.path), ["section/news/"])
    }

    func testTheIndexGivesItsSectionTitleTextAndURL() {
        let graph = build([
            markdown("blog/_index.md", "---\ntitle: The Blog\nurl: /writing/\n---\nNotes from the *valley*.\n"),
            markdown("blog/post.md", post),
        ], hugo: true)
        XCTAssertEqual(graph.diagnostics, [])
        XCTAssertEqual(graph.sections.map(\.name), ["The Blog"])
        XCTAssertEqual(graph.sections.map(\.path), ["writing/"])
        XCTAssertEqual(graph.sections[0].text, "<p>Notes from the <em>valley</em>.</p>\n")
        XCTAssertEqual(graph.articles.map(\.id), ["blog/post.md"], "an _index.md is no article or page")
    }

    func testTheRootIndexIsTheHomePageText() {
        let graph = build([markdown("_index.md", "---\ntitle: Valley News\n---\nWelcome.\n"), markdown("blog/post.md", post)], hugo: true)
        XCTAssertEqual(graph.home.title, "Valley News")
        XCTAssertEqual(graph.home.text, "<p>Welcome.</p>\n")
    }

    func testANestedIndexIsReported() {
        let graph = build([markdown("blog/2022/_index.md", "# Year\n"), markdown("blog/post.md", post)], hugo: true)
        XCTAssertEqual(graph.diagnostics.map(\.code), ["section.nested"])
        XCTAssertNil(graph.sections[0].text)
    }
}
