import ContentGraph
import Foundation
import Infrastructure
import Ingest
import SiteConfig
import XCTest

/// Pages: undated Markdown, or `type: page` / `layout: page`, written at their own path and
/// shown in no list.
final class PageTests: XCTestCase {
    private let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!

    private func markdown(_ path: String, _ text: String) -> SourceDocument {
        MarkdownReader(timeZone: zone).read(Array(text.utf8), path: path)
    }

    private func build(_ documents: [SourceDocument], config: SiteConfig = SiteConfig()) -> ContentGraph {
        GraphBuilder(config: config).build(ContentFolder(documents: documents, assets: []))
    }

    private func page(_ graph: ContentGraph, _ id: String) -> Article? {
        graph.articles.first { $0.id == id }
    }

    func testAnUndatedMarkdownFileIsAPageAtItsPath() {
        let graph = build([markdown("about.md", "---\ntitle: Giới thiệu\n---\nChúng tôi.\n")])
        XCTAssertEqual(graph.diagnostics, [])
        XCTAssertEqual(page(graph, "about.md")?.path, "about/")
        XCTAssertEqual(page(graph, "about.md")?.isPage, true)
        XCTAssertEqual(page(graph, "about.md")?.isDated, false)
    }

    func testAPageInAFolderKeepsTheFolderInItsURL() {
        let graph = build([markdown("docs/install.md", "# Cài đặt\n"), markdown("docs/guide/index.md", "# Hướng dẫn\n")])
        XCTAssertEqual(page(graph, "docs/install.md")?.path, "docs/install/")
        XCTAssertEqual(page(graph, "docs/guide/index.md")?.path, "docs/guide/")
    }

    func testAPageTakesItsFoldersPermalinkWhenThatNeedsNoDate() throws {
        var config = SiteConfig()
        config.sectionPermalinks["post"] = try Permalink(parsing: "/:filename/")
        config.sectionPermalinks["news"] = try Permalink(parsing: "/:year/:slug/")
        let graph = build([markdown("post/Learn_SQL.md", "# Học SQL\n"), markdown("news/about.md", "# Về mục tin\n")], config: config)
        XCTAssertEqual(page(graph, "post/Learn_SQL.md")?.path, "Learn_SQL/", "as Hugo places an undated file of post/")
        XCTAssertEqual(page(graph, "news/about.md")?.path, "news/about/", "a pattern with a date cannot place an undated page")
    }

    func testAPageTakesItsSlugOrURLFromFrontMatter() {
        let graph = build([
            markdown("a/lien-he.md", "---\ntitle: Liên hệ\nslug: contact\n---\n"),
            markdown("b.md", "---\ntitle: B\nurl: /ve-chung-toi/\n---\n"),
        ])
        XCTAssertEqual(page(graph, "a/lien-he.md")?.path, "a/contact/")
        XCTAssertEqual(page(graph, "b.md")?.path, "ve-chung-toi/")
    }

    func testTypePageOrLayoutPageMakesADatedFileAPage() {
        let graph = build([
            markdown("hugo.md", "---\ntitle: H\ndate: 2021-11-30\ntype: page\n---\n"),
            markdown("jekyll.md", "---\ntitle: J\ndate: 2021-11-30\nlayout: page\n---\n"),
            markdown("post.md", "---\ntitle: P\ndate: 2021-11-30\nlayout: post\n---\n"),
        ])
        XCTAssertEqual(page(graph, "hugo.md")?.path, "hugo/")
        XCTAssertEqual(page(graph, "hugo.md")?.isDated, true)
        XCTAssertEqual(page(graph, "jekyll.md")?.isPage, true)
        XCTAssertEqual(page(graph, "post.md")?.isPage, false)
        XCTAssertEqual(page(graph, "post.md")?.path, "2021/11/30/post/")
    }

    func testPagesAreInNoListTagSectionAuthorOrDateBucket() {
        let graph = build([
            markdown("tin/bai.md", "---\ntitle: Bài\ndate: 2021-11-30\ntags: [Kinh tế]\nauthor: An\n---\n"),
            markdown("tin/trang.md", "---\ntitle: Trang\ntype: page\ndate: 2021-11-29\ntags: [Kinh tế]\nauthor: An\n---\n"),
        ])
        XCTAssertEqual(graph.articles.map(\.id), ["tin/bai.md", "tin/trang.md"], "stories first, then pages")
        XCTAssertEqual(graph.stories, 0..<1)
        XCTAssertEqual(graph.tags.map(\.articles), [[0]])
        XCTAssertEqual(graph.authors.map(\.articles), [[0]])
        XCTAssertEqual(graph.sections.map(\.articles), [[0]])
        XCTAssertEqual(graph.days.map(\.articles), [[0]])
        XCTAssertEqual(graph.articles[1].related, [])
        XCTAssertEqual(graph.articles[0].related, [])
    }

    func testAStoryLinkingToAPageGetsItsURL() {
        let graph = build([
            markdown("tin/bai.md", "---\ntitle: Bài\ndate: 2021-11-30\n---\n[Liên hệ](../lien-he.md)\n"),
            markdown("lien-he.md", "# Liên hệ\n"),
        ])
        XCTAssertEqual(graph.diagnostics, [])
        XCTAssertTrue(graph.articles[0].body.text.contains("href=\"/lien-he/\""), graph.articles[0].body.text)
    }

    func testAnUndatedScrapedPageIsStillAnError() {
        var document = SourceDocument(path: "trang.html", kind: .scrapedHTML)
        document.title = "Trang"
        let graph = build([document])
        XCTAssertEqual(graph.articles.count, 0)
        XCTAssertEqual(graph.diagnostics.map(\.code), ["article.no-date"])
    }

    func testAGraphOfOnlyPagesHasNoNewestTimestamp() {
        let graph = build([markdown("about.md", "# About\n")])
        XCTAssertNil(graph.newestTimestamp)
        XCTAssertEqual(graph.stories, 0..<0)
    }
}
