@testable import Rendering
import XCTest

final class FeedTextTests: XCTestCase {
    func testXMLEscapingKeepsTextAndDropsForbiddenControls() {
        XCTAssertEqual(XMLText.escape("Tôm & cá <b>\"x\"</b> 'y'\u{1}\tz"),
                       "Tôm &amp; cá &lt;b&gt;&quot;x&quot;&lt;/b&gt; &apos;y&apos;\tz")
    }

    func testTextThatReadersTakeAsHTMLIsEscapedTwice() {
        // An XML parser gives back `&lt;script&gt;`, which an RSS reader shows as text.
        XCTAssertEqual(XMLText.escapeAsHTMLText("a <script>alert(1)</script> & b"),
                       "a &amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; &amp;amp; b")
        XCTAssertEqual(XMLText.escapeAsHTMLText("\"Trích dẫn\""), "&quot;Trích dẫn&quot;")
    }

    func testJSONWriterNestsAndEscapesForScript() {
        var json = JSONWriter()
        json.object { object in
            object.field("a", "</script> \"Hà Nội\"\n\u{2028}\u{1}")
            object.field("skipped", nil)
            object.key("list")
            object.array { list in
                list.number(1)
                list.object { $0.field("b", "c") }
                list.string("d")
            }
            object.field("tags", strings: [])
        }
        XCTAssertEqual(json.text, #"{"a":"\u003c/script\u003e \"Hà Nội\"\n\u2028\u0001","list":[1,{"b":"c"},"d"],"tags":[]}"#)
    }
}

final class XMLTextTests: XCTestCase {
    func testEscapesMarkupAndDropsControlCharacters() {
        XCTAssertEqual(XMLText.escape("Q&A <b> \"x\" 'y'\u{1}"), "Q&amp;A &lt;b&gt; &quot;x&quot; &apos;y&apos;")
    }

    func testTextWithNothingToEscapeComesBackAsItIs() {
        XCTAssertEqual(XMLText.escape("https://báo.vn/2021/11/30/tin/\tHà Nội\r\n"), "https://báo.vn/2021/11/30/tin/\tHà Nội\r\n")
        XCTAssertEqual(XMLText.escape("a\u{1F}b"), "ab", "a control character alone is still dropped")
        XCTAssertEqual(XMLText.escape(""), "")
    }
}
