import Templating
import XCTest

/// The standard filters, one behaviour each.
final class FilterTests: XCTestCase {
    /// 2021-11-30 22:58:00 in Hanoi (UTC+7), a Tuesday.
    private let hanoi: TemplateValue = .date(TemplateDate(secondsSince1970: 1_638_287_880, utcOffsetSeconds: 25_200))

    private func filtered(_ expression: String, _ value: TemplateValue, filters: FilterRegistry = .standard) throws -> String {
        try render("{{{ value | \(expression) }}}", ["value": value], filters: filters).text
    }

    func testDateFormatsNumbersInTheDatesOwnOffset() throws {
        XCTAssertEqual(try filtered("date: \"dd/MM/yyyy HH:mm:ss\"", hanoi), "30/11/2021 22:58:00")
    }

    func testDateNamesWeekdaysInVietnameseWhenAsked() throws {
        XCTAssertEqual(try filtered("date: \"EEEE, dd/MM/yyyy\", \"vi\"", hanoi), "Thứ Ba, 30/11/2021")
    }

    func testDateLanguageDefaultsToTheRegistrySetting() throws {
        var filters = FilterRegistry.standard
        filters.dateLanguage = .vietnamese
        XCTAssertEqual(try filtered("date: \"EEE d MMMM\"", hanoi, filters: filters), "T3 30 tháng 11")
    }

    func testDateNamesMonthsAndWeekdaysInEnglishByDefault() throws {
        XCTAssertEqual(try filtered("date: \"EEEE d MMMM yyyy, EEE MMM\"", hanoi), "Tuesday 30 November 2021, Tue Nov")
    }

    func testDateHasATwelveHourClock() throws {
        XCTAssertEqual(try filtered("date: \"h:mm a\"", hanoi), "10:58 PM")
        XCTAssertEqual(try filtered("date: \"h:mm a\", \"vi\"", hanoi), "10:58 CH")
    }

    func testDateCopiesQuotedTextAndOtherCharacters() throws {
        XCTAssertEqual(try filtered("date: \"'Ngày' d 'lúc' H'h' - yy\"", hanoi), "Ngày 30 lúc 22h - 21")
    }

    func testDateWritesOffsets() throws {
        XCTAssertEqual(try filtered("date: \"Z xx xxx XXX\"", hanoi), "+0700 +0700 +07:00 +07:00")
    }

    func testDateBeforeNineteenSeventyAndNegativeOffsets() throws {
        let date = TemplateValue.date(TemplateDate(secondsSince1970: -1, utcOffsetSeconds: -5 * 3600 - 1800))
        XCTAssertEqual(try filtered("iso8601", date), "1969-12-31T18:29:59-05:30")
    }

    func testISO8601UsesZInUTC() throws {
        let date = TemplateValue.date(TemplateDate(secondsSince1970: 951_825_600, utcOffsetSeconds: 0))
        XCTAssertEqual(try filtered("iso8601", date), "2000-02-29T12:00:00Z")
    }

    func testCalendarArithmeticAgreesWithFoundationOverFourCenturies() throws {
        let formatter = ISO8601DateFormatter()
        var seconds: Int64 = -6_000_000_000
        while seconds < 9_000_000_000 {
            let date = TemplateValue.date(TemplateDate(secondsSince1970: seconds, utcOffsetSeconds: 0))
            XCTAssertEqual(try filtered("iso8601", date), formatter.string(from: Date(timeIntervalSince1970: Double(seconds))))
            seconds += 86_400 * 37 + 3_607
        }
    }

    func testRFC822IsEnglishWithANumericOffset() throws {
        XCTAssertEqual(try filtered("rfc822", hanoi), "Tue, 30 Nov 2021 22:58:00 +0700")
    }

    func testDateFiltersLeaveOtherValuesAlone() throws {
        XCTAssertEqual(try filtered("date: \"yyyy\"", "yesterday"), "yesterday")
    }

