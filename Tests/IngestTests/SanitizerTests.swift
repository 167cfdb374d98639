import Foundation
import XCTest
@testable import Ingest

final class SanitizerTests: XCTestCase {
    func render(_ body: String, base: String? = nil) throws -> Sanitizer.Output {
        let document = try HTMLDocument(bytes: Array("<html><body>\(body)</body></html>".utf8), url: nil, encoding: "UTF-8")
        let root = try XCTUnwrap(document.body)
        return Sanitizer(baseURL: base.flatMap { URL(string: $0) }).render(root)
    }

    func testScriptsAndStylesGoWithTheirContent() throws {
        let output = try render("<p>a<script>alert(1)</script><style>p{}</style>b</p>")
        XCTAssertEqual(output.html, "<p>ab</p>")
        XCTAssertEqual(output.text, "ab")
    }

    func testSoftHyphensLeaveThePlainTextButStayInTheHTML() throws {
        let output = try render("<p>Schiff&shy;fahrt und Ha\u{00AD}fen</p>")
        XCTAssertEqual(output.text, "Schifffahrt und Hafen")
        XCTAssertEqual(output.html, "<p>Schiff\u{00AD}fahrt und Ha\u{00AD}fen</p>")
    }

    func testEventHandlerAttributesAreDropped() throws {
        let output = try render("<p onclick=\"steal()\" onmouseover=\"x()\">text</p><img src=\"a.jpg\" onerror=\"x()\">")
        XCTAssertEqual(output.html, "<p>text</p><img src=\"a.jpg\">")
    }

    func testJavascriptLinksKeepTheirTextButNotTheLink() throws {
        let output = try render("<p><a href=\"javascript:alert(1)\">click</a> <a href=\" JaVa\tScRiPt:x\">two</a></p>")
        XCTAssertEqual(output.html, "<p>click two</p>")
        XCTAssertEqual(output.links, [])
    }

    func testVBScriptAndHTMLDataURLsAreDropped() throws {
        let output = try render("<p><a href=\"vbscript:msgbox\">v</a><a href=\"data:text/html,<b>x</b>\">d</a></p>")
        XCTAssertEqual(output.html, "<p>vd</p>")
    }

    func testRasterDataImagesAreKeptButSVGDataImagesAreNot() throws {
        let output = try render("<img src=\"data:image/png;base64,AAAA\"><img src=\"data:image/svg+xml;base64,PHN2Zz4=\">")
        XCTAssertEqual(output.images, ["data:image/png;base64,AAAA"])
    }

    func testUnknownElementsAreUnwrappedAndTheirTextKept() throws {
        let output = try render("<p><font color=\"red\">red</font> <custom-tag>inside</custom-tag></p>")
        XCTAssertEqual(output.html, "<p>red inside</p>")
    }

    func testFormsAndEmbedsAreDropped() throws {
        let output = try render("<form><input name=\"q\"><button>Go</button></form><object data=\"x.swf\"></object><p>kept</p>")
        XCTAssertEqual(output.html, "<p>kept</p>")
    }

    func testOnlyAllowedAttributesSurvive() throws {
        let output = try render("<td class=\"c\" style=\"color:red\" colspan=\"2\" data-x=\"1\">cell</td>")
        XCTAssertFalse(output.html.contains("class="))
        XCTAssertFalse(output.html.contains("style="))
        XCTAssertFalse(output.html.contains("data-x"))
    }

    func testFramesOtherThanKnownVideoPlayersAreDropped() throws {
        let output = try render("<iframe src=\"https://evil.example/x\"></iframe><iframe src=\"https://www.youtube.com/embed/abc\"></iframe>")
        XCTAssertEqual(output.html, "<iframe src=\"https://www.youtube.com/embed/abc\"></iframe>")
    }

    func testFramesFromHostsThatOnlyLookLikeVideoPlayersAreDropped() throws {
        for src in ["https://www.youtube.com.evil.example/embed/", "https://evil.example/x?//www.youtube.com", "/local?//player.vimeo.com"] {
            XCTAssertEqual(try render("<iframe src=\"\(src)\"></iframe>").html, "", src)
        }
    }

    func testTextIsEscapedInHTML() throws {
        let output = try render("<p>1 &lt; 2 &amp;&amp; \"q\"</p>")
        XCTAssertEqual(output.html, "<p>1 &lt; 2 &amp;&amp; \"q\"</p>")
        XCTAssertEqual(output.text, "1 < 2 && \"q\"")
    }

    func testBlocksBecomeLinesOfText() throws {
        let output = try render("<h2>Title</h2><p>One\n  two</p><ul><li>a</li><li>b</li></ul>")
        XCTAssertEqual(output.text, "Title\nOne two\na\nb")
    }

    func testPreformattedTextKeepsItsLineBreaks() throws {
        let output = try render("<pre>let a = 1\nlet b = 2</pre>")
        XCTAssertEqual(output.text, "let a = 1\nlet b = 2")
    }

    func testImagesWithOnlyASrcsetGetASrc() throws {
        let output = try render("<img srcset=\"small.jpg 480w, large.jpg 1080w\">")
        XCTAssertEqual(output.images, ["small.jpg"])
    }

    func testRelativeURLsResolveAgainstTheBase() throws {
        let output = try render("<a href=\"/x\">x</a><a href=\"#note\">n</a>", base: "https://example.vn/a/b.htm")
        XCTAssertEqual(output.links, ["https://example.vn/x", "#note"])
    }

    func testLazyImageAttributesBecomeTheSource() throws {
        let document = try HTMLDocument(bytes: Array("<html><body><div><img data-src=\"real.jpg\" class=\"lazy\"></div></body></html>".utf8),
                                        url: nil, encoding: "UTF-8")
        let body = try XCTUnwrap(document.body)
        LazyImages.fix(in: body, document: document)
        XCTAssertEqual(Sanitizer(baseURL: nil).render(body).images, ["real.jpg"])
    }

    func testLazyImageAddressWithoutAnExtensionIsUsed() throws {
        let html = "<html><body><div><img src=\"data:image/gif;base64,R0lGOD\" data-src=\"https://cdn.example.vn/p/123?w=600\"></div></body></html>"
        let document = try HTMLDocument(bytes: Array(html.utf8), url: nil, encoding: "UTF-8")
        let body = try XCTUnwrap(document.body)
        LazyImages.fix(in: body, document: document)
        XCTAssertEqual(Sanitizer(baseURL: nil).render(body).images, ["https://cdn.example.vn/p/123?w=600"])
    }

    func testFirstAndLastLinesSplitOnLineFeedsOnly() {
        // As `split(separator: "\n")` reads Characters, `\r\n` is one and no separator.
        XCTAssertEqual(Sanitizer.firstLine(of: "one\r\ntwo\nthree"), "one\r\ntwo")
        XCTAssertEqual(Sanitizer.lastLine(of: "one\ntwo\r\nthree"), "two\r\nthree")
        XCTAssertEqual(Sanitizer.lastLine(of: "\n\nonly\n"), "only")
        XCTAssertNil(Sanitizer.firstLine(of: ""))
    }
}
