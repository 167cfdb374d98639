import XCTest
@testable import Ingest

final class TextMeasureTests: XCTestCase {
    func body(_ html: String) throws -> (HTMLDocument, DOMNode) {
        let document = try HTMLDocument(bytes: Array("<html><body>\(html)</body></html>".utf8), url: nil, encoding: "UTF-8")
        return (document, try XCTUnwrap(document.body))
    }

    func testFastLengthEqualsTheLengthOfTheNormalizedText() throws {
        for html in ["  a  b ", "<p> x </p>\n\n<p>y\u{00A0}\u{00A0}z</p>", "Tiếng Việt  có   dấu", "emoji 😀  end",
                     "<b>bold</b><i>italic</i>", "\u{3000}ideographic\u{3000}space", ""] {
            let (document, node) = try body(html)
            XCTAssertEqual(TextMeasure.textLength(node), TextMeasure.length(TextMeasure.innerText(node)), html)
            withExtendedLifetime(document) {}
        }
    }

    func testCommaCountIncludesOtherScriptsCommas() throws {
        let (document, node) = try body("a, b，c، d")
        XCTAssertEqual(TextMeasure.commaCount(node), 3)
        withExtendedLifetime(document) {}
    }

    func testLinkDensityIsTheShareOfLinkedText() throws {
        let (document, node) = try body("<p>abcd <a href=\"/x\">efgh</a></p>")
        XCTAssertEqual(TextMeasure.linkDensity(node), 4.0 / 9.0, accuracy: 0.0001)
        withExtendedLifetime(document) {}
    }

    func testSimilarityIsOneForTheSameWords() {
        XCTAssertEqual(TextMeasure.similarity("The Title of It", "the title"), 1)
        XCTAssertEqual(TextMeasure.similarity("abc", "xyz"), 0)
    }
}
