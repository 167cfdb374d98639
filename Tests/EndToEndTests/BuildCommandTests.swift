import Foundation
import TestSupport
import XCTest

final class BuildCommandTests: XCTestCase {
    private var site: FixtureSite!

    override func setUpWithError() throws {
        site = try FixtureSite(copying: "valid")
    }

    override func tearDown() {
        site.remove()
    }

    func testBuildWritesEveryPageKind() throws {
        let result = try site.run(["build"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("3 articles"), result.stdout)
        for page in [
            "2021/11/30/chuyen-doi-so/index.html", "2021/11/29/gia-xang/index.html", "2021/10/02/hello/index.html",
            "index.html", "page/2/index.html", "tags/index.html", "tag/chuyen-doi-so/index.html", "tag/c-plus-plus/index.html",
            "section/thoi-su/index.html", "section/kinh-te/index.html", "author/bach-duong/index.html",
            "2021/index.html", "2021/11/index.html", "2021/11/30/index.html", "2021/10/02/index.html",
            "kinh-te/bieu-do.png", "assets/style.css",
        ] {
            XCTAssertTrue(site.exists(page), "missing \(page)")
        }
        XCTAssertFalse(site.exists("2021/11/01/nhap/index.html"), "drafts are left out")
        let article = try site.read("2021/11/30/chuyen-doi-so/index.html")
        XCTAssertTrue(article.contains("Chuyển đổi số phải đặt lợi ích quốc gia lên trên hết"))
        XCTAssertTrue(article.contains("href=\"/2021/11/29/gia-xang/\""), "links to source files become article URLs")
        XCTAssertTrue(try site.read("2021/11/29/gia-xang/index.html").contains("src=\"/kinh-te/bieu-do.png\""))
    }

    func testTagPageListsEverySpellingOfTheTag() throws {
        _ = try site.run(["build"])
        let tagPage = try site.read("tag/chuyen-doi-so/index.html")
        XCTAssertTrue(tagPage.contains("/2021/11/30/chuyen-doi-so/"))
        XCTAssertTrue(tagPage.contains("/2021/11/29/gia-xang/"))
    }

    func testEveryLinkToTheTagsIndexFollowsWhereTaxonomiesPutIt() throws {
        let config = try String(contentsOf: site.root.appendingPathComponent("site.yml"), encoding: .utf8)
        try site.write("site.yml", config + "taxonomies:\n  tag: chu-de\n")
        XCTAssertEqual(try site.run(["build"]).status, 0)
        XCTAssertTrue(site.exists("chu-de/index.html") && !site.exists("tags/index.html"))
        let home = try site.read("index.html")
        XCTAssertTrue(home.contains("href=\"/chu-de/\""), "the header and footer link the tags index")
        XCTAssertFalse(home.contains("href=\"/tags/\""))
    }

    func testDraftsFlagBuildsDrafts() throws {
        XCTAssertEqual(try site.run(["build", "--drafts"]).status, 0)
        XCTAssertTrue(site.exists("2021/11/01/nhap/index.html"))
    }

    func testEveryInternalLinkPointsToAFile() throws {
        for baseURL in ["https://example.org/", "https://example.org/mirror/"] {
            let result = try site.run(["build", "--base-url", baseURL])
            XCTAssertEqual(result.status, 0, result.stderr)
            let root = URL(string: baseURL)!.path.hasSuffix("/") ? URL(string: baseURL)!.path : URL(string: baseURL)!.path + "/"
            var checked = 0
            for file in site.outputFiles() where file.hasSuffix(".html") {
                for link in Self.internalLinks(in: try site.read(file)) {
                    XCTAssertTrue(link.hasPrefix(root), "\(file): \(link) is not under \(root)")
                    var target = String(link.dropFirst(root.count))
                    if let cut = target.firstIndex(where: { $0 == "#" || $0 == "?" }) { target = String(target[..<cut]) }
                    target = target.removingPercentEncoding ?? target
                    if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
                    XCTAssertTrue(site.exists(target), "\(file) links to \(link), which is not in Output/")
                    checked += 1
                }
            }
            XCTAssertGreaterThan(checked, 50)
        }
    }

    func testTwoBuildsAreByteIdentical() throws {
        _ = try site.run(["build", "--no-cache"])
        let first = try site.outputFiles().map { ($0, try Data(contentsOf: site.output.appendingPathComponent($0))) }
        _ = try site.run(["build", "--no-cache"])
        let second = try site.outputFiles().map { ($0, try Data(contentsOf: site.output.appendingPathComponent($0))) }
        XCTAssertEqual(first.map(\.0), second.map(\.0))
        for ((path, a), (_, b)) in zip(first, second) { XCTAssertEqual(a, b, "\(path) differs between builds") }
    }

    func testOneCoreAndEveryCoreBuildTheSameBytes() throws {
        XCTAssertEqual(try site.run(["build", "--no-cache"]).status, 0)
        let everyCore = try site.outputFiles().map { ($0, try Data(contentsOf: site.output.appendingPathComponent($0))) }
        guard let pinned = try site.runOnOneCore(["build", "--no-cache"]) else { throw XCTSkip("no taskset to pin a build to one core") }
        XCTAssertEqual(pinned.status, 0, pinned.stderr)
        let oneCore = try site.outputFiles().map { ($0, try Data(contentsOf: site.output.appendingPathComponent($0))) }
        XCTAssertEqual(everyCore.map(\.0), oneCore.map(\.0))
        for ((path, a), (_, b)) in zip(everyCore, oneCore) { XCTAssertEqual(a, b, "\(path) differs between one core and every core") }
    }

    func testBrokenArticleIsReportedWithItsPositionAndTheRestBuilds() throws {
        try site.write("Content/thoi-su/hong.md", "---\ntitle: Hỏng\ndate: 2021-11-30\ntags: [a, b\n---\nThân.\n")
        let result = try site.run(["build"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("Content/thoi-su/hong.md:5:1: error:"), result.stderr)
        XCTAssertTrue(site.exists("2021/11/30/chuyen-doi-so/index.html"))
    }

    func testBadConfigBuildsNothingAndExitsTwo() throws {
        _ = try site.run(["build"])
        try site.write("site.yml", "title: x\ntimeZone: Mars/Olympus\n")
        let result = try site.run(["build"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("site.yml:2:11: error: unknown time zone"), result.stderr)
        XCTAssertTrue(site.exists("index.html"), "the previous output is left as it was")
    }

    func testOutputIsReplacedAsAWhole() throws {
        XCTAssertEqual(try site.run(["build"]).status, 0)
        try site.write("Output/stale.html", "old")
        XCTAssertEqual(try site.run(["build", "--no-cache"]).status, 0)
        XCTAssertFalse(site.exists("stale.html"))
        // The site swapped out is the next full build's staging folder; the one after must not publish its stale file.
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".Output.staging/stale.html").path))
        XCTAssertEqual(try site.run(["build", "--no-cache"]).status, 0)
        XCTAssertFalse(site.exists("stale.html"))
        XCTAssertTrue(site.exists("index.html"))
    }

