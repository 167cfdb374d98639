import ContentGraph
import Foundation
import Infrastructure
import Ingest
import SiteConfig
import XCTest

/// Articles' URLs from Jekyll's and Hugo's permalink placeholders, per-section patterns and
/// taxonomy paths.
final class PermalinkTests: XCTestCase {
    private let utc = TimeZone(identifier: "UTC")!

    private func markdown(_ path: String, _ text: String) -> SourceDocument {
        MarkdownReader(timeZone: utc).read(Array(text.utf8), path: path)
    }

    private func build(_ documents: [SourceDocument], site: String) throws -> ContentGraph {
        GraphBuilder(config: try SiteConfig(yaml: site, path: "site.yml")).build(ContentFolder(documents: documents, assets: []))
    }

    func testJekyllCategoriesAreTheFoldersAboveThePostsThenTheFrontMattersLowercased() throws {
        let graph = try build([
            markdown("news/_posts/2023-06-11-fire-drill.md", "---\ntitle: Fire Drill\ncategories: [Safety]\n---\nx\n"),
            markdown("_posts/2023-01-12-road-salt.md", "---\ntitle: Road Salt\ncategories: weather roads\n---\nx\n"),
            markdown("_posts/2023-04-02-Spring_Fair.md", "---\ntitle: Spring Fair\n---\nx\n"),
        ], site: "permalinks:\n  article: /:categories/:year/:month/:day/:title/\n")
        XCTAssertEqual(Set(graph.articles.map(\.path)), [
            "news/safety/2023/06/11/fire-drill/", "weather/roads/2023/01/12/road-salt/", "2023/04/02/Spring_Fair/",
        ])
    }

    func testHugosTitleIsTheTitleMadeASlugWhateverTheFileIsCalled() throws {
        let graph = try build([markdown("posts/flood.md", "---\ntitle: Flood Gates Open\ndate: 2023-04-02\nslug: ignored\n---\nx\n")],
                              site: "permalinks:\n  posts: /:year/:month/:title/\n")
        XCTAssertEqual(graph.articles.map(\.path), ["2023/04/flood-gates-open/"])
    }

    func testADateInAURLIsInTheSitesZoneOrAsWritten() throws {
        let post = markdown("a.md", "---\ntitle: A\ndate: 2012-02-18T00:08:00+08:00\n---\nx\n")
        let site = "timeZone: UTC\npermalinks:\n  article: /:year/:month/:day/:slug/\n"
        XCTAssertEqual(try build([post], site: site).articles.map(\.path), ["2012/02/17/a/"], "Jekyll's rule: the site's zone")
        XCTAssertEqual(try build([post], site: site + "permalinkDates: written\n").articles.map(\.path), ["2012/02/18/a/"], "Hugo's")
    }

    func testASectionsPatternIsUsedOnlyForItsFolder() throws {
        let graph = try build([
            markdown("posts/a.md", "---\ntitle: A\ndate: 2023-04-02\n---\nx\n"),
            markdown("news/b.md", "---\ntitle: B\ndate: 2023-04-03\n---\nx\n"),
        ], site: "permalinks:\n  article: /:section/:filename/\n  posts: /:year/:filename/\n")
        XCTAssertEqual(Set(graph.articles.map(\.path)), ["2023/a/", "news/b/"])
    }

    func testARelativeAliasIsBesideThePage() throws {
        let graph = try build([markdown("posts/guide.md", "---\ntitle: Guide\ndate: 2023-06-01\naliases: [old-guide, /rooted/]\n---\nx\n")],
                              site: "permalinks:\n  article: /:year/:month/:slug/\n")
        XCTAssertEqual(graph.articles[0].aliases, ["2023/06/old-guide/", "rooted/"])
    }

    func testASectionsListIsBelowTheConfiguredFolder() throws {
        let graph = try build([markdown("a.md", "---\ntitle: A\ndate: 2023-04-02\nsection: City\n---\nx\n")],
                              site: "taxonomies:\n  section: categories\n")
        XCTAssertEqual(graph.sections.map(\.path), ["categories/city/"])
    }

    func testSlugifyPathsSaysHowAWrittenSlugBecomesAURL() throws {
        let documents = [markdown("_posts/2022-03-06-Town_Hall.v2.md", "---\ntitle: Town hall\n---\nx\n"),
                         markdown("news/x.md", "---\ntitle: X\ndate: 2022-03-07\nslug: Đà Nẵng news\n---\nx\n")]
        let site = "permalinks:\n  article: /:slug/\nslugify:\n  paths: "
        XCTAssertEqual(Set(try build(documents, site: site + "safe\n").articles.map(\.path)), ["Town_Hall.v2/", "Đà-Nẵng-news/"])
        XCTAssertEqual(Set(try build(documents, site: site + "on\n").articles.map(\.path)), ["town-hall-v2/", "da-nang-news/"])
        XCTAssertEqual(Set(try build(documents, site: site + "off\n").articles.map(\.path)), ["Town_Hall.v2/", "Đà Nẵng news/"])
    }
}
