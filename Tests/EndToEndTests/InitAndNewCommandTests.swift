import Foundation
import TestSupport
import XCTest

/// `broadsheet init` gives a site that builds cleanly at once; `broadsheet new` adds to it.
final class InitAndNewCommandTests: XCTestCase {
    private var site: FixtureSite!

    override func setUpWithError() throws {
        site = try FixtureSite()
    }

    override func tearDown() {
        site.remove()
    }

    func testInitWritesASiteThatBuildsWithNoProblemInEitherLanguage() throws {
        for language in ["vi", "en"] {
            let folder = "moi-\(language)"
            let created = try site.run(["init", folder, "--lang", language])
            XCTAssertEqual(created.status, 0, created.stderr)
            XCTAssertTrue(created.stdout.contains("broadsheet serve"), created.stdout)
            let built = try site.run(["build", "--site", folder])
            XCTAssertEqual(built.status, 0, built.stderr)
            XCTAssertTrue(built.stdout.contains("3 articles") && built.stdout.contains("0 errors, 0 warnings"), built.stdout)
            let config = try String(contentsOf: site.root.appendingPathComponent("\(folder)/site.yml"), encoding: .utf8)
            XCTAssertTrue(config.contains("language: \(language)"))
            for key in ["pagination", "permalinks", "feeds", "related", "markup", "limits", "mirror", "extraction"] {
                XCTAssertTrue(config.contains("# \(key):"), "site.yml explains \(key)")
            }
        }
    }

    func testInitRefusesAFolderThatIsNotEmpty() throws {
        try site.write("cu/ghi-chu.txt", "của người dùng")
        let result = try site.run(["init", "cu"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("cu: error: the folder is not empty"), result.stderr)
        XCTAssertEqual(try String(contentsOf: site.root.appendingPathComponent("cu/ghi-chu.txt"), encoding: .utf8), "của người dùng")
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("cu/site.yml").path))
    }

    func testNewWritesAnArticleInItsSectionDatedInTheSiteZoneThatBuilds() throws {
        XCTAssertEqual(try site.run(["init", "bao"]).status, 0)
        let result = try site.run(["new", "Khánh thành cầu mới: 600 mét", "--section", "Thời sự", "--tags", "Giao thông, Hạ tầng", "--site", "bao"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "Content/thoi-su/khanh-thanh-cau-moi-600-met.md\n")
        let text = try String(contentsOf: site.root.appendingPathComponent("bao/Content/thoi-su/khanh-thanh-cau-moi-600-met.md"), encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("---\ntitle: \"Khánh thành cầu mới: 600 mét\"\ndate: "), text)
        XCTAssertTrue(text.contains("+07:00\nsection: \"Thời sự\"\ntags: [\"Giao thông\", \"Hạ tầng\"]\n---\n"), text)
        let built = try site.run(["build", "--site", "bao"])
        XCTAssertEqual(built.status, 0, built.stderr)
        XCTAssertTrue(built.stdout.contains("4 articles"), built.stdout)
        let again = try site.run(["new", "Khánh thành cầu mới: 600 mét", "--site", "bao", "--section", "thoi-su"])
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("it exists already"), again.stderr)
    }

    func testNewWritesAnUndatedPage() throws {
        XCTAssertEqual(try site.run(["init", "bao", "--lang", "en"]).status, 0)
        let result = try site.run(["new", "Contact us", "--page", "--site", "bao"])
        XCTAssertEqual(result.stdout, "Content/contact-us.md\n")
        let text = try String(contentsOf: site.root.appendingPathComponent("bao/Content/contact-us.md"), encoding: .utf8)
        XCTAssertEqual(text, "---\ntitle: \"Contact us\"\ntype: page\n---\n\n")
    }

    func testNewWritesIntoAHugoSitesOwnContentFolder() throws {
        try site.write("hugo.toml", "title = \"Gazette\"\ntimeZone = \"Europe/Berlin\"\n")
        try site.write("content/posts/first.md", "---\ntitle: First\ndate: 2023-01-05\n---\nHello.\n")
        let result = try site.run(["new", "Ferry news", "--section", "posts"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "content/posts/ferry-news.md\n")
        let text = try String(contentsOf: site.root.appendingPathComponent("content/posts/ferry-news.md"), encoding: .utf8)
        XCTAssertNotNil(text.range(of: #"\ndate: [-0-9T:]+\+0[12]:00\n"#, options: .regularExpression), "dated in the zone hugo.toml names: \(text)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Content").path))
        XCTAssertEqual(try site.run(["build"]).status, 0)
        XCTAssertTrue(site.exists("posts/ferry-news/index.html"))
    }

    func testNewWritesAJekyllPostIntoPostsNamedByItsDateAndAPageAtTheTop() throws {
        try site.write("_config.yml", "title: Herald\ntimezone: UTC\n")
        try site.write("_posts/2023-01-05-snow-day.md", "---\ntitle: Snow day\n---\nCold.\n")
        let post = try site.run(["new", "Road salt runs out"])
        XCTAssertEqual(post.status, 0, post.stderr)
        let day = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
        XCTAssertEqual(post.stdout, "_posts/\(day)-road-salt-runs-out.md\n")
        let page = try site.run(["new", "About", "--page"])
        XCTAssertEqual(page.stdout, "about.md\n")
        XCTAssertEqual(try site.run(["build"]).status, 0)
        XCTAssertTrue(site.exists(day.replacingOccurrences(of: "-", with: "/") + "/road-salt-runs-out.html"), "at Jekyll's date URL")
        XCTAssertTrue(site.exists("about/index.html") || site.exists("about.html"))
    }
}
