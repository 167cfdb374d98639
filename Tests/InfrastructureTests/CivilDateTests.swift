import Infrastructure
import XCTest

final class CivilDateTests: XCTestCase {
    func testDaysSince1970RoundTripOverFourHundredYears() {
        for days in stride(from: -146_097, through: 146_097 * 2, by: 37) {
            let fields = CivilDate.fields(daysSince1970: days)
            XCTAssertEqual(CivilDate.daysSince1970(year: fields.year, month: fields.month, day: fields.day), days)
        }
    }

    func testKnownDates() {
        XCTAssertEqual(CivilDate.daysSince1970(year: 1970, month: 1, day: 1), 0)
        XCTAssertEqual(CivilDate.daysSince1970(year: 2000, month: 3, day: 1), 11_017)
        XCTAssertTrue(CivilDate.fields(daysSince1970: -1) == (1969, 12, 31))
    }

    func testLeapYearsFollowTheGregorianRule() {
        XCTAssertEqual(CivilDate.daysIn(month: 2, year: 2024), 29)
        XCTAssertEqual(CivilDate.daysIn(month: 2, year: 1900), 28)
        XCTAssertEqual(CivilDate.daysIn(month: 2, year: 2000), 29)
        XCTAssertEqual(CivilDate.daysIn(month: 11, year: 2021), 30)
    }

    func testWallTimeAtAnOffset() {
        // 2021-11-30T22:58:00+07:00
        let date = CivilDate(secondsSince1970: 1_638_287_880, utcOffsetSeconds: 7 * 3600)
        XCTAssertEqual(date.iso8601, "2021-11-30T22:58:00+07:00")
        XCTAssertEqual(date.weekday, 2)
        XCTAssertEqual(date.dayMonthYearTime, "30/11/2021 22:58")
    }

    func testFormatsPadEveryFieldAndSignTheOffset() {
        // 0987-03-05T04:06:07-09:30, a Monday
        let date = CivilDate(secondsSince1970: -31_014_959_033, utcOffsetSeconds: -(9 * 3600 + 1800))
        XCTAssertEqual(date.iso8601, "0987-03-05T04:06:07-09:30")
        XCTAssertEqual(date.rfc822, "Mon, 05 Mar 0987 04:06:07 -0930")
        XCTAssertEqual(date.dayMonthYear, "05/03/0987")
        XCTAssertEqual(date.dayMonthYearTime, "05/03/0987 04:06")
        let utc = CivilDate(secondsSince1970: 1_638_287_880, utcOffsetSeconds: 0)
        XCTAssertEqual(utc.rfc822, "Tue, 30 Nov 2021 15:58:00 +0000")
        XCTAssertEqual(utc.iso8601, "2021-11-30T15:58:00+00:00")
    }

    func testFormatsKeepYearsPastFourDigits() {
        let date = CivilDate(secondsSince1970: Int64(CivilDate.daysSince1970(year: 12_345, month: 1, day: 2)) * 86_400, utcOffsetSeconds: 0)
        XCTAssertEqual(date.iso8601, "12345-01-02T00:00:00+00:00")
    }

    func testFieldsSetToAbsurdValuesCutTheTextShortInsteadOfWritingPastIt() {
        var date = CivilDate(secondsSince1970: 0, utcOffsetSeconds: 0)
        date.year = Int.min
        date.day = Int.max
        date.utcOffsetSeconds = Int.max
        XCTAssertLessThanOrEqual(date.rfc822.utf8.count, 64)
        XCTAssertLessThanOrEqual(date.iso8601.utf8.count, 64)
        XCTAssertTrue(date.iso8601.hasPrefix("-9223372036854775808-01-"), date.iso8601)
    }
}
