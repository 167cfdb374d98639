@testable import Rendering
import XCTest

final class PaginationTests: XCTestCase {
    func testEveryItemIsOnExactlyOnePage() {
        let pages = Pagination.pages(count: 23, pageSize: 10)
        XCTAssertEqual(pages.map(\.range), [0..<10, 10..<20, 20..<23])
        XCTAssertEqual(pages.map(\.total), [3, 3, 3])
        XCTAssertEqual(pages.map(\.current), [1, 2, 3])
    }

    func testAnEmptyListHasOnePage() {
        XCTAssertEqual(Pagination.pages(count: 0, pageSize: 10).map(\.range), [0..<0])
    }

    func testALongListLinksTheEndsAndTheNeighboursWithGaps() {
        let pages = Pagination.pages(count: 10_000, pageSize: 20)
        XCTAssertEqual(pages[7].window, [1, nil, 6, 7, 8, 9, 10, nil, 500])
        XCTAssertEqual(pages[0].window, [1, 2, 3, nil, 500])
        XCTAssertEqual(pages[499].window, [1, nil, 498, 499, 500])
        // No gap stands for a single number: 1 2 3 4 5 6 7 is shown whole around page 4.
        XCTAssertEqual(Pagination.pages(count: 140, pageSize: 20)[3].window, [1, 2, 3, 4, 5, 6, 7])
    }
}
