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

    /// Text mixing ASCII, letters of two and three bytes, white space beyond ASCII (the no-break space,
    /// U+1680, U+2003, U+3000) and the lead bytes they share with letters (U+1E00 and U+1680 both start
    /// with 0xE1): the byte scan's length is the string's, each time.
    func testFastLengthOnMixedScripts() throws {
        let pieces = ["a", "Đ", "ạ", "ü", "ᚠ", "\u{1680}", "\u{00A0}", "\u{2003}", "\u{3000}", " ", ",", "،", "，", "😀", "東", "ש", "\n"]
        var state: UInt64 = 0x5851_F42D_4C95_7F2D
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<40 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            let (document, node) = try body("<p>\(text)</p>")
            XCTAssertEqual(TextMeasure.textLength(node), TextMeasure.length(TextMeasure.innerText(node)), text)
            withExtendedLifetime(document) {}
        }
    }

    func testAMeasureAskedAgainGivesTheSameAnswer() throws {
        // The second answer comes from the text nodes' stored summaries.
        let (document, node) = try body("<p> a, b </p><p>c\u{2003}\u{2003}d,</p>")
        let first = (TextMeasure.textLength(node), TextMeasure.commaCount(node), TextMeasure.textLength(node, isAtMost: 3))
        let second = (TextMeasure.textLength(node), TextMeasure.commaCount(node), TextMeasure.textLength(node, isAtMost: 3))
        XCTAssertEqual(first.0, second.0)
        XCTAssertEqual(first.1, second.1)
        XCTAssertEqual(first.2, second.2)
        withExtendedLifetime(document) {}
    }

    func testInnerTextLengthIsExactlyTheStringsLength() throws {
        // U+FEFF is no white space to String trimming, and U+0085 is; JavaScript's `\s` says the opposite.
        for html in ["  a  b ", "\u{FEFF} x \u{FEFF}", "\u{0085}y\u{0085}\u{0085}z", "<p>Tiếng  Việt</p> ", "😀 😀"] {
            let (document, node) = try body(html)
            let length = TextMeasure.length(TextMeasure.innerText(node))
            XCTAssertTrue(TextMeasure.innerTextLength(node, isAtMost: length), html)
            XCTAssertFalse(TextMeasure.innerTextLength(node, isAtMost: length - 1), html)
            withExtendedLifetime(document) {}
        }
    }

    func testTrimmingAndFoldingMatchTheUnicodeWhiteSpaceProperty() {
        XCTAssertEqual("\u{00A0}\u{2003} a \u{3000}".whitespaceTrimmed, "a")
        XCTAssertEqual("\u{FEFF}a".whitespaceTrimmed, "\u{FEFF}a")
        XCTAssertEqual(TextMeasure.collapseRuns("a \u{00A0} b\u{00A0}c  "), "a b\u{00A0}c")
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
