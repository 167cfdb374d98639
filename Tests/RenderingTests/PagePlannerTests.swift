import ContentGraph
import Foundation
import Infrastructure
import Ingest
import Rendering
import SiteConfig
import XCTest

/// The plan of a site's pages, whole or only the pages that show some articles.
final class PagePlannerTests: XCTestCase {
    private func planner() throws -> PagePlanner {
        let reader = MarkdownReader(timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)
        let documents = (1...30).map { number in
            reader.read(Array("""
            ---
            title: Bài \(number)
            date: 2021-11-\(10 + number % 15)T08:00:00+07:00
            tags: [\(["Hà Nội", "Kinh tế", "Giáo dục"][number % 3])\(number % 4 == 0 ? ", Chung" : "")]
            author: \(["An", "Bình"][number % 2])
            aliases: [/cu/\(number).html]
            ---
            Thân bài \(number).

            """.utf8), path: "\(["thoi-su", "the-thao"][number % 2])/bai-\(number).md")
        }
        var config = SiteConfig()
        config.pageSize = 4
        let graph = GraphBuilder(config: config).build(ContentFolder(documents: documents, assets: []))
        let theme = try Theme.builtIn()
        let model = ViewModel(graph: graph, config: config, theme: theme, now: CivilDate(secondsSince1970: 1_638_000_000, utcOffsetSeconds: 25_200),
                              cardsFor: [])
        return PagePlanner(graph: graph, model: model, config: config, templates: try theme.templateLibrary(language: config.language),
                           sitemapLimit: 50_000)
    }

    /// An incremental build plans only the pages that show a changed article: exactly those the
    /// whole plan has, in its order.
    func testKeptPagesAreTheWholePlansPagesThatShowTheArticles() throws {
        let planner = try planner()
        let whole = planner.pages()
        XCTAssertTrue(whole.contains { $0.kind == .alias } && whole.contains { $0.kind == .tag } && whole.contains { $0.kind == .feed })
        for changed in [[0], [7, 22], [29]] {
            let keep = { (kind: Page.Kind, articles: [Int]) in
                kind == .article ? changed.contains(articles[0]) : articles.contains { changed.contains($0) }
            }
            let kept = planner.pages(keeping: keep)
            XCTAssertEqual(kept.map(\.file), whole.filter { keep($0.kind, $0.articles) }.map(\.file), "\(changed)")
            XCTAssertEqual(kept.map(\.articles), whole.filter { keep($0.kind, $0.articles) }.map(\.articles))
            XCTAssertTrue(kept.contains { $0.kind == .home } && kept.contains { $0.kind == .day }, "\(changed)")
        }
        XCTAssertEqual(planner.pages(keeping: { _, _ in false }).count, 0)
        XCTAssertEqual(planner.pages(keeping: { _, _ in true }).map(\.file), whole.map(\.file))
    }
}
