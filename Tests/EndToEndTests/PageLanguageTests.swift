import Foundation
import TestSupport
import XCTest

/// A page's UI strings follow its own language: an English article in a Vietnamese site reads
/// "Home" and "Topics", not "Trang chủ" and "Chủ đề", while the site's name and sections keep
/// their language.
final class PageLanguageTests: XCTestCase {
    private var site: FixtureSite!

    override func setUpWithError() throws {
        site = try FixtureSite()
        try site.write("site.yml", "title: Báo Thử\nbaseURL: https://example.org/\nlanguage: vi\n")
        try site.write("Content/floods-in-the-north.md", "---\ntitle: Floods in the north\ndate: 2021-11-30\nlang: en\ntags: [Weather]\n---\nRain fell.\n")
        try site.write("Content/mua-lon-o-mien-bac.md", "---\ntitle: Mưa lớn ở miền Bắc\ndate: 2021-11-29\ntags: [Thời tiết]\n---\nMưa to.\n")
        let result = try site.run(["build"])
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    override func tearDown() {
        site.remove()
    }

    func testAnEnglishArticleInAVietnameseSiteGetsTheEnglishStrings() throws {
        let html = try site.read("2021/11/30/floods-in-the-north/index.html")
        XCTAssertTrue(html.contains(#"<html lang="en">"#))
        for english in [">Skip to main content<", ">Home<", ">Topics<", ">Archive<", ">Search<", #"data-label="Topics:""#] {
            XCTAssertTrue(html.contains(english), "\(english) missing")
        }
        for vietnamese in ["Trang chủ", "Chủ đề", "Lưu trữ", "Tìm kiếm"] {
            XCTAssertFalse(html.contains(vietnamese), "\(vietnamese) on an English page")
        }
        XCTAssertTrue(html.contains(#"<div class="masthead-title" lang="vi">"#), "the site's name keeps its language")
    }

    func testPagesInTheSiteLanguageKeepItsStrings() throws {
        for page in ["2021/11/29/mua-lon-o-mien-bac/index.html", "index.html", "tags/index.html"] {
            let html = try site.read(page)
            XCTAssertTrue(html.contains(#"<html lang="vi">"#), page)
            XCTAssertTrue(html.contains(">Trang chủ<"), page)
            XCTAssertFalse(html.contains(">Home<"), page)
        }
    }
}
