import Foundation
import TestSupport
import XCTest

/// What the default theme owes readers of assistive technology and search engines, on the
/// `valid` fixture site built with the real binary.
final class AccessibilityTests: XCTestCase {
    private static let site = Result { try FixtureSite.built(copying: "valid") }

    override class func tearDown() {
        try? site.get().remove()
        super.tearDown()
    }

    private func read(_ path: String) throws -> String { try Self.site.get().read(path) }

    /// The `href` of the link marked `aria-current="page"` in the header's navigation.
    private func currentNavItem(_ page: String) throws -> String? {
        let html = try read(page)
        guard let header = html.range(of: "<header class=\"site-header\">"), let end = html.range(of: "</header>", range: header.upperBound..<html.endIndex)
        else { return nil }
        let nav = html[header.upperBound..<end.lowerBound]
        guard let current = nav.range(of: #"href="[^"]*" aria-current="page""#, options: .regularExpression) else { return nil }
        return String(nav[current].dropFirst("href=\"".count).prefix { $0 != "\"" })
    }

    func testTheNavigationMarksTheCurrentItemOnEveryPageKind() throws {
        let expected = [
            "index.html": "/", "page/2/index.html": "/", "section/thoi-su/index.html": "/section/thoi-su/",
            "2021/11/30/chuyen-doi-so/index.html": "/section/thoi-su/",
            "tags/index.html": "/tags/", "tag/chuyen-doi-so/index.html": "/tags/",
            "archive/index.html": "/archive/", "2021/index.html": "/archive/", "2021/11/index.html": "/archive/",
            "2021/11/30/index.html": "/archive/", "search/index.html": "/search/",
        ]
        for (page, item) in expected {
            XCTAssertEqual(try currentNavItem(page), item, page)
        }
    }

    func testSectionsBeyondTheFifthGoUnderTheMoreMenu() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let sections = (1...7).map { "Mục \($0)" }
        try site.write("site.yml", "title: T\nbaseURL: https://example.org/\nsections:\n"
                       + sections.enumerated().map { "  - {name: \($1), slug: muc-\($0 + 1)}\n" }.joined())
        for number in 1...7 {
            try site.write("Content/muc-\(number)/a\(number).md", "---\ntitle: Bài \(number)\ndate: 2021-11-0\(number)\n---\nx\n")
        }
        XCTAssertEqual(try site.run(["build"]).status, 0)
        let html = try site.read("index.html")
        let strip = try XCTUnwrap(html.firstMatch(of: /<nav class="section-nav"[\s\S]*?<\/nav>/)).output
        let more = try XCTUnwrap(strip.firstMatch(of: /<details class="nav-more">[\s\S]*?<\/details>/)).output
        for number in 1...5 {
            XCTAssertTrue(strip.contains("href=\"/section/muc-\(number)/\""), "section \(number) in the strip")
            XCTAssertFalse(more.contains("/section/muc-\(number)/"), "section \(number) not under more")
        }
        for number in 6...7 { XCTAssertTrue(more.contains("href=\"/section/muc-\(number)/\""), "section \(number) under more") }
        XCTAssertTrue(more.contains("href=\"/tags/\"") && more.contains("href=\"/archive/\""))
        // The phone's menu holds every item; the search icon is beside the title on both.
        let menu = try XCTUnwrap(html.firstMatch(of: /<details class="nav-menu">[\s\S]*?<\/details>/)).output
        for number in 1...7 { XCTAssertTrue(menu.contains("href=\"/section/muc-\(number)/\"")) }
        XCTAssertTrue(html.contains(#"<a class="icon-button nav-search" href="/search/">"#))
    }

    func testHeaderAndFooterNavigationsHaveDistinctNames() throws {
        let html = try read("index.html")
        let labels = html.matches(of: /<nav class="(section-nav|footer-nav)" aria-label="([^"]+)"/).map { String($0.output.2) }
        XCTAssertEqual(labels.count, 2)
        XCTAssertEqual(Set(labels).count, 2, "\(labels)")
    }

    func testTheNotFoundPageIsNotIndexedAndNamesNoCanonical() throws {
        let html = try read("404.html")
        XCTAssertTrue(html.contains(#"<meta name="robots" content="noindex">"#))
        XCTAssertFalse(html.contains(#"rel="canonical""#))
        XCTAssertTrue(try read("index.html").contains(#"<link rel="canonical" href="https://example.org/">"#))
    }

    func testEveryPageLinksTheFaviconAndASkipLink() throws {
        let site = try Self.site.get()
        XCTAssertTrue(site.exists("assets/favicon.svg"))
        for page in ["index.html", "2021/11/30/chuyen-doi-so/index.html", "404.html", "search/index.html"] {
            let html = try read(page)
            XCTAssertTrue(html.contains(#"<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">"#), page)
            XCTAssertTrue(html.contains(##"<a class="skip-link" href="#main">"##), page)
            XCTAssertTrue(html.contains(#"<main id="main""#), page)
        }
    }

    func testDisabledPaginationStepsAreNotFadedBelowReadableContrast() throws {
        // Opacity on muted text gave 2.16:1; the muted colour alone is above 4.5:1 on the page.
        let css = try read("assets/style.css")
        let rule = try XCTUnwrap(css.firstMatch(of: /\.page-step\.is-disabled \{[^}]*\}/)).output
        XCTAssertFalse(rule.contains("opacity"), String(rule))
        XCTAssertTrue(try read("index.html").contains("page-step page-prev is-disabled"))
    }
}
