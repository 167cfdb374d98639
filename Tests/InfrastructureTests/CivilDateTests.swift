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
}