    func testStrictTurnsWarningsIntoAFailingStatus() throws {
        try site.write("Content/world/dead-link.md", "---\ntitle: Dead\ndate: 2021-09-01\n---\nSee [x](nowhere.md).\n")
        XCTAssertEqual(try site.run(["build"]).status, 0)
        let strict = try site.run(["build", "--strict"])
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(strict.stderr.contains("Content/world/dead-link.md:5:5: warning: link to 'nowhere.md' leads nowhere"), strict.stderr)
    }

    func testACustomThemeIsUsed() throws {
        try site.write("Templates/article.mustache", "<h1>{{article.title}}</h1>{{{article.body}}}")
        try site.write("Templates/list.mustache", "{{#articles}}<a href=\"{{url}}\">{{title}}</a>{{/articles}}")
        try site.write("Templates/tags.mustache", "{{#tags}}{{name}}={{count}};{{/tags}}")
        XCTAssertEqual(try site.run(["build"]).status, 0)
        XCTAssertTrue(try site.read("2021/10/02/hello/index.html").hasPrefix("<h1>Hello &amp; welcome</h1><p>An English article.</p>"))
        XCTAssertEqual(try site.read("tags/index.html"), "C++=1;Chính phủ=1;Chuyển đổi số=2;Năng lượng=1;")
    }

    func testPermalinkPatternFromConfig() throws {
        try site.write("site.yml", "title: x\nbaseURL: https://example.org/\npermalinks:\n  article: /:section/:slug.html\n")
        XCTAssertEqual(try site.run(["build"]).status, 0)
        XCTAssertTrue(site.exists("thoi-su/chuyen-doi-so.html"))
        XCTAssertTrue(site.exists("kinh-te/gia-xang.html"))
        XCTAssertTrue(try site.read("thoi-su/chuyen-doi-so.html").contains("href=\"/kinh-te/gia-xang.html\""))
    }

    func testFutureArticlesWaitForTheirDate() throws {
        try site.write("Content/world/later.md", "---\ntitle: Later\ndate: 2030-01-01\n---\nNot yet.\n")
        let now = "1640995200"  // 2022-01-01T00:00:00Z
        XCTAssertEqual(try site.run(["build", "--no-cache"], environment: ["SOURCE_DATE_EPOCH": now]).status, 0)
        XCTAssertFalse(site.exists("2030/01/01/later/index.html"))
        XCTAssertEqual(try site.run(["build", "--no-cache", "--future"], environment: ["SOURCE_DATE_EPOCH": now]).status, 0)
        XCTAssertTrue(site.exists("2030/01/01/later/index.html"))
    }

