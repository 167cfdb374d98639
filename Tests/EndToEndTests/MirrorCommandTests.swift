import Foundation
import TestSupport
import XCTest

/// `broadsheet mirror` on the fixture crawls of `Tests/Fixtures/crawls` (see `make-fixtures.py`
/// there): a Vietnamese site as wget saves it and an English one as HTTrack saves it. Every
/// article must be at its original address, every duplicate a redirect to it, every internal link
/// and image of the output must resolve, and the JSON report must count what the crawl holds.
final class MirrorCommandTests: XCTestCase {
    static let wget = Repository.fixture("crawls/tinmoi.example").path
    static let httrack = Repository.fixture("crawls/dailynews.example").path

    /// The article files of the wget crawl: `.htm` files whose name ends with a 14-digit stamp.
    static func wgetArticles() throws -> [String] {
        let files = FileManager.default.enumerator(atPath: wget)?.allObjects.compactMap { $0 as? String } ?? []
        return files.filter { !$0.hasPrefix("amp/") && $0.range(of: #"-\d{14}\.htm$"#, options: .regularExpression) != nil }.sorted()
    }

    func testAWgetCrawlMirrorsEveryArticleAtItsOriginalAddress() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let result = try site.run(["mirror", Self.wget, "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr + result.stdout)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let mirror = try XCTUnwrap(report["mirror"] as? [String: Any])
        let schema = try Data(contentsOf: Repository.root.appendingPathComponent("docs/report.schema.json"))
        XCTAssertEqual(SchemaCheck.problems(report, against: try XCTUnwrap(JSONSerialization.jsonObject(with: schema) as? [String: Any])), [])

        let articles = try Self.wgetArticles()
        XCTAssertEqual(articles.count, 8)
        for article in articles {
            let page = try site.read(article)
            XCTAssertTrue(page.contains("class=\"article-body\""), "\(article) is an article page")
            XCTAssertTrue(page.contains("<link rel=\"canonical\" href=\"http://localhost:8080/\(article)\">"), "the canonical link is the mirror's own")
        }
        XCTAssertEqual(mirror["articles"] as? Int, articles.count)
        // 8 articles, the AMP and print copies, the home page, 4 section listings, a second listing
        // page, a tag listing, a search page, a login page; the tracking variant is the same address.
        XCTAssertEqual(mirror["pagesRead"] as? Int, 19)
        XCTAssertEqual(mirror["skipped"] as? [String: Int], ["listing": 4, "too-short": 1])
        XCTAssertEqual(mirror["aliases"] as? [String: Int], ["canonical": 1, "same-text": 1, "section": 4])
        XCTAssertEqual(mirror["imagesShared"] as? Int, 1, "anh-chung-ban-sao.png has the bytes of anh-chung.png")
        XCTAssertEqual(mirror["imagesMissing"] as? Int, 1)
        XCTAssertEqual(mirror["otherFiles"] as? Int, 2, "the site's style sheet and script are not copied")
        XCTAssertFalse(site.exists("css/site.css"))

        let first = "thoi-su/chuyen-doi-so-dat-loi-ich-quoc-gia-len-tren-het-20211130225800.htm"
        for (copy, kind) in [("amp/" + first, "AMP"), (first + "@print=1.html", "print")] {
            XCTAssertTrue(try site.read(copy).contains("content=\"0; url=/\(first)\""), "the \(kind) copy redirects to the article")
        }
        XCTAssertTrue(try site.read("thoi-su.htm").contains("url=/section/thoi-su/"), "a section's listing redirects to the mirror's section")
        XCTAssertTrue(site.exists("section/thoi-su/index.html"))
        XCTAssertTrue(try site.read("_redirects").contains("/\(first) print=1 /\(first) 301"))

        let page = try site.read(first)
        XCTAssertTrue(page.contains("<a class=\"kicker\" href=\"/section/thoi-su/\">Thời sự</a>"), "the section")
        XCTAssertTrue(page.contains(">Hải Yến</a>"), "the byline")
        XCTAssertTrue(page.contains("datetime=\"2021-11-30T22:58:00+07:00\""), "the printed date, at +07:00")
        XCTAssertTrue(page.contains("<figcaption>"), "captions stay captions")
        XCTAssertTrue(try site.read("van-hoa/le-hoi-den-long-hoi-an-20211127200000.htm").contains("<figcaption><p>Người dân và du khách thả hoa đăng trên sông Hoài (Ảnh: Tin Mới)</p></figcaption>"),
                      "a caption written as a div beside its picture becomes one")
        XCTAssertEqual(page.components(separatedBy: "src=\"/images/2021/11/chuyen-doi-so-dat-loi-ich-quoc-gia-len-tren-het.png\"").count - 1, 1,
                       "the lead image, also the body's first figure, is shown once")
        let body = try XCTUnwrap(page.range(of: "<article").map { String(page[$0.lowerBound...]) })
        XCTAssertEqual(body.components(separatedBy: "Chiều ngày 30/11, Ủy ban Quốc gia").count - 1, 1, "the lead is shown once")
        XCTAssertTrue(page.contains("href=\"/thoi-su/ha-noi-mo-them-tuyen-xe-buyt-dien-20211130081500.htm\""), "a relative link, rewritten")
        XCTAssertTrue(page.contains("href=\"/kinh-te/gia-lua-tang-manh-cuoi-nam-20211129173000.htm\""), "an absolute link with tracking, rewritten")
        XCTAssertTrue(page.contains("href=\"https://tinmoi.example/thoi-su/bai-khong-co-trong-ban-luu-20201010101010.htm#doan-2\""),
                      "a page the crawl lacks stays on the origin")
        XCTAssertTrue(page.contains("srcset=\"/images/2021/11/chuyen-doi-so-dat-loi-ich-quoc-gia-len-tren-het.png 1x, "
                                    + "/images/2021/11/chuyen-doi-so-dat-loi-ich-quoc-gia-len-tren-het@2x.png 2x\""))
        XCTAssertTrue(try site.read("kinh-te/ngan-hang-giam-lai-suat-cho-vay-20211128091000.htm")
            .contains("src=\"https://tinmoi.example/images/2021/11/khong-co-trong-ban-luu.png\""), "a missing image keeps its origin address")
        let diagnostics = try XCTUnwrap(report["diagnostics"] as? [[String: Any]])
        XCTAssertTrue(diagnostics.contains {
            ($0["file"] as? String)?.hasSuffix("tinmoi.example/kinh-te/ngan-hang-giam-lai-suat-cho-vay-20211128091000.htm") == true
                && $0["code"] as? String == "mirror.image-missing"
        }, "the missing image is reported at the page that shows it")
        try assertEveryInternalAddressResolves(in: site)
    }

    func testAnHTTrackCrawlKeepsFolderAndQueryAddresses() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let result = try site.run(["mirror", Self.httrack])
        XCTAssertEqual(result.status, 0, result.stderr + result.stdout)
        XCTAssertTrue(result.stdout.contains("mirror: 6 articles from 10 pages"), result.stdout)
        let story = try site.read("news/2023/05/city-council-approves-new-park/index.html")
        XCTAssertTrue(story.contains("<html lang=\"en"), "the language comes from the crawl")
        XCTAssertTrue(story.contains("The Daily News"), "so does the site's name")
        XCTAssertTrue(story.contains("href=\"/article.php@id=3.html\""), "a link to a page with a query points at its file")
        XCTAssertTrue(site.exists("article.php@id=3.html"))
        XCTAssertTrue(try site.read("_redirects").contains("/article.php id=3 /article.php@id=3.html 301"))
        XCTAssertTrue(try site.read("redirects.nginx.conf").contains("\"/article.php?id=3\" \"/article.php@id=3.html\";"))
        XCTAssertFalse(site.outputFiles().contains { $0.hasPrefix("hts-cache") }, "HTTrack's own files are not the site's")
        try assertEveryInternalAddressResolves(in: site)
    }

    func testCleanURLsUsePermalinksAndRedirectFromTheOriginals() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let result = try site.run(["mirror", Self.wget, "--urls", "clean"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let permalink = "2021/11/30/chuyen-doi-so-dat-loi-ich-quoc-gia-len-tren-het-20211130225800/index.html"
        XCTAssertTrue(try site.read(permalink).contains("class=\"article-body\""))
        XCTAssertTrue(try site.read("thoi-su/chuyen-doi-so-dat-loi-ich-quoc-gia-len-tren-het-20211130225800.htm")
            .contains("url=/2021/11/30/chuyen-doi-so-dat-loi-ich-quoc-gia-len-tren-het-20211130225800/"))
        XCTAssertTrue(try site.read("2021/11/30/ha-noi-mo-them-tuyen-xe-buyt-dien-20211130081500/index.html")
            .contains("href=\"/2021/11/30/chuyen-doi-so-dat-loi-ich-quoc-gia-len-tren-het-20211130225800/\""),
                      "links between articles follow them to their permalinks")
        try assertEveryInternalAddressResolves(in: site)
    }

    func testSiteYAMLMirrorsBesideMarkdownAndANewCrawlIsPickedUp() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("site.yml", "title: Tin Mới\nmirror:\n  paths: [crawls]\n  origin: https://tinmoi.example/\n")
        try site.write("Content/ban-tin.md", "---\ntitle: Bản tin riêng\ndate: 2021-12-01 08:00\n---\nBản tin viết tay.\n")
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("crawls"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.wget, toPath: site.root.appendingPathComponent("crawls/tinmoi.example").path)
        var result = try site.run(["build"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("broadsheet: 9 articles"), result.stdout)
        XCTAssertTrue(site.exists("2021/12/01/ban-tin/index.html"))
        XCTAssertTrue(site.exists("thoi-su/ha-noi-mo-them-tuyen-xe-buyt-dien-20211130081500.htm"))

        result = try site.run(["build"])
        XCTAssertTrue(result.stdout.contains("(0 rendered)"), "nothing changed: " + result.stdout)

        // The next day's crawl holds one new article.
        let new = site.root.appendingPathComponent("crawls/tinmoi.example/thoi-su/bai-moi-20211201093000.htm")
        let template = try String(contentsOfFile: Self.wget + "/thoi-su/ha-noi-mo-them-tuyen-xe-buyt-dien-20211130081500.htm", encoding: .utf8)
        try template.replacingOccurrences(of: "Hà Nội mở thêm ba tuyến xe buýt điện", with: "Bài mới của ngày hôm sau")
            .replacingOccurrences(of: "ha-noi-mo-them-tuyen-xe-buyt-dien-20211130081500", with: "bai-moi-20211201093000")
            .replacingOccurrences(of: "30/11/2021 08:15", with: "01/12/2021 09:30")
            .replacingOccurrences(of: "Các tuyến mới dùng xe điện", with: "Hôm sau, các tuyến mới dùng xe điện")
            .write(to: new, atomically: true, encoding: .utf8)
        result = try site.run(["build"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("broadsheet: 10 articles"), result.stdout)
        XCTAssertTrue(try site.read("thoi-su/bai-moi-20211201093000.htm").contains("Bài mới của ngày hôm sau"))
    }

    func testAMissingCrawlStopsTheMirror() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let result = try site.run(["mirror", "khong-co-thu-muc-nay"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("khong-co-thu-muc-nay: error: no crawl folder or WARC file here"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path))
    }

    /// Every `href`, `src`, `srcset` candidate and refresh target of the output that is an address on
    /// the site itself names a file of the output.
    private func assertEveryInternalAddressResolves(in site: FixtureSite, file: StaticString = #filePath, line: UInt = #line) throws {
        let pattern = try NSRegularExpression(pattern: #"(?:href|src)="(/[^"]*)"|srcset="([^"]*)"|url=(/[^"]*)""#)
        var checked = 0
        for output in site.outputFiles() where output.hasSuffix(".html") || output.hasSuffix(".htm") {
            let text = try site.read(output)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                var addresses: [String] = []
                for group in 1...3 {
                    guard let range = Range(match.range(at: group), in: text) else { continue }
                    let value = String(text[range])
                    addresses += group == 2 ? value.split(separator: ",").compactMap { $0.split(separator: " ").first.map(String.init) } : [value]
                }
                for address in addresses where address.hasPrefix("/") && !address.hasPrefix("//") {
                    var path = String(address.dropFirst().prefix { $0 != "#" && $0 != "?" })
                    path = path.removingPercentEncoding ?? path
                    if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
                    checked += 1
                    XCTAssertTrue(site.exists(path), "\(output) links to \(address), which the output lacks", file: file, line: line)
                }
            }
        }
        XCTAssertGreaterThan(checked, 100, file: file, line: line)
    }
}
