import XCTest
@testable import Ingest

final class CSSSelectorTests: XCTestCase {
    let page = """
        <html><body><div id="main" class="story wide"><p class="lede">A</p><div class="body"><p>B</p><p data-x="y">C</p></div></div>
        <p class="lede">D</p></body></html>
        """

    func texts(_ css: String) throws -> [String] {
        let document = try HTMLDocument(bytes: Array(page.utf8), url: nil, encoding: "UTF-8")
        let selector = try XCTUnwrap(CSSSelector(css))
        return selector.select(in: document).map { $0.textContent }
    }

    func testTypeClassAndID() throws {
        XCTAssertEqual(try texts("p.lede"), ["A", "D"])
        XCTAssertEqual(try texts("#main .lede"), ["A"])
        XCTAssertEqual(try texts("div.story.wide > p"), ["A"])
    }

    func testAttributes() throws {
        XCTAssertEqual(try texts("p[data-x]"), ["C"])
        XCTAssertEqual(try texts("p[data-x=\"y\"]"), ["C"])
        XCTAssertEqual(try texts("div[class^=bo] p"), ["B", "C"])
    }

    func testListsJoinInDocumentOrder() throws {
        XCTAssertEqual(try texts(".body p, #main > .lede"), ["A", "B", "C"])
    }

    func testUnsupportedSyntaxIsRejected() {
        XCTAssertNil(CSSSelector("p[data-x"))
        XCTAssertNil(CSSSelector(""))
    }
}