    func testAnExpiredArticleIsTakenDownOnceNowIsPastItsExpiry() throws {
        try site.write("Content/world/offer.md", "---\ntitle: Offer\ndate: 2021-06-01\nexpiryDate: 2021-12-01\n---\nUntil December.\n")
        XCTAssertEqual(try site.run(["build"], environment: ["SOURCE_DATE_EPOCH": "1637000000"]).status, 0)  // 2021-11-15
        XCTAssertTrue(site.exists("2021/06/01/offer/index.html"))
        // The same cache: only "now" moved past the expiry.
        let expired = try site.run(["build"], environment: ["SOURCE_DATE_EPOCH": "1640995200"])  // 2022-01-01
        XCTAssertEqual(expired.status, 0, expired.stderr)
        XCTAssertFalse(site.exists("2021/06/01/offer/index.html"))
        XCTAssertFalse(try site.read("index.html").contains("/2021/06/01/offer/"))
    }

    func testAFolderOfTheUsersIsNotReplacedWithoutForce() throws {
        try site.write("Mine/thesis.tex", "years of work")
        let refused = try site.run(["build", "--output", "Mine"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("Mine: error: the output folder holds files Broadsheet did not write"), refused.stderr)
        XCTAssertEqual(try String(contentsOf: site.root.appendingPathComponent("Mine/thesis.tex"), encoding: .utf8), "years of work")
        XCTAssertEqual(try site.run(["build", "--output", "Mine", "--force"]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Mine/.broadsheet-output").path))
        XCTAssertEqual(try site.run(["build", "--output", "Mine"]).status, 0, "a folder it wrote is its own")
    }

    func testAnOutputWrittenBeforeTheMarkerIsKnownByItsManifest() throws {
        XCTAssertEqual(try site.run(["build"]).status, 0)
        try FileManager.default.removeItem(at: site.output.appendingPathComponent(".broadsheet-output"))
        try site.write("Content/world/new.md", "---\ntitle: New\ndate: 2021-10-03\n---\nx\n")
        XCTAssertEqual(try site.run(["build"]).status, 0)
        XCTAssertTrue(site.exists(".broadsheet-output"))
    }

    func testVersionIsPrinted() throws {
        let result = try site.run(["--version"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "0.9.0")
    }

    func testAFileNamedAsTheOutputIsNotReplaced() throws {
        try site.write("notes.txt", "precious")
        let refused = try site.run(["build", "--output", "notes.txt"])
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertEqual(try String(contentsOf: site.root.appendingPathComponent("notes.txt"), encoding: .utf8), "precious")
    }

    func testAnOutputReachedThroughALinkIntoContentIsRefusedTheFirstTime() throws {
        let link = FileManager.default.temporaryDirectory.appendingPathComponent("link-\(UUID().uuidString)")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: site.root)
        defer { try? FileManager.default.removeItem(at: link) }
        let refused = try site.run(["build", "--output", link.appendingPathComponent("Content/out").path])
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Content/out").path))
    }

    func testAnEmptyOutputFolderIsUsed() throws {
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("Empty"), withIntermediateDirectories: true)
        XCTAssertEqual(try site.run(["build", "--output", "Empty"]).status, 0)
    }

    func testAnOutputFolderHoldingTheSiteIsRefused() throws {
        for output in [".", "..", "Content", "Content/out", "Templates/out"] {
            let result = try site.run(["build", "--output", output])
            XCTAssertEqual(result.status, 2, output)
            XCTAssertTrue(result.stderr.contains("would replace the site's own files"), result.stderr)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Content/world/hello.md").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("site.yml").path))
    }

    func testURLsTakenByTheSiteAreReportedAndTheBuildGoesOn() throws {
        try site.write("Content/world/tags.md", "---\ntitle: Tags\ndate: 2021-09-01\nurl: /tags/\n---\nx\n")
        try site.write("Content/world/feed.md", "---\ntitle: Feed\ndate: 2021-09-02\nurl: /feed.xml\naliases: [/]\n---\nx\n")
        try site.write("Content/robots.txt", "User-agent: *\nDisallow: /private/\n")
        try site.write("Content/sitemap.xml", "<mine/>")
        let result = try site.run(["build"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("Content/world/tags.md:1:1: error: URL /tags/index.html is already taken"), result.stderr)
        XCTAssertTrue(result.stderr.contains("Content/world/feed.md"), result.stderr)
        XCTAssertTrue(result.stderr.contains("Content/sitemap.xml: warning:"), result.stderr)
        XCTAssertTrue(try site.read("tags/index.html").contains("Chuyển đổi số"), "the tags index keeps its URL")
        XCTAssertTrue(try site.read("robots.txt").contains("Disallow: /private/"), "the site's own robots.txt wins")
        XCTAssertTrue(try site.read("sitemap.xml").contains("<urlset"))
        XCTAssertFalse(try site.read("index.html").contains("http-equiv=\"refresh\""), "an alias cannot replace the home page")
    }

    /// Root-relative `href` and `src` values of a page.
    static func internalLinks(in html: String) -> [String] {
        var links: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = Substring(html)
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                let value = String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&")
                if value.hasPrefix("/") && !value.hasPrefix("//") { links.append(value) }
                rest = rest[end...]
            }
        }
        return links
    }
}