    func testJSONIsSafeInsideAScriptElement() throws {
        let value: TemplateValue = ["title": "</script><b>&", "n": 1, "tags": ["a"], "x": "\u{2028}"]
        XCTAssertEqual(
            try filtered("json", value),
            #"{"n":1,"tags":["a"],"title":"\u003c/script\u003e\u003cb\u003e\u0026","x":"\u2028"}"#)
    }

    func testURLPercentEncodesAllButUnreservedCharacters() throws {
        XCTAssertEqual(try filtered("url", "https://x.vn/a b?q=Việt&r=1~"), "https%3A%2F%2Fx.vn%2Fa%20b%3Fq%3DVi%E1%BB%87t%26r%3D1~")
    }

    func testTruncateCutsAtAWordBoundaryAndAddsAnEllipsis() throws {
        XCTAssertEqual(try filtered("truncate: 20", "Thủ tướng tiếp đoàn doanh nghiệp Nhật Bản"), "Thủ tướng tiếp đoàn…")
    }

    func testTruncateCountsCharactersNotBytes() throws {
        XCTAssertEqual(try filtered("truncate: 5", "ệệệệệệệệ"), "ệệệệ…")
    }

    func testTruncateDropsTrailingPunctuationAndTakesAnotherEllipsis() throws {
        XCTAssertEqual(try filtered("truncate: 12, \"...\"", "Hello, world and more"), "Hello...")
    }

    func testTruncateLeavesShortTextAlone() throws {
        XCTAssertEqual(try filtered("truncate: 50", "Ngắn"), "Ngắn")
    }

    func testTruncateLeavesMarkupAlone() throws {
        XCTAssertEqual(try filtered("truncate: 3", .html("<p>long</p>")), "<p>long</p>")
    }

    func testSlugFoldsAccentsAndJoinsWordsWithDashes() throws {
        XCTAssertEqual(try filtered("slug", "Đường sắt Cát Linh – Hà Đông: 13,1 km!"), "duong-sat-cat-linh-ha-dong-13-1-km")
    }

    func testHostCanReplaceTheSlugFilter() throws {
        var filters = FilterRegistry.standard
        filters.register("slug", TemplateFilter { _, _ in "custom" })
        XCTAssertEqual(try filtered("slug", "x", filters: filters), "custom")
    }

    func testUpperAndLowerMapCase() throws {
        XCTAssertEqual(try filtered("upper", "thứ ba"), "THỨ BA")
        XCTAssertEqual(try filtered("lower", "HÀ NỘI"), "hà nội")
    }

    func testDefaultReplacesNullAndEmptyText() throws {
        XCTAssertEqual(try filtered("default: \"—\"", nil), "—")
        XCTAssertEqual(try filtered("default: \"—\"", ""), "—")
        XCTAssertEqual(try filtered("default: \"—\"", "x"), "x")
    }

    func testCountFirstAndLastReadLists() throws {
        let list: TemplateValue = ["a", "b", "c"]
        XCTAssertEqual(try filtered("count", list), "3")
        XCTAssertEqual(try filtered("first", list), "a")
        XCTAssertEqual(try filtered("last", list), "c")
        XCTAssertEqual(try filtered("count", "Việt"), "4")
    }

    func testFiltersChainLeftToRight() throws {
        XCTAssertEqual(try filtered("date: \"MMMM\" | upper | truncate: 4", hanoi), "NOV…")
    }

    func testFilterOutputIsEscapedInDoubleMustaches() throws {
        XCTAssertEqual(try render("{{ s | upper }}", ["s": "<b>"]).text, "&lt;B&gt;")
    }

    func testHostFiltersReceiveTheirArguments() throws {
        var filters = FilterRegistry()
        filters.register("repeat", TemplateFilter(arguments: 1...1) { value, arguments in
            guard case .string(let text) = value, case .int(let count) = arguments[0] else { return value }
            return .string(String(repeating: text, count: count))
        })
        XCTAssertEqual(try filtered("repeat: 3", "ab", filters: filters), "ababab")
    }
}
