@testable import Ingest
import XCTest

final class AttributeBoundTests: XCTestCase {
    func testManyAttributesSpreadOverManyTagsAreWithinTheBound() {
        let page = String(repeating: "<a href=\"/x?a=1&b=2\" class=\"c\">x</a>", count: AttributeBound.limit)
        XCTAssertFalse(AttributeBound.isExceeded(Array(page.utf8)))
    }

    func testEqualsSignsAreCountedInEveryPositionOfAWord() {
        for length in 0..<40 {
            for position in 0..<max(length, 1) {
                var bytes = (0..<length).map { UInt8(truncatingIfNeeded: 0x3C + $0 % 5) }  // <, =, >, ?, @ in turn
                if length > 0 { bytes[position] = UInt8(ascii: "=") }
                let expected = bytes.filter { $0 == UInt8(ascii: "=") }.count
                XCTAssertEqual(bytes.withUnsafeBufferPointer { AttributeBound.signs(in: $0) }, expected, "\(bytes)")
            }
        }
        let high = [UInt8](repeating: 0xBD, count: 16) + [0x3D] + [UInt8](repeating: 0xFF, count: 15)
        XCTAssertEqual(high.withUnsafeBufferPointer { AttributeBound.signs(in: $0) }, 1, "bytes with the high bit set and '=' | 0x80 are no '='")
    }

    func testOneTagPastTheBoundIsFound() {
        let attributes = (0...AttributeBound.limit).map { "a\($0)=x" }.joined(separator: " ")
        XCTAssertTrue(AttributeBound.isExceeded(Array("<p>text</p><div \(attributes)>".utf8)))
        XCTAssertFalse(AttributeBound.isExceeded(Array("<p title=\"\(attributes)\">".utf8)), "inside a quoted value they are no attributes")
    }
}
