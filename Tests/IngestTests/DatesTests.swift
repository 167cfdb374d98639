import Foundation
import XCTest
@testable import Ingest

final class DatesTests: XCTestCase {
    let hanoi = TimeZone(identifier: "Asia/Ho_Chi_Minh")!

    func iso(_ text: String, zone: TimeZone? = nil) -> String? {
        DateParser.parse(text, defaultTimeZone: zone ?? hanoi)?.iso8601
    }

    func testISODateAloneIsMidnightInTheDefaultZone() {
        XCTAssertEqual(iso("2021-11-30"), "2021-11-30T00:00:00+07:00")
        XCTAssertEqual(DateParser.parse("2021-11-30", defaultTimeZone: hanoi)?.hasTime, false)
    }

    func testADateWithoutAnOffsetSaysItTookTheDefaultZone() {
        XCTAssertEqual(DateParser.parse("2021-11-30 22:58", defaultTimeZone: hanoi)?.tookDefaultZone, true)
        XCTAssertEqual(DateParser.parse("2021-11-30T22:58:00+07:00", defaultTimeZone: hanoi)?.tookDefaultZone, false)
        XCTAssertEqual(DateParser.parse("30/11/2021 22:58", defaultTimeZone: hanoi)?.tookDefaultZone, true)
    }

    func testISODateTimeWithOffsetKeepsThePagesOffset() {
        XCTAssertEqual(iso("2021-11-30T22:58:00+07:00"), "2021-11-30T22:58:00+07:00")
        XCTAssertEqual(iso("2017-02-23T17:18:13-08:00"), "2017-02-23T17:18:13-08:00")
        XCTAssertEqual(iso("2021-11-30T22:58:00+0530"), "2021-11-30T22:58:00+05:30")
    }

    func testISODateTimeInUTCKeepsUTC() {
        XCTAssertEqual(iso("2021-11-30T15:58:00Z"), "2021-11-30T15:58:00+00:00")
        XCTAssertEqual(iso("2024-12-06T22:00:40.000Z"), "2024-12-06T22:00:40+00:00")
    }

    func testISODateTimeWithoutSecondsOrOffsetTakesTheDefaultZone() {
        XCTAssertEqual(iso("2021-11-30T22:58"), "2021-11-30T22:58:00+07:00")
        XCTAssertEqual(iso("2021-11-30 22:58"), "2021-11-30T22:58:00+07:00")
    }

    func testISOFractionalSecondsKeepTheInstant() throws {
        let parsed = try XCTUnwrap(DateParser.parse("2021-11-30T22:58:07.250+07:00", defaultTimeZone: hanoi))
        XCTAssertEqual(parsed.date.timeIntervalSince1970, 1_638_287_887.25, accuracy: 0.001)
    }

    func testRFC2822() {
        XCTAssertEqual(iso("Tue, 30 Nov 2021 22:58:00 +0700"), "2021-11-30T22:58:00+07:00")
        XCTAssertEqual(iso("Tue, 30 Nov 2021 15:58:00 GMT"), "2021-11-30T15:58:00+00:00")
    }

    func testVietnameseDayMonthYearWithTime() {
        XCTAssertEqual(iso("30/11/2021 22:58"), "2021-11-30T22:58:00+07:00")
        XCTAssertEqual(iso("Thời sự 30/11/2021 22:58"), "2021-11-30T22:58:00+07:00")
    }

    func testVietnameseDayMonthYearAlone() {
        XCTAssertEqual(iso("30/11/2021"), "2021-11-30T00:00:00+07:00")
        XCTAssertEqual(iso("30-11-2021"), "2021-11-30T00:00:00+07:00")
    }

    func testVietnameseWeekdayDateDashTime() {
        XCTAssertEqual(iso("Thứ Ba, 30/11/2021 - 22:58"), "2021-11-30T22:58:00+07:00")
    }

    func testVietnameseTimeBeforeDate() {
        XCTAssertEqual(iso("22:58 30/11/2021"), "2021-11-30T22:58:00+07:00")
        XCTAssertEqual(iso("22h58 ngày 30/11/2021"), "2021-11-30T22:58:00+07:00")
    }

