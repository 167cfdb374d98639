import Foundation
import TestSupport
import XCTest

/// Who gets a path when two want it: the site's own files first, then articles, then redirects,
/// then theme and content files — and the loser is told who has it.
final class PageClaimsTests: XCTestCase {
    func testTheSitesOwnRobotsFileIsKeptAndAnArticleWantingItsPathIsToldWhoHasIt() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("Content/r.md", "---\ntitle: R\ndate: 2021-11-30\nurl: /robots.txt\n---\nx\n")
        try site.write("Content/robots.txt", "User-agent: *\nDisallow: /private/\n")
        let result = try site.run(["build", "--no-cache"])
        XCTAssertTrue(result.stderr.contains("Content/r.md:1:1: error: URL /robots.txt/index.html is already taken by Content/robots.txt"),
                      result.stderr)
        XCTAssertEqual(try site.read("robots.txt"), "User-agent: *\nDisallow: /private/\n")
    }

    func testTheOutputMarkerAndTheThemesFilesCannotBeTakenByPages() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("Content/m.md", "---\ntitle: M\ndate: 2021-11-30\nurl: /.broadsheet-output/\n---\nx\n")
        try site.write("Content/s.md", "---\ntitle: S\ndate: 2021-11-30\naliases: [/assets/style.css]\n---\nx\n")
        try site.write("Content/ok.md", "---\ntitle: OK\ndate: 2021-11-29\n---\nx\n")
        let result = try site.run(["build", "--no-cache"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("is already taken by the generated /.broadsheet-output"), result.stderr)
        XCTAssertTrue(result.stderr.contains("alias /assets/style.css/index.html is already taken by the theme's assets/style.css"), result.stderr)
        XCTAssertTrue(try site.read("assets/style.css").contains("{"), "the stylesheet, not a redirect")
        XCTAssertTrue(site.exists("2021/11/29/ok/index.html"))
    }

    func testAnArticleWantingAGeneratedPathIsToldItIsGenerated() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("Content/r.md", "---\ntitle: R\ndate: 2021-11-30\nurl: /robots.txt.html\n---\nx\n")
        try site.write("Content/f.md", "---\ntitle: F\ndate: 2021-11-30\nurl: /feed.xml/\n---\nx\n")
        let result = try site.run(["build", "--no-cache"])
        XCTAssertTrue(result.stderr.contains("Content/f.md:1:1: error: URL /feed.xml/index.html is already taken by the generated /feed.xml"),
                      result.stderr)
        XCTAssertTrue(site.exists("robots.txt"))
    }
}
