import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Build
import XCTest

/// Builds a generated site of 25 articles through the library and checks what readers, feed
/// readers and search engines get.
final class NewsSiteTests: XCTestCase {
    private static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("news-site-\(UUID().uuidString)")
    private static var output: URL { folder.appendingPathComponent("Output") }

    override class func setUp() {
        super.setUp()
        let tags = ["Kinh tế", "Giao thông", "Môi trường", "C++", "Bến Lụa"]
        var files: [String: String] = ["site.yml": "title: Tin Thử\nbaseURL: https://example.org/news/\npagination:\n  pageSize: 4\n"]
        for number in 1...25 {
            let day = 1 + number % 28
            let articleTags = [tags[number % 5], tags[(number * 3) % 5]].map { "\"\($0)\"" }.joined(separator: ", ")
            let section = number % 2 == 0 ? "thoi-su" : "kinh-te"
            files["Content/\(section)/bai-\(number).md"] = """
            ---
            title: "Bài số \(number) & <tin>"
            date: 2021-\(number % 3 == 0 ? 10 : 11)-\(day < 10 ? "0\(day)" : "\(day)")T0\(number % 10):30:00+07:00
            tags: [\(articleTags)]
            author: Tác Giả \(number % 4)
            \(number == 7 ? "aliases: [/cu/bai-7.html]" : "")
            ---
            Đoạn mở đầu của bài \(number).

            ## Phần một

            Nội dung.

            ## Phần hai

            ### Chi tiết

            Hết.
            """
        }
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(text.utf8).write(to: url)
        }
        let summary = try! Build(BuildOptions(site: folder)).run()
        precondition(summary.articles == 25, "fixture must build: \(summary.diagnostics)")
    }

    override class func tearDown() {
        try? FileManager.default.removeItem(at: folder)
        super.tearDown()
    }

    private func read(_ path: String) throws -> String {
        try String(contentsOf: Self.output.appendingPathComponent(path), encoding: .utf8)
    }

    private func htmlFiles() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: Self.output.path)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".html") { files.append(path) }
        }
        return files.sorted()
    }

    func testEveryFeedParses() throws {
        let feeds = ["", "tag/kinh-te/", "section/thoi-su/"]
        for path in feeds {
            for name in ["feed.xml", "atom.xml"] {
                let parser = XMLParser(data: try Data(contentsOf: Self.output.appendingPathComponent(path + name)))
                XCTAssertTrue(parser.parse(), "\(path)\(name): \(String(describing: parser.parserError))")
            }
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.output.appendingPathComponent(path + "feed.json")))
            let feed = try XCTUnwrap(json as? [String: Any])
            XCTAssertEqual(feed["version"] as? String, "https://jsonfeed.org/version/1.1")
            let items = try XCTUnwrap(feed["items"] as? [[String: Any]])
            XCTAssertFalse(items.isEmpty)
            for item in items {
                XCTAssertTrue((item["url"] as? String)?.hasPrefix("https://example.org/news/") ?? false)
                XCTAssertNotNil((item["date_published"] as? String).flatMap { ISO8601DateFormatter().date(from: $0) })
            }
        }
    }

    func testRSSUsesRFC822DatesAndPermalinkGUIDs() throws {
        let rss = try read("feed.xml")
        XCTAssertTrue(rss.range(of: #"<pubDate>(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d \+0700</pubDate>"#,
                                options: .regularExpression) != nil, rss)
        XCTAssertTrue(rss.contains("<guid isPermaLink=\"true\">https://example.org/news/2021/"))
        XCTAssertTrue(rss.contains("Bài số") && rss.contains("&amp; &lt;tin&gt;"))
        let atom = try read("atom.xml")
        XCTAssertTrue(atom.range(of: #"<published>2021-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00</published>"#, options: .regularExpression) != nil)
    }

    func testSitemapListsEveryPageAndOnlyPages() throws {
        let sitemap = try read("sitemap.xml")
        XCTAssertTrue(XMLParser(data: Data(sitemap.utf8)).parse())
        var listed = Set<String>()
        var rest = Substring(sitemap)
        while let start = rest.range(of: "<loc>"), let end = rest.range(of: "</loc>") {
            listed.insert(String(rest[start.upperBound..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        var pages = Set<String>()
        for file in htmlFiles() where file != "404.html" {
            let html = try read(file)
            if html.contains("http-equiv=\"refresh\"") { continue }
            pages.insert("https://example.org/news/" + (file.hasSuffix("index.html") ? String(file.dropLast(10)) : file))
        }
        XCTAssertEqual(listed, pages)
    }

    func testArticlePagesCarryParsableJSONLD() throws {
        let page = try read("2021/11/08/bai-7/index.html")
        var blocks: [[String: Any]] = []
        var rest = Substring(page)
        while let start = rest.range(of: "<script type=\"application/ld+json\">"), let end = rest[start.upperBound...].range(of: "</script>") {
            let json = try JSONSerialization.jsonObject(with: Data(rest[start.upperBound..<end.lowerBound].utf8))
            blocks.append(try XCTUnwrap(json as? [String: Any]))
            rest = rest[end.upperBound...]
        }
        let article = try XCTUnwrap(blocks.first { $0["@type"] as? String == "NewsArticle" })
        for field in ["headline", "datePublished", "dateModified", "author", "publisher"] {
            XCTAssertNotNil(article[field], "NewsArticle lacks \(field)")
        }
        XCTAssertEqual(article["headline"] as? String, "Bài số 7 & <tin>")
        let crumbs = try XCTUnwrap(blocks.first { $0["@type"] as? String == "BreadcrumbList" })
        XCTAssertEqual((crumbs["itemListElement"] as? [Any])?.count, 3)
        XCTAssertTrue(page.contains("<link rel=\"canonical\" href=\"https://example.org/news/2021/11/08/bai-7/\">"))
        XCTAssertTrue(page.contains("property=\"og:title\""))
        XCTAssertTrue(page.contains("name=\"twitter:card\""))
    }

    func testRelatedArticlesNeverIncludeTheArticleItself() throws {
        var pagesWithRelated = 0
        defer { XCTAssertEqual(pagesWithRelated, 25, "every article shares a tag with another, so every page has related articles") }
        for number in 1...25 {
            guard let file = htmlFiles().first(where: { $0.hasSuffix("/bai-\(number)/index.html") }) else {
                return XCTFail("no page for bai-\(number)")
            }
            let page = try read(file)
            guard let start = page.range(of: "class=\"related-list\"") else { continue }
            pagesWithRelated += 1
            let list = page[start.upperBound...]
            let related = list[..<(list.range(of: "</ol>")?.lowerBound ?? list.endIndex)]
            XCTAssertFalse(related.contains("/bai-\(number)/\""), "bai-\(number) lists itself as related")
        }
    }

    func testHomePaginationCoversEveryArticleExactlyOnce() throws {
        func links(_ pattern: String, in path: String) throws -> [String] {
            try read(path).matches(of: try Regex<(Substring, Substring)>(pattern)).map { String($0.output.1) }
        }
        // Pages 2 on list the articles after the first page's four, each once…
        var seen: [String] = []
        for page in 2...7 {
            let path = "page/\(page)/index.html"
            guard FileManager.default.fileExists(atPath: Self.output.appendingPathComponent(path).path) else { break }
            seen += try links(#"class="card-title"><a href="([^"]+)""#, in: path)
        }
        XCTAssertEqual(seen.count, 21)
        XCTAssertEqual(Set(seen).count, 21)
        // …and the front page (lead, latest column, section blocks) shows the first four among its stories.
        let front = try links(#"(?:-title"><a href="|</time>\s*<a href=")([^"]+)""#, in: "index.html")
        XCTAssertEqual(Set(seen + front).count, 25)
        XCTAssertTrue(try read("page/2/index.html").contains("rel=\"prev\" href=\"/news/\""))
    }

    func testHeadingsGetStableAnchorsAndATableOfContents() throws {
        let page = try read("2021/11/08/bai-7/index.html")
        XCTAssertTrue(page.contains("<h2 id=\"phan-mot\">Phần một</h2>"))
        XCTAssertTrue(page.contains("<h3 id=\"chi-tiet\">Chi tiết</h3>"))
        XCTAssertTrue(page.contains("href=\"#phan-hai\""))
    }

    func testAliasesRedirectToTheArticleOnTheSameHost() throws {
        let redirect = try read("cu/bai-7.html")
        // Root-relative: a preview or a mirror published before its base URL was set stays on its own host.
        XCTAssertTrue(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=/news/2021/11/08/bai-7/\">"))
        XCTAssertTrue(redirect.contains("<link rel=\"canonical\" href=\"https://example.org/news/2021/11/08/bai-7/\">"))
    }

    func testNewsSitemapHoldsTheLastTwoDays() throws {
        let news = try read("news-sitemap.xml")
        XCTAssertTrue(XMLParser(data: Data(news.utf8)).parse())
        // The newest article is 26 November 05:30; 23 November is more than two days before it.
        XCTAssertTrue(news.contains("/2021/11/26/"))
        XCTAssertFalse(news.contains("/2021/11/23/"))
        XCTAssertTrue(news.contains("<news:name>Tin Thử</news:name>"))
    }

    func testSearchIndexHasEveryArticle() throws {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.output.appendingPathComponent("search-index.json")))
        let entries = try XCTUnwrap(json as? [[String: Any]])
        XCTAssertEqual(entries.count, 25)
        XCTAssertEqual(Set(entries.compactMap { $0["url"] as? String }).count, 25)
        XCTAssertNotNil(entries.first?["tags"] as? [String])
    }

    func testArchiveListsYearsAndMonthsWithCounts() throws {
        let archive = try read("archive/index.html")
        XCTAssertTrue(archive.contains("href=\"/news/2021/11/\""))
        XCTAssertTrue(archive.contains("href=\"/news/2021/10/\""))
    }
}