    func testVietnameseWordedDate() {
        XCTAssertEqual(iso("ngày 30 tháng 11 năm 2021"), "2021-11-30T00:00:00+07:00")
    }

    func testVietnameseDateWithGMTOffset() {
        XCTAssertEqual(iso("Thứ ba, 30/11/2021, 22:58 (GMT+7)"), "2021-11-30T22:58:00+07:00")
    }

    func testEnglishMonthDayYear() {
        XCTAssertEqual(iso("November 30, 2021"), "2021-11-30T00:00:00+07:00")
    }

    func testEnglishAbbreviatedMonthWithTwelveHourTime() {
        XCTAssertEqual(iso("Nov 30, 2021 10:58 PM"), "2021-11-30T22:58:00+07:00")
        XCTAssertEqual(iso("Nov. 30, 2021 12:05 a.m."), "2021-11-30T00:05:00+07:00")
    }

    func testEnglishDayMonthYear() {
        XCTAssertEqual(iso("30 November 2021"), "2021-11-30T00:00:00+07:00")
        XCTAssertEqual(iso("30th of November, 2021"), "2021-11-30T00:00:00+07:00")
    }

    func testMonthNamesOfOtherEuropeanLanguages() {
        XCTAssertEqual(iso("30. November 2021, 22:58 Uhr"), "2021-11-30T22:58:00+07:00")
        XCTAssertEqual(iso("Veröffentlicht am 3. März 2020"), "2020-03-03T00:00:00+07:00")
        XCTAssertEqual(iso("le 1er août 2019"), "2019-08-01T00:00:00+07:00")
        XCTAssertEqual(iso("30 de noviembre de 2021"), "2021-11-30T00:00:00+07:00")
        XCTAssertEqual(iso("12 dicembre 2018"), "2018-12-12T00:00:00+07:00")
        XCTAssertEqual(iso("5 de março de 2022"), "2022-03-05T00:00:00+07:00")
        XCTAssertEqual(iso("14 maart 2017"), "2017-03-14T00:00:00+07:00")
        XCTAssertNil(iso("Mars 2021"), "a month and year is no day")
    }

    func testImpossibleDatesAreRejected() {
        XCTAssertNil(iso("31/02/2021"))
        XCTAssertNil(iso("2021-13-01"))
        XCTAssertNil(iso("no date here"))
        XCTAssertNil(iso(""))
    }

    func testMonthFirstNumericDateIsReadWhenDayFirstIsImpossible() {
        XCTAssertEqual(iso("11/30/2021"), "2021-11-30T00:00:00+07:00")
    }

    func testOffsetWithoutZoneFollowsDaylightSavingOfTheDefaultZone() {
        let newYork = TimeZone(identifier: "America/New_York")!
        XCTAssertEqual(iso("2021-07-01 12:00", zone: newYork), "2021-07-01T12:00:00-04:00")
        XCTAssertEqual(iso("2021-12-01 12:00", zone: newYork), "2021-12-01T12:00:00-05:00")
    }

    func testLeapDay() {
        XCTAssertEqual(iso("29/02/2024"), "2024-02-29T00:00:00+07:00")
        XCTAssertNil(iso("29/02/2023"))
    }

    func testFrontMatterStyleDateTimeWithSpacedOffset() {
        XCTAssertEqual(iso("2021-11-30 22:58:00 +0700"), "2021-11-30T22:58:00+07:00")
        XCTAssertEqual(iso("2021-11-30 22:58:00 -05:00"), "2021-11-30T22:58:00-05:00")
    }

    func testDateInsideALabelledLine() {
        XCTAssertEqual(iso("Cập nhật: 30/11/2021 22:58 GMT+7"), "2021-11-30T22:58:00+07:00")
        XCTAssertEqual(iso("Published: 2021-11-30"), "2021-11-30T00:00:00+07:00")
    }

    func testPhoneNumbersAndPricesAreNotDates() {
        XCTAssertNil(iso("0901.22.33.66"))
        XCTAssertNil(iso("091.358.6788"))
        XCTAssertNil(iso("10.000.000 đồng"))
    }

    func testEastAsianYearMonthDay() {
        XCTAssertEqual(iso("2021年11月30日 22:58"), "2021-11-30T22:58:00+07:00")
    }
}
