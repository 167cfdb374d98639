@testable import Preview
import XCTest

final class RequestPathTests: XCTestCase {
    func testSegmentsAreDecodedOnceAndEmptyOnesDropped() throws {
        let path = try XCTUnwrap(RequestPath(target: "//tin%20t%E1%BB%A9c///%252e/?q=1"))
        XCTAssertEqual(path.segments, ["tin tức", "%2e"])
        XCTAssertTrue(path.endsInSlash)
        XCTAssertEqual(path.query, "?q=1")
        XCTAssertEqual(path.raw, "//tin%20t%E1%BB%A9c///%252e/")
    }

    func testDotSegmentsInAnySpellingAreRefused() {
        for target in ["/..", "/a/../b", "/.", "/%2e", "/%2E%2e/x", "/.%2e/x"] {
            XCTAssertNil(RequestPath(target: target), target)
        }
        XCTAssertEqual(RequestPath(target: "/...")?.segments, ["..."], "three dots is a name")
    }

    func testSeparatorsAndNULInsideANameAreRefused() {
        for target in ["/a%2fb", "/a%2Fb", "/a%5cb", "/a\\b", "/a%00b"] {
            XCTAssertNil(RequestPath(target: target), target)
        }
    }

    func testBrokenEncodingsAndInvalidUTF8AreRefused() {
        for target in ["/a%", "/a%2", "/a%zz", "/%ff", "/%c3"] {
            XCTAssertNil(RequestPath(target: target), target)
        }
    }

    func testOnlyAbsolutePathsOfBoundedLengthAreRead() {
        XCTAssertNil(RequestPath(target: "index.html"))
        XCTAssertNil(RequestPath(target: "http://127.0.0.1/"))
        XCTAssertNil(RequestPath(target: "/" + String(repeating: "a", count: 256)))
        XCTAssertNotNil(RequestPath(target: "/" + String(repeating: "a", count: 255)))
        XCTAssertNil(RequestPath(target: "/" + String(repeating: "a/", count: 1024)))
    }
}
