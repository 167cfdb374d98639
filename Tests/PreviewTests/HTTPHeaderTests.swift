@testable import Preview
import XCTest

/// The header values the server reads and writes: ranges, dates, content types.
final class HTTPHeaderTests: XCTestCase {
    func testRangesOfATenByteFile() {
        XCTAssertEqual(ByteRange(header: "bytes=0-3", size: 10), .part(0...3))
        XCTAssertEqual(ByteRange(header: "bytes=4-", size: 10), .part(4...9))
        XCTAssertEqual(ByteRange(header: "bytes=8-100", size: 10), .part(8...9), "an end past the file is cut")
        XCTAssertEqual(ByteRange(header: "bytes=-3", size: 10), .part(7...9))
        XCTAssertEqual(ByteRange(header: "bytes=-30", size: 10), .part(0...9))
        XCTAssertEqual(ByteRange(header: "bytes=10-", size: 10), .unsatisfiable)
        XCTAssertEqual(ByteRange(header: "bytes=-0", size: 10), .unsatisfiable)
        XCTAssertEqual(ByteRange(header: "bytes=0-0", size: 0), .unsatisfiable)
    }

    func testRangesNotUnderstoodAreIgnored() {
        for header in [nil, "bytes=5-2", "bytes=a-b", "items=0-3", "bytes=0-1,4-5", "bytes=3"] {
            XCTAssertEqual(ByteRange(header: header, size: 10), .whole, header ?? "nil")
        }
    }

    func testHTTPDatesAreIMFFixdates() {
        XCTAssertEqual(HTTPDate.format(784_111_777), "Sun, 06 Nov 1994 08:49:37 GMT")
        XCTAssertEqual(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT"), 784_111_777)
        XCTAssertNil(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT"))
        XCTAssertNil(HTTPDate.parse("yesterday"))
    }

    func testContentTypesByExtension() {
        XCTAssertEqual(ContentType.of("index.html"), "text/html; charset=utf-8")
        XCTAssertEqual(ContentType.of("old.HTM"), "text/html; charset=utf-8")
        XCTAssertEqual(ContentType.of("feed.xml"), "application/xml; charset=utf-8")
        XCTAssertEqual(ContentType.of("feed.json"), "application/json; charset=utf-8")
        XCTAssertEqual(ContentType.of("photo.JPG"), "image/jpeg")
        XCTAssertEqual(ContentType.of("LICENSE"), "application/octet-stream")
        XCTAssertEqual(ContentType.of("archive."), "application/octet-stream")
    }

    func testOnlyLoopbackHostsCountAsLocal() {
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "::1"] {
            XCTAssertTrue(PreviewOptions(site: URL(fileURLWithPath: "/"), host: host).isLoopback, host)
        }
        for host in ["0.0.0.0", "::", "192.168.1.10"] {
            XCTAssertFalse(PreviewOptions(site: URL(fileURLWithPath: "/"), host: host).isLoopback, host)
        }
    }
}
