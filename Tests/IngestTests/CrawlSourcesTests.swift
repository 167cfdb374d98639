@testable import Ingest
import XCTest

final class CrawlSourcesTests: XCTestCase {
    func testAWARCDateIsReadToTheNanosecond() {
        XCTAssertEqual(CrawlSources.nanoseconds("2021-11-30T15:58:00Z"), 1_638_287_880_000_000_000)
        XCTAssertEqual(CrawlSources.nanoseconds("2021-11-30T15:58:00.25Z"), 1_638_287_880_250_000_000)
        XCTAssertEqual(CrawlSources.nanoseconds("2021-11-30T22:58:00+07:00"), 1_638_287_880_000_000_000)
        XCTAssertEqual(CrawlSources.nanoseconds("1969-12-31T23:59:59Z"), -1_000_000_000)
    }

    func testAWARCDateThatCannotBeReadIsZero() {
        // No offset, no time, not a date, and past what nanoseconds since 1970 can hold.
        for written in ["2021-11-30T15:58:00", "2021-11-30", "yesterday", "", "9999-12-31T23:59:59Z"] {
            XCTAssertEqual(CrawlSources.nanoseconds(written), 0, written)
        }
    }
}
