import Foundation
import TestSupport
import XCTest

/// The repository's own demo site (`Content/`, `Templates/`, `site.yml`), built with the real
/// binary into a temporary folder: what `make site` shows a new user.
final class DemoSiteTests: XCTestCase {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    private static let output = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString)")
    private static let build = Result { try Broadsheet.run(["build", "--no-cache", "--site", repository.path, "--output", output.path], in: repository) }

    override class func tearDown() {
        try? FileManager.default.removeItem(at: output)
        super.tearDown()
    }

    private func outputFiles() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: Self.output.path)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: Self.output.path + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(path)
            }
        }
        return files
    }

    private func read(_ path: String) throws -> String {
        try String(contentsOf: Self.output.appendingPathComponent(path), encoding: .utf8)
    }

    func testDemoSiteBuildsCleanly() throws {
        let result = try Self.build.get()
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stderr.contains("error:"), result.stderr)
    }

    func testTheDefaultThemeIsCleanUnderStrict() throws {
        // `--strict` reports every name a page's context lacks: the default theme must lack none,
        // so that a theme author's own mistakes stand out.
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("demo-strict-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try Broadsheet.run(["build", "--no-cache", "--strict", "--site", Self.repository.path, "--output", output.path],
                                        in: Self.repository)
        XCTAssertFalse(result.stderr.contains("Templates/"), result.stderr)
    }

    /// A crawled article's description is its first paragraph: the page shows it once, in the body.
    func testAScrapedArticleShowsItsLeadParagraphOnce() throws {
        _ = try Self.build.get()
        let page = try read("2021/06/22/mo-rong-duong-ven-song/index.html")
        let start = try XCTUnwrap(page.range(of: "<article class=\"article\">"))
        let end = try XCTUnwrap(page.range(of: "</article>", range: start.upperBound..<page.endIndex))
        let shown = page[start.upperBound..<end.lowerBound]
        XCTAssertEqual(shown.components(separatedBy: "Sau ba tháng vận động, 300 trên 312 hộ dân").count - 1, 1)
        XCTAssertFalse(shown.contains("class=\"article-summary\""), "no lede repeating the body's first paragraph")
        XCTAssertTrue(try read("2021/01/24/cho-noi-binh-an/index.html").contains("class=\"article-summary\""),
                      "a summary of its own is shown")
    }

    /// The demo shows the front page's choice: its featured story leads, though newer ones have images.
    func testTheFeaturedStoryLeadsTheFrontPage() throws {
        _ = try Self.build.get()
        let home = try read("index.html")
        let lead = try XCTUnwrap(home.range(of: "<article class=\"lead-story"))
        XCTAssertTrue(home[lead.upperBound...].prefix(1500).contains("Một buổi sáng ở chợ nổi Bình An"))
        // Its picture is wide enough for resized copies, which the front page offers the browser.
        XCTAssertTrue(home.contains("srcset=\"/doi-song/cho-noi-binh-an/cover-480w.png 480w, /doi-song/cho-noi-binh-an/cover-800w.png 800w, "
                                    + "/doi-song/cho-noi-binh-an/cover-1200w.png 1200w, /doi-song/cho-noi-binh-an/cover.png 1600w\""), "srcset")
        for width in [480, 800, 1200] { XCTAssertTrue(FileManager.default.fileExists(atPath: Self.output.path + "/doi-song/cho-noi-binh-an/cover-\(width)w.png")) }
    }

    func testEveryNonDraftArticleHasAPage() throws {
        _ = try Self.build.get()
        let content = Self.repository.appendingPathComponent("Content")
        var expected = 0
        let enumerator = FileManager.default.enumerator(atPath: content.path)
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".html") { expected += 1 }
            if path.hasSuffix(".md") {
                let text = try String(contentsOf: content.appendingPathComponent(path), encoding: .utf8)
                let frontMatter = text.prefix(600)
                if !(frontMatter.contains("draft: true") || frontMatter.contains("draft = true") || frontMatter.contains("\"draft\": true")) {
                    expected += 1
                }
            }
        }
        let index = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.output.appendingPathComponent("search-index.json")))
        let articles = try XCTUnwrap(index as? [[String: Any]])
        XCTAssertEqual(articles.count, expected)
        for article in articles {
            let url = try XCTUnwrap(article["url"] as? String)
            XCTAssertTrue(FileManager.default.fileExists(atPath: Self.output.path + url + "index.html"), "no page at \(url)")
        }
        XCTAssertGreaterThanOrEqual(expected, 46, "the demo has at least 40 articles and 6 scraped pages")
    }

    func testEveryTagAndDateHasItsPage() throws {
        _ = try Self.build.get()
        let index = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.output.appendingPathComponent("search-index.json")))
        let tagsPage = try read("tags/index.html")
        for article in try XCTUnwrap(index as? [[String: Any]]) {
            let date = try XCTUnwrap(article["date"] as? String)
            let (year, month, day) = (date.prefix(4), date.dropFirst(5).prefix(2), date.dropFirst(8).prefix(2))
            for page in ["\(year)/index.html", "\(year)/\(month)/index.html", "\(year)/\(month)/\(day)/index.html"] {
                XCTAssertTrue(FileManager.default.fileExists(atPath: Self.output.appendingPathComponent(page).path), "missing \(page)")
            }
        }
        var rest = Substring(tagsPage)
        var tags = 0
        while let range = rest.range(of: #"href="/tag/[^"]+/""#, options: .regularExpression) {
            let path = rest[range].dropFirst("href=\"/".count).dropLast()
            XCTAssertTrue(FileManager.default.fileExists(atPath: Self.output.path + "/" + path + "index.html"), "missing \(path)")
            tags += 1
            rest = rest[range.upperBound...]
        }
        XCTAssertGreaterThan(tags, 10)
    }

    func testEveryDayPageIsReachableByLinksFromTheHomePage() throws {
        _ = try Self.build.get()
        var seen: Set<String> = ["index.html"]
        var queue = ["index.html"]
        while let file = queue.popLast() {
            for link in BuildCommandTests.internalLinks(in: try read(file)) {
                var target = String(link.dropFirst())
                if let cut = target.firstIndex(where: { $0 == "#" || $0 == "?" }) { target = String(target[..<cut]) }
                target = target.removingPercentEncoding ?? target
                if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
                guard target.hasSuffix(".html"), seen.insert(target).inserted,
                      FileManager.default.fileExists(atPath: Self.output.appendingPathComponent(target).path) else { continue }
                queue.append(target)
            }
        }
        let days = outputFiles().filter { $0.wholeMatch(of: /\d{4}\/\d{2}\/\d{2}\/index\.html/) != nil }
        XCTAssertGreaterThan(days.count, 10)
        for day in days { XCTAssertTrue(seen.contains(day), "\(day) is not reachable from the home page") }
    }

    func testEveryInternalLinkPointsToAFile() throws {
        _ = try Self.build.get()
        var checked = 0
        for file in outputFiles() where file.hasSuffix(".html") {
            for link in BuildCommandTests.internalLinks(in: try read(file)) {
                var target = String(link.dropFirst())
                if let cut = target.firstIndex(where: { $0 == "#" || $0 == "?" }) { target = String(target[..<cut]) }
                target = target.removingPercentEncoding ?? target
                if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
                XCTAssertTrue(FileManager.default.fileExists(atPath: Self.output.appendingPathComponent(target).path),
                              "\(file) links to \(link), which is not in the output")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 1000)
    }

    func testEveryHTMLFileNamesItsLanguage() throws {
        // Redirect pages too (`aliases`): a page without `lang` is axe's serious `html-has-lang`,
        // and the Nu checker warns of it; the demo has four aliases.
        _ = try Self.build.get()
        var redirects = 0
        for file in outputFiles() where file.hasSuffix(".html") {
            let html = try read(file)
            XCTAssertNotNil(html.range(of: #"<html lang="(vi|en)">"#, options: .regularExpression), "\(file) names no language")
            if html.contains("http-equiv=\"refresh\"") { redirects += 1 }
        }
        XCTAssertGreaterThanOrEqual(redirects, 4)
    }

    func testEveryImageTheDemoShowsIsInTheSite() throws {
        // The demo's hosts are fictional (`phoco.example`): an image left on one is a broken image on
        // every list that shows its article (`make browser-check` found the scraped page's lead).
        _ = try Self.build.get()
        let source = try NSRegularExpression(pattern: #"<img\b[^>]*\ssrc="([^"]*)""#)
        var checked = 0
        for file in outputFiles() where file.hasSuffix(".html") {
            let html = try read(file)
            for match in source.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let src = String(html[Range(match.range(at: 1), in: html)!])
                checked += 1
                guard src.hasPrefix("/"), !src.hasPrefix("//") else {
                    XCTFail("\(file) shows an image from another site: \(src)")
                    continue
                }
                let path = src.removingPercentEncoding ?? src
                XCTAssertTrue(FileManager.default.fileExists(atPath: Self.output.path + path), "\(file) shows \(src), which is not in the output")
            }
        }
        XCTAssertGreaterThan(checked, 50)
    }
}
