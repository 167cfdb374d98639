@testable import Ingest
import XCTest

final class ISODateReaderTests: XCTestCase {
    func testTheFormsHugoAndJekyllWriteAreRead() {
        XCTAssertEqual(ISODateReader.read("2021-11-30"),
                       .date(year: 2021, month: 11, day: 30, hour: 0, minute: 0, second: 0, fraction: 0, offset: nil, hasTime: false))
        XCTAssertEqual(ISODateReader.read("2021-11-30T22:58:07.5+07:00"),
                       .date(year: 2021, month: 11, day: 30, hour: 22, minute: 58, second: 7, fraction: 0.5, offset: 25_200, hasTime: true))
        XCTAssertEqual(ISODateReader.read("2021-11-30 22:58:00 -0500"),
                       .date(year: 2021, month: 11, day: 30, hour: 22, minute: 58, second: 0, fraction: 0, offset: -18_000, hasTime: true))
        XCTAssertEqual(ISODateReader.read("2021-11-30T22:58Z"),
                       .date(year: 2021, month: 11, day: 30, hour: 22, minute: 58, second: 0, fraction: 0, offset: 0, hasTime: true))
    }

    func testFractionsPastNanosecondsAreDropped() {
        XCTAssertEqual(ISODateReader.read("2021-01-01T00:00:00.999999999999Z"),
                       .date(year: 2021, month: 1, day: 1, hour: 0, minute: 0, second: 0, fraction: 0.999999999, offset: 0, hasTime: true))
        XCTAssertEqual(ISODateReader.read("2021-01-01T00:00:00.5000000000Z"),
                       .date(year: 2021, month: 1, day: 1, hour: 0, minute: 0, second: 0, fraction: 0.5, offset: 0, hasTime: true))
    }

    func testAnOffsetOfWholeHoursIsReadAsGMTPlusSevenIs() {
        XCTAssertEqual(ISODateReader.read("2021-11-30T10:00:00+7"),
                       .date(year: 2021, month: 11, day: 30, hour: 10, minute: 0, second: 0, fraction: 0, offset: 25_200, hasTime: true))
    }

    func testPartsOutOfRangeOrTrailingTextAreInvalid() {
        for text in ["2021-11-30T25:61:61+07:00", "2021-11-30T24:00", "2021-11-30T10:00:00+99:00", "2021-11-30T10:00:00Zjunk",
                     "2021-02-30", "2021-13-01", "2021-11-30T10", "2021-11-30T10:00:60"] {
            guard case .invalid = ISODateReader.read(text) else { return XCTFail("\(text) was read") }
        }
    }

    func testOtherShapesAreLeftToTheFreeTextParser() {
        XCTAssertEqual(ISODateReader.read("30/11/2021 22:58"), .notISO)
        XCTAssertEqual(ISODateReader.read("Thứ Ba, 30/11/2021 - 22:58"), .notISO)
    }
}
