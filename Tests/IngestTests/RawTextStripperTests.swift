import XCTest
@testable import Ingest

final class RawTextStripperTests: XCTestCase {
    func strip(_ html: String) -> (html: String, elements: Int) {
        let stripper = RawTextStripper(Array(html.utf8))
        return (String(decoding: stripper.bytes, as: UTF8.self), stripper.elementCount)
    }

    func testScriptAndStyleBodiesAreEmptied() {
        let result = strip("<p>a</p><script>var x = \"<p>\" < 3;</script><STYLE media=all>p { color: red }</STYLE><p>b</p>")
        XCTAssertEqual(result.html, "<p>a</p><script></script><STYLE media=all></STYLE><p>b</p>")
        XCTAssertEqual(result.elements, 2)
    }

    func testJSONLinkedDataIsKept() {
        let html = "<script type=\"application/ld+json\">{\"headline\": \"Kept\"}</script><script>dropped()</script>"
        XCTAssertEqual(strip(html).html, "<script type=\"application/ld+json\">{\"headline\": \"Kept\"}</script><script></script>")
    }

    func testScriptTagsInCommentsAndAttributeValuesAreText() {
        let html = "<!-- <script>x</script> --><div title=\"<script>\">y</div><a href='>'>z</a>"
        XCTAssertEqual(strip(html).html, html)
        XCTAssertEqual(strip(html).elements, 0)
    }

    func testSelfClosedScriptHasNoBody() {
        let result = strip("<script src=\"a.js\"/><p>text</p><script>code()</script>")
        XCTAssertEqual(result.html, "<script src=\"a.js\"/><p>text</p><script></script>")
        XCTAssertEqual(result.elements, 2)
    }

    func testAnEndTagWithALongerNameStopsTheScan() {
        // libxml2 ends the text at `</scriptx` but stays inside the script, so what follows is not markup.
        let html = "<script>a</scriptx>b<style>c</style></script>"
        XCTAssertEqual(strip(html).html, html)
    }

    func testAnUnclosedCommentStopsTheScan() {
        let html = "<!-- open <script>a</script>"
        XCTAssertEqual(strip(html).html, html)
    }

    func testTheParsedPageAgreesWithTheScan() throws {
        let stripper = RawTextStripper(Array("<html><head><script>a()</script></head><body><style>b</style></body></html>".utf8))
        let document = try HTMLDocument(bytes: stripper.bytes, url: nil, encoding: "UTF-8")
        XCTAssertTrue(stripper.agrees(with: document.elements(in: ["script", "style", "p"])))
        let other = try HTMLDocument(bytes: Array("<html><body><p>no scripts</p></body></html>".utf8), url: nil, encoding: "UTF-8")
        XCTAssertFalse(stripper.agrees(with: other.elements(in: ["script", "style", "p"])))
    }

    func testPagesInOtherCharsetsAreNotScanned() {
        XCTAssertTrue(RawTextStripper.canScan(encoding: "UTF-8"))
        XCTAssertTrue(RawTextStripper.canScan(encoding: "windows-1252"))
        XCTAssertFalse(RawTextStripper.canScan(encoding: "shift_jis"))
        XCTAssertFalse(RawTextStripper.canScan(encoding: nil))
    }
}
