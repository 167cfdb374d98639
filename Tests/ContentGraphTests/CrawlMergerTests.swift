import ContentGraph
import Ingest
import XCTest

/// How the pages of a crawl become a mirror's documents: duplicates joined under one article,
/// links and images pointed at the mirror, listings of a section made its aliases.
final class CrawlMergerTests: XCTestCase {
    private func page(_ address: String, verdict: PageVerdict = .article, canonical: String? = nil, text: UInt64 = 0,
                      body: String = "<p>x</p>", section: String? = nil, status: Int = 200, redirect: String? = nil,
                      title: String = "Tin") -> CrawledPage {
        var entry = CrawlEntry(url: CrawlURL(address)!, capturedAt: 0, location: .file("/crawl" + CrawlURL(address)!.path),
                               shown: "crawl" + CrawlURL(address)!.path, size: 1)
        entry.status = status
        entry.redirect = redirect
        var document = SourceDocument(path: entry.shown, kind: .scrapedHTML)
        document.bodyHTML = body
        document.section = section
        document.title = title
        return CrawledPage(entry: entry, verdict: verdict, document: document, canonical: canonical.flatMap(CrawlURL.init),
                           textHash: text == 0 ? UInt64(bitPattern: Int64(address.hashValue)) : text)
    }

    private func merge(_ pages: [CrawledPage], images: [(String, UInt64)] = [], original: Bool = true) -> CrawlMerger.Result {
        var crawl = CrawlReader.Result()
        crawl.pages = pages
        crawl.images = images.map { address, hash in
            CrawledFile(entry: CrawlEntry(url: CrawlURL(address)!, capturedAt: 0, location: .file("/x"), shown: address, size: 1), contentHash: hash)
        }
        return CrawlMerger(siteHost: "www.example.org", keepsOriginalURLs: original).merge(crawl)
    }

    func testCopiesOfAnArticleBecomeItsAliases() {
        let result = merge([
            page("https://example.org/tin/a.htm"),
            page("https://example.org/amp/tin/a.htm", canonical: "https://example.org/tin/a.htm"),
            page("https://example.org/tin/a.htm?print=1", text: 42),
            page("https://example.org/in/a", text: 42),
            page("https://example.org/cu/a.htm", verdict: .skipped(.redirect), status: 301, redirect: "/tin/a.htm"),
        ])
        XCTAssertEqual(result.documents.map(\.path), ["in/a", "tin/a.htm"])
        let article = result.documents[1]
        XCTAssertEqual(article.url, "/tin/a.htm")
        XCTAssertEqual(Set(article.aliases), ["/amp/tin/a.htm", "/cu/a.htm"])
        XCTAssertEqual(result.documents[0].aliases, ["/tin/a.htm@print=1.html"], "the same text: the address without a query is kept")
        XCTAssertEqual(result.queryRedirects.map(\.from), ["/tin/a.htm?print=1"])
        XCTAssertEqual(result.report.aliases, ["canonical": 1, "same-text": 1, "redirect": 1])
        XCTAssertEqual(result.report.articles, 2)
    }

    func testLinksAndImagesPointAtTheMirror() {
        let body = """
        <p><a href="https://example.org/tin/b.htm?utm_source=zalo#doan-2">b</a> <a href="https://example.org/cu/khong-co.htm">cũ</a> \
        <a href="https://other.example/x">x</a><img src="https://example.org/anh/2.png" srcset="https://example.org/anh/1.png 1x, https://example.org/anh/3.png 2x"></p>
        """
        let result = merge([page("https://example.org/tin/a.htm", body: body), page("https://example.org/tin/b.htm")],
                           images: [("https://example.org/anh/1.png", 1), ("https://example.org/anh/2.png", 1)])
        let html = result.documents.first { $0.path == "tin/a.htm" }?.bodyHTML ?? ""
        XCTAssertTrue(html.contains("href=\"/tin/b.htm#doan-2\""), html)
        XCTAssertTrue(html.contains("href=\"https://example.org/cu/khong-co.htm\""), "not in the crawl: left on the origin")
        XCTAssertTrue(html.contains("href=\"https://other.example/x\""))
        XCTAssertTrue(html.contains("src=\"/anh/1.png\""), "one copy per distinct image: \(html)")
        XCTAssertTrue(html.contains("srcset=\"/anh/1.png 1x, https://example.org/anh/3.png 2x\""), html)
        XCTAssertEqual(result.images.map(\.path), ["anh/1.png"])
        XCTAssertEqual(result.report.imagesShared, 1)
        XCTAssertEqual(result.report.imagesMissing, 1)
        XCTAssertEqual(result.report.linksRewritten, 1)
        XCTAssertEqual(result.report.linksToOrigin, 1)
        XCTAssertEqual(result.diagnostics.map(\.code), ["mirror.image-missing"])
    }

    func testASectionsListingBecomesItsAliasAndOtherListingsAreSkipped() {
        let result = merge([
            page("https://example.org/tin/a.htm", section: "Thời sự"),
            page("https://example.org/thoi-su.htm", verdict: .skipped(.listing)),
            page("https://example.org/thoi-su/trang-2.htm", verdict: .skipped(.listing)),
            page("https://example.org/", verdict: .skipped(.listing)),
            page("https://example.org/dang-nhap.htm", verdict: .skipped(.tooShort)),
        ])
        XCTAssertEqual(result.sectionAliases, ["Thời sự": ["thoi-su.htm"]])
        XCTAssertEqual(result.report.skipped, ["listing": 2, "too-short": 1])
        XCTAssertEqual(result.report.pagesRead, 5)
    }

    func testCleanURLsLeaveThePermalinkToTheGraphAndKeepTheOriginalAsAnAlias() {
        let result = merge([page("https://example.org/tin/a.htm"), page("https://example.org/amp/tin/a.htm", canonical: "https://example.org/tin/a.htm")],
                           original: false)
        XCTAssertNil(result.documents[0].url)
        XCTAssertEqual(result.documents[0].aliases, ["/tin/a.htm", "/amp/tin/a.htm"])
    }

    func testTwoAddressesGivingOneFileNameStayTwoArticles() {
        let result = merge([page("https://example.org/p.php?id=a%20b"), page("https://example.org/p.php?id=a_20b")])
        XCTAssertEqual(Set(result.documents.map(\.url)), ["/p.php@id=a_20b.html", "/p.php@id=a_20b-2.html"])
        XCTAssertEqual(Set(result.queryRedirects.map(\.document)).count, 2, "each old address leads to its own article")
    }

    func testTheSameTextIsOneArticleOnlyUnderOneHeadlineAndNoConflictingCanonical() {
        var result = merge([page("https://example.org/h.htm", text: 9, title: "Một"), page("https://example.org/i.htm", text: 9, title: "Hai")])
        XCTAssertEqual(result.documents.count, 2, "one body under two headlines is two stories")
        result = merge([
            page("https://example.org/a.htm"), page("https://example.org/b.htm"),
            page("https://example.org/amp/a.htm", canonical: "https://example.org/a.htm", text: 7),
            page("https://example.org/amp/b.htm", canonical: "https://example.org/b.htm", text: 7),
        ])
        XCTAssertEqual(result.documents.map(\.path).sorted(), ["a.htm", "b.htm"], "copies with one text but canonicals to two articles")
    }

    func testPagesOnOtherHostsLiveBelowTheirHost() {
        let result = merge([page("https://blog.example.net/p/1.htm")])
        XCTAssertEqual(result.documents.map(\.url), ["/blog.example.net/p/1.htm"])
    }
}
