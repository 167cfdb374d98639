import Infrastructure
import XCTest

final class URLPolicyTests: XCTestCase {
    func testWebMailAndRelativeURLsAreKept() {
        for url in ["https://example.org/a?b=c#d", "http://example.org", "mailto:toa-soan@example.org", "tel:+84241234567",
                    "/2021/11/30/bai/", "../anh/a.png", "anh.png", "#muc-1", "?trang=2", "//cdn.example.net/a.png"] {
            XCTAssertEqual(URLPolicy.allowed(url), url, url)
        }
    }

    func testScriptSchemesAreDroppedHoweverTheyAreWritten() {
        for url in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
                    "java\nscript:alert(1)", "JaVa&#x09;Script:alert(1)", "javascript&colon;alert(1)", "javascript&#58;alert(1)",
                    "&#106;avascript:alert(1)", "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD4=",
                    "\u{1}javascript:alert(1)", "livescript:x", "file:///etc/passwd", "ftp://example.org/a"] {
            XCTAssertNil(URLPolicy.allowed(url), url)
        }
    }

    func testDataURLsOnlyForRasterImages() {
        XCTAssertNotNil(URLPolicy.allowed("data:image/png;base64,iVBORw0KGgo=", image: true))
        XCTAssertNil(URLPolicy.allowed("data:image/png;base64,iVBORw0KGgo="))
        XCTAssertNil(URLPolicy.allowed("data:image/svg+xml;base64,PHN2Zz4=", image: true))
    }

    func testEmbedsOnlyFromTheExactPlayerHosts() {
        for url in ["https://www.youtube.com/embed/abc", "//www.youtube-nocookie.com/embed/abc", "https://player.vimeo.com/video/1",
                    "https://YouTube.com/embed/abc"] {
            XCTAssertTrue(URLPolicy.isAllowedEmbed(url), url)
        }
        for url in ["https://www.youtube.com.evil.example/embed/", "https://evil.example/x?//www.youtube.com",
                    "/local?//player.vimeo.com", "https://www.youtube.com@evil.example/embed/x", "javascript://www.youtube.com/%0aalert(1)",
                    "https://evil.example/#//player.vimeo.com", "ftp://www.youtube.com/embed/x"] {
            XCTAssertFalse(URLPolicy.isAllowedEmbed(url), url)
        }
    }
}
