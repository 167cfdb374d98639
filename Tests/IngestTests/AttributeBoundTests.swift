@testable import Ingest
import XCTest

final class AttributeBoundTests: XCTestCase {
    func testManyAttributesSpreadOverManyTagsAreWithinTheBound() {
        let page = String(repeating: "<a href=\"/x?a=1&b=2\" class=\"c\">x</a>", count: AttributeBound.limit)
        XCTAssertFalse(AttributeBound.isExceeded(Array(page.utf8)))
    }

    func testOneTagPastTheBoundIsFound() {
        let attributes = (0...AttributeBound.limit).map { "a\($0)=x" }.joined(separator: " ")
        XCTAssertTrue(AttributeBound.isExceeded(Array("<p>text</p><div \(attributes)>".utf8)))
        XCTAssertFalse(AttributeBound.isExceeded(Array("<p title=\"\(attributes)\">".utf8)), "inside a quoted value they are no attributes")
    }
}
