import Foundation
import Infrastructure
@testable import Ingest
import TestSupport
import XCTest

/// Pages with no metadata at all, written for these tests in two shapes: a Vietnamese article laid
/// out as the seed's site lays it out (a section link over the headline, a line with the section and
/// the printed date under it, the byline as the last paragraph), and an English one (a section link,
/// "By …" first, the date under it). What a reader sees as the page's facts is read as facts, not text.
final class HeaderLinesTests: XCTestCase {
    private func extract(_ name: String, zone: String) throws -> ExtractedPage {
        let bytes = try Array(Data(contentsOf: Repository.fixture("extraction/\(name).html")))
        return try HTMLExtractor().extract(bytes, pageURL: nil, defaultTimeZone: TimeZone(identifier: zone)!)
    }

    func testTheSeedShapedPageGivesItsFactsAndABodyOfProseOnly() throws {
        let page = try extract("no-metadata-seed", zone: "Asia/Ho_Chi_Minh")
        XCTAssertEqual(page.title, "Chuyển đổi số phải đặt lợi ích quốc gia, dân tộc lên trên hết")
        XCTAssertEqual(page.section, "Thời sự")
        XCTAssertEqual(page.published.map { CivilDate($0.date, in: TimeZone(identifier: "Asia/Ho_Chi_Minh")!).iso8601 }, "2021-11-30T22:58:00+07:00")
        XCTAssertEqual(page.byline, "Bạch Dương")
        XCTAssertTrue(page.text.hasPrefix("(Tổ Quốc) - Chiều ngày 30/11"), page.text)
        XCTAssertTrue(page.text.hasSuffix("lợi ích chung lên trên hết, trước hết."), page.text)
    }

    func testTheEnglishPageGivesItsFactsAndABodyOfProseOnly() throws {
        let page = try extract("no-metadata-english", zone: "UTC")
        XCTAssertEqual(page.title, "County opens its first solar farm on a former landfill")
        XCTAssertEqual(page.section, "Local")
        XCTAssertEqual(page.published.map { CivilDate($0.date, in: TimeZone(identifier: "UTC")!).iso8601 }, "2021-03-03T09:15:00+00:00")
        XCTAssertEqual(page.byline, "Jane Smith")
        XCTAssertTrue(page.text.hasPrefix("The county switched on its first solar farm"), page.text)
        XCTAssertTrue(page.text.hasSuffix("a state grant for clean energy projects."), page.text)
    }

    func testOnlyShortLinesThatAreDatesAreDatelines() {
        XCTAssertEqual(HeaderLines.dateline("Thời sự 30/11/2021 22:58"), HeaderLines.Dateline(section: "Thời sự"))
        XCTAssertEqual(HeaderLines.dateline("Thứ Ba, 30/11/2021 - 22:58"), HeaderLines.Dateline(section: nil))
        XCTAssertEqual(HeaderLines.dateline("March 3, 2021 9:15 AM"), HeaderLines.Dateline(section: nil))
        XCTAssertNil(HeaderLines.dateline("Posted by kovarex, TOGos on 2019-02-15, all posts"))
        XCTAssertNil(HeaderLines.dateline("TNW中文站2016年10月14日07:17"))
        XCTAssertNil(HeaderLines.dateline("Sáng 30/11, hơn 900 học sinh đã đến trường"))
    }

    func testADatelineMayNameItsSectionOrAuthorAfterASeparator() {
        XCTAssertEqual(HeaderLines.dateline("2021-10-16 | Politik"), HeaderLines.Dateline(section: "Politik"))
        XCTAssertEqual(HeaderLines.dateline("30/11/2021 - Thời sự"), HeaderLines.Dateline(section: "Thời sự"))
        XCTAssertEqual(HeaderLines.dateline("3. August 2015 · Filed under Familie"), HeaderLines.Dateline(section: "Familie"))
        XCTAssertEqual(HeaderLines.dateline("11.12.2019 - Jane Smith"), HeaderLines.Dateline(section: nil, byline: "Jane Smith"))
        // A time after the separator is the date's own.
        XCTAssertEqual(HeaderLines.dateline("30/11/2021 | 22:58 GMT+7"), HeaderLines.Dateline(section: nil))
        XCTAssertNil(HeaderLines.dateline("2021-10-16 | the keeper counted the ships that passed"))
    }

    func testALineOfCategoryLinksBeforeTheLeadGivesTheSection() throws {
        let page = try pageOpening(with: "<p><a href='/c/coast'>Coast</a>, <a href='/c/harbour-life'>Harbour life</a></p>")
        XCTAssertTrue(page.text.hasPrefix("The lighthouse keeper"), page.text)
        XCTAssertEqual(page.section, "Coast")
    }

    func testALinkInsideASentenceBeforeTheLeadStays() throws {
        let page = try pageOpening(with: "<p>Read the <a href='/log'>log</a> of the lamp</p>")
        XCTAssertTrue(page.text.hasPrefix("Read the log of the lamp"), page.text)
        XCTAssertNil(page.section)
    }

    /// A page whose body opens with `line` and goes on with four paragraphs of prose.
    private func pageOpening(with line: String) throws -> ExtractedPage {
        let paragraph = "<p>The lighthouse keeper counted the ships that passed the cape every night, wrote their names "
            + "in a book, and sent the book to the harbour office at the end of each month.</p>"
        let html = "<html><body><div class='story'>" + line + String(repeating: paragraph, count: 4) + "</div></body></html>"
        return try HTMLExtractor().extract(Array(html.utf8), pageURL: nil, defaultTimeZone: TimeZone(identifier: "UTC")!)
    }

    func testOnlyShortLinesWithANumberAreReadingTimes() {
        XCTAssertTrue(HeaderLines.isReadingTime("4 Min Read"))
        XCTAssertTrue(HeaderLines.isReadingTime("Lesezeit: 3 Minuten"))
        XCTAssertFalse(HeaderLines.isReadingTime("Min read"))
        XCTAssertFalse(HeaderLines.isReadingTime("The keeper took 4 min to read the log of the lamp, page by page."))
    }

    func testAReadingTimeBeforeTheLeadGoes() throws {
        let page = try pageOpening(with: "<p>5 min read</p>")
        XCTAssertTrue(page.text.hasPrefix("The lighthouse keeper"), page.text)
    }
}

extension HeaderLinesTests {
    func testASummaryLosesTheSourceItsFirstSentenceOpensWith() {
        XCTAssertEqual(HTMLExtractor.withoutSourcePrefix("(Tổ Quốc) - Chiều ngày 30/11, Thủ tướng chủ trì phiên họp."),
                       "Chiều ngày 30/11, Thủ tướng chủ trì phiên họp.")
        XCTAssertEqual(HTMLExtractor.withoutSourcePrefix("(Reuters) — The county opened its first solar farm."), "The county opened its first solar farm.")
        XCTAssertEqual(HTMLExtractor.withoutSourcePrefix("(Ảnh minh họa) Một câu."), "(Ảnh minh họa) Một câu.", "no dash: not a source line")
        XCTAssertEqual(HTMLExtractor.withoutSourcePrefix("Giá lúa tăng (so với tháng trước) - nông dân phấn khởi."),
                       "Giá lúa tăng (so với tháng trước) - nông dân phấn khởi.")
    }
}
