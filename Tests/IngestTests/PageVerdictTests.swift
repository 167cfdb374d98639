@testable import Ingest
import XCTest

/// Which crawled pages are articles: judged by what the page says of itself and by its shape,
/// never by its address.
final class PageVerdictTests: XCTestCase {
    private let prose = Array(repeating: "<p>Phiên họp được tổ chức trực tuyến giữa trụ sở Chính phủ với các bộ, ngành và địa phương trong cả nước, "
                                     + "với sự tham dự của nhiều lãnh đạo doanh nghiệp công nghệ số.</p>", count: 4).joined()

    /// The verdict on a page, checked to be the same whether the body search is skipped for a
    /// page whose metadata calls it a listing (as the mirror reads pages) or not.
    private func verdict(_ html: String, file: StaticString = #filePath, line: UInt = #line) -> PageVerdict {
        let reader = ScrapedPageReader(timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)
        let verdicts = [false, true].map { skips -> PageVerdict in
            let (document, page) = reader.extract(Array(html.utf8), path: "p.htm", pageURL: "https://example.org/p.htm", skipsListings: skips)
            guard let page else { return .skipped(.unreadable) }
            return PageVerdict.judge(page, words: document.wordCount)
        }
        XCTAssertEqual(verdicts[0], verdicts[1], "skipping the body search changed the verdict", file: file, line: line)
        return verdicts[0]
    }

    func testAnArticleWithADateIsAnArticle() {
        XCTAssertEqual(verdict("""
        <html><head><title>Tin</title><meta property="og:type" content="article"></head><body><article><h1>Phiên họp thứ nhất</h1>
        <span class="time">30/11/2021 22:58</span>\(prose)</article></body></html>
        """), .article)
    }

    func testAListOfHeadlinesIsAListing() {
        let items = (1...20).map { "<li><h3><a href=\"/tin/\($0).htm\">Tiêu đề bài báo số \($0) về chuyển đổi số</a></h3></li>" }.joined()
        XCTAssertEqual(verdict("<html><head><title>Thời sự</title><meta property=\"og:type\" content=\"website\"></head><body><h1>Thời sự</h1><ul>\(items)</ul></body></html>"),
                       .skipped(.listing))
        XCTAssertEqual(verdict("<html><head><title>Thời sự</title></head><body><h1>Thời sự</h1><ul>\(items)</ul></body></html>"), .skipped(.listing),
                       "a page that says nothing of itself is judged by its links")
    }

    func testAListingOfSummariesWithTheirDatesIsAListing() {
        let items = (1...8).map { "<div class=\"item\"><h3><a href=\"/tin/\($0).htm\">Bài số \($0)</a></h3><span>30/11/2021 22:5\($0)</span>"
            + "<p>Tóm tắt bài số \($0): phiên họp được tổ chức trực tuyến giữa trụ sở Chính phủ với các bộ, ngành và địa phương.</p></div>" }.joined()
        XCTAssertEqual(verdict("<html><head><title>Thời sự</title><meta property=\"og:type\" content=\"website\"></head><body><h1>Thời sự</h1>\(items)</body></html>"),
                       .skipped(.listing), "the items' dates are not the page's")
        XCTAssertEqual(verdict("""
        <html><head><title>Thời sự</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"CollectionPage","name":"Thời sự"}</script>
        </head><body><h1>Thời sự</h1>\(items)</body></html>
        """), .skipped(.listing))
    }

    func testATagWithTooManyAttributesIsRefusedQuickly() {
        let attributes = (0...AttributeBound.limit).map { "a\($0)=\"x\"" }.joined(separator: " ")
        let started = Date()
        XCTAssertThrowsError(try HTMLExtractor().extract(Array("<html><head><meta \(attributes)></head><body><p>x</p></body></html>".utf8),
                                                         pageURL: nil, defaultTimeZone: TimeZone(identifier: "UTC")!))
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "libxml2 took seconds on such a tag")
    }

    func testAFormIsTooShortAndAnUndatedArticleHasNoDate() {
        XCTAssertEqual(verdict("<html><head><title>Đăng nhập</title></head><body><h1>Đăng nhập</h1><form><input name=u></form><p>Quên mật khẩu?</p></body></html>"),
                       .skipped(.tooShort))
        XCTAssertEqual(verdict("<html><head><title>Tin</title><meta property=\"og:type\" content=\"article\"></head><body><article><h1>Bài</h1>\(prose)</article></body></html>"),
                       .skipped(.noDate))
    }
}
