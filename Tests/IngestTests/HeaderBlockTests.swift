@testable import Ingest
import XCTest

final class HeaderBlockTests: XCTestCase {
    func testKeptFieldsAreReadWhateverTheirCaseWithFoldedLinesJoinedAndTheFirstOfARepeatKept() {
        let block = Array("""
            HTTP/1.1 200 OK\r
            Server: nginx\r
            CONTENT-TYPE :  text/html;\r
            \tcharset=windows-1258  \r
            Location: /first\r
            location: /second\r
            X-Folded: a\r
             b\r
            Set-Cookie: id=1\r
            \r

            """.utf8)
        let (firstLine, fields) = HeaderBlock.parse(block[...], keeping: ["content-type", "location"])
        XCTAssertEqual(firstLine, "HTTP/1.1 200 OK")
        XCTAssertEqual(fields, ["content-type": "text/html; charset=windows-1258", "location": "/first"])
    }

    func testLinesEndingInABareLineFeedAndValuesWithUnicodeSpaceAreRead() {
        let block = Array("WARC/1.1\nWARC-Type: response\nWARC-Target-URI:\u{00A0}<https://báo.vn/a>\u{00A0}\n\n".utf8)
        let (firstLine, fields) = HeaderBlock.parse(block[...], keeping: ["warc-type", "warc-target-uri"])
        XCTAssertEqual(firstLine, "WARC/1.1")
        XCTAssertEqual(fields, ["warc-type": "response", "warc-target-uri": "<https://báo.vn/a>"])
    }

    func testAnEmptyBlockHasNoFirstLine() {
        XCTAssertEqual(HeaderBlock.parse([][...], keeping: ["location"]).firstLine, "")
        XCTAssertEqual(HeaderBlock.parse(Array("\r\n\r\n".utf8)[...], keeping: ["location"]).fields, [:])
    }
}
