import Foundation
import TestSupport
import XCTest

/// The home list's first page is a front page (Fixtures/front-page): a featured lead, the latest
/// articles, a block per section in the config's order, the day of "now"; and images of the site
/// carry their sizes.
final class FrontPageTests: XCTestCase {
    private var site: FixtureSite!

    override func setUpWithError() throws {
        site = try FixtureSite(copying: "front-page")
        let result = try site.run(["build", "--strict"])
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    override func tearDown() {
        site.remove()
    }

    /// The part of the home page from `start` to the next `end`.
    private func part(_ start: String, to end: String, in page: String) throws -> Substring {
        let from = try XCTUnwrap(page.range(of: start), start)
        let rest = page[from.upperBound...]
        return rest[..<(rest.range(of: end)?.lowerBound ?? rest.endIndex)]
    }

    func testTheFeaturedArticleLeadsThoughANewerOneExists() throws {
        let lead = try part("<article class=\"lead-story", to: "</article>", in: try site.read("index.html"))
        XCTAssertTrue(lead.contains(">Council votes to rebuild the old bridge<"), String(lead))
        XCTAssertTrue(lead.contains(">Politics<"), "the kicker")
        XCTAssertTrue(lead.contains("The vote was 9 to 2"), "the summary")
        XCTAssertTrue(lead.contains("Mai Tran"), "the byline")
        // The lead's image is in view: sized, never lazy.
        XCTAssertTrue(lead.contains(#"<img src="/images/bridge.png" alt="" width="60" height="40" decoding="async""#), String(lead))
        XCTAssertFalse(lead.contains("loading=\"lazy\""))
    }

    func testSectionBlocksFollowTheConfigOrderAndLeaveOutTheLead() throws {
        let home = try site.read("index.html")
        let blocks = ["front-culture", "front-business", "front-politics"].map { home.range(of: "id=\"\($0)\"")?.lowerBound }
        XCTAssertEqual(blocks.compactMap { $0 }.count, 3)
        XCTAssertEqual(blocks.compactMap { $0 }, blocks.compactMap { $0 }.sorted(), "Culture, Business, Politics")
        let politics = try part("id=\"front-politics\"", to: "</section>", in: home)
        XCTAssertFalse(politics.contains("Council votes"), "the lead is not repeated")
        XCTAssertTrue(politics.contains("The mayor on the year ahead"))
        XCTAssertTrue(politics.contains(#"href="/section/politics/""#), "the link to the section")
        // Eight business articles: the newest five, the one with an image first.
        let business = try part("id=\"front-business\"", to: "</section>", in: home)
        XCTAssertEqual(business.components(separatedBy: "<h3 ").count - 1, 5)
        let top = try part("<article class=\"section-top", to: "</article>", in: String(business))
        XCTAssertTrue(top.contains("Harbour expansion brings 300 jobs"))
        XCTAssertTrue(top.contains(#"width="80" height="45" loading="lazy""#), "the JPEG's size, past its 3 KB metadata segment")
        XCTAssertTrue(business.contains(#"src="/images/stall.webp" alt="" width="50" height="25""#), "a lossless WebP's size")
        XCTAssertFalse(business.contains("Business brief 3"), "older than the newest five")
    }

    func testTheLatestColumnListsTheNewestButTheLead() throws {
        let latest = try part("<ol class=\"latest-list\">", to: "</ol>", in: try site.read("index.html"))
        XCTAssertEqual(latest.components(separatedBy: "<li>").count - 1, 8)
        XCTAssertTrue(latest.contains("09:00"), "the time of the mayor's interview")
        XCTAssertLessThan(try XCTUnwrap(latest.range(of: "The mayor")).lowerBound, try XCTUnwrap(latest.range(of: "Harbour")).lowerBound)
        XCTAssertFalse(latest.contains("Council votes"))
    }

    func testTheDateIsNowAsTheBuildDefinesIt() throws {
        // The newest article's day when SOURCE_DATE_EPOCH is not set…
        XCTAssertTrue(try site.read("index.html").contains(#"<time datetime="2026-12-05T09:00:00Z">Saturday, 5 December 2026</time>"#))
        // …and SOURCE_DATE_EPOCH's when it is (2026-12-07T08:00:00Z), never the clock.
        XCTAssertEqual(try site.run(["build", "--no-cache"], environment: ["SOURCE_DATE_EPOCH": "1796630400"]).status, 0)
        XCTAssertTrue(try site.read("index.html").contains(">Monday, 7 December 2026</time>"))
    }

    func testLaterPagesOfTheHomeListArePlainLists() throws {
        let second = try site.read("page/2/index.html")
        XCTAssertFalse(second.contains("lead-story"))
        XCTAssertFalse(second.contains("latest-list"))
        XCTAssertTrue(second.contains("<ol class=\"card-list\">"))
    }

    func testBodyImagesOfTheSiteGetTheirSizesAndAllButTheFirstLoadLazily() throws {
        let page = try site.read("2026/12/04/council-vote/index.html")
        let body = try part("<div class=\"article-body\">", to: "</div>", in: page)
        XCTAssertTrue(body.contains(#"<img src="/images/bridge.png" alt="The old bridge" width="60" height="40" decoding="async" />"#), String(body))
        XCTAssertTrue(body.contains(#"<img src="/images/map.svg" alt="A map of the works" width="320" height="180" loading="lazy" decoding="async" />"#),
                      "an SVG in % takes its viewBox")
        XCTAssertTrue(body.contains(#"src="/images/chart.gif" alt="Traffic counts" width="24" height="12" loading="lazy""#))
        XCTAssertTrue(body.contains(#"<img src="https://cdn.example.net/photo.jpg" alt="Remote" loading="lazy" decoding="async" />"#),
                      "a remote image has no size to give")
    }
}
