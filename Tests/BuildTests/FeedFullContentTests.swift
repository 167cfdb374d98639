import Build
import Foundation
import TestSupport
import XCTest

/// Feeds with whole articles (`feeds.fullContent`): readers outside the site get the site's own
/// links and images as absolute URLs, and every other address as written.
final class FeedFullContentTests: XCTestCase {
    private func body(root: String) -> String {
        """
        [Bài khác](\(root)2021/11/29/khac/) và [ngoài](https://other.example/x) và <a href="//cdn.example.net/a">cdn</a>.

        <img src="\(root)images/a.png" alt="Ảnh">

        Chữ `<a href="\(root)khong-phai">` trong mã.
        """
    }

    private func feeds(baseURL: String, root: String = "/") throws -> (rss: String, atom: String, json: String) {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("site.yml", "title: Thử\nbaseURL: \(baseURL)\nfeeds:\n  fullContent: true\n")
        try site.write("Content/thoi-su/bai.md", "---\ntitle: Bài\ndate: 2021-11-30\n---\n\(body(root: root))\n")
        _ = try Build(BuildOptions(site: site.root, useCache: false)).run()
        return (try site.read("feed.xml"), try site.read("atom.xml"), try site.read("feed.json"))
    }

    func testTheSitesOwnAddressesBecomeAbsolute() throws {
        let (rss, atom, json) = try feeds(baseURL: "https://example.org/")
        for xml in [rss, atom] {
            XCTAssertTrue(xml.contains("href=&quot;https://example.org/2021/11/29/khac/&quot;"), xml)
            XCTAssertTrue(xml.contains("src=&quot;https://example.org/images/a.png&quot;"), xml)
            XCTAssertTrue(xml.contains("href=&quot;https://other.example/x&quot;"), xml)
            XCTAssertTrue(xml.contains("href=&quot;//cdn.example.net/a&quot;"), "protocol-relative stays: \(xml)")
            XCTAssertTrue(xml.contains("&lt;code&gt;&amp;lt;a href=&quot;/khong-phai&quot;&amp;gt;&lt;/code&gt;"), "code is text: \(xml)")
        }
        XCTAssertTrue(json.contains(#"href=\"https://example.org/2021/11/29/khac/\""#), json)
    }

    func testUnderABasePathOnlyAddressesBelowItChange() throws {
        let (rss, _, _) = try feeds(baseURL: "https://example.org/tin/", root: "/tin/")
        XCTAssertTrue(rss.contains("href=&quot;https://example.org/tin/2021/11/29/khac/&quot;"), rss)
        XCTAssertTrue(rss.contains("src=&quot;https://example.org/tin/images/a.png&quot;"), rss)
        XCTAssertTrue(rss.contains("href=&quot;//cdn.example.net/a&quot;"), rss)
    }
}
