import Build
import Foundation
import TestSupport
import XCTest

/// Every tag's feeds repeat their articles' categories: with a bound per item, an article with
/// many tags makes output linear in its tag count, not quadratic.
final class FeedCategoryLimitTests: XCTestCase {
    func testFeedItemsListAtMostTheConfiguredCategories() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("site.yml", "title: Thử\nbaseURL: https://example.org/\nfeeds:\n  categories: 4\n")
        let tags = (1...30).map { "Thẻ \($0)" }.joined(separator: ", ")
        try site.write("Content/thoi-su/bai.md", "---\ntitle: Nhiều thẻ\ndate: 2021-11-30\ntags: [\(tags)]\n---\nThân.\n")
        let summary = try Build(BuildOptions(site: site.root, useCache: false)).run()
        XCTAssertEqual(summary.articles, 1)
        for tag in ["the-1", "the-30"] {
            let rss = try site.read("tag/\(tag)/feed.xml")
            XCTAssertEqual(rss.components(separatedBy: "<category>").count - 1, 4, "section and three tags")
            let atom = try site.read("tag/\(tag)/atom.xml")
            XCTAssertEqual(atom.components(separatedBy: "<category ").count - 1, 4)
            let json = try JSONSerialization.jsonObject(with: Data(try site.read("tag/\(tag)/feed.json").utf8)) as? [String: Any]
            let items = try XCTUnwrap(json?["items"] as? [[String: Any]])
            XCTAssertEqual((items.first?["tags"] as? [String])?.count, 4)
        }
    }
}
