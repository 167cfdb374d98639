import XCTest
@testable import Ingest

final class DOMNodeAccessTests: XCTestCase {
    private let page = """
        <html><body><div id="root"><section id="a"><p id="a1">one</p><p id="a2">two <b id="a2b">bold</b></p></section>
        text<section id="b"><img id="b1"><span id="b2"> </span></section></div></body></html>
        """

    /// Walking back from the end meets every element in reverse document order, so the first that
    /// passes is the last in document order, as `descendants("*").reversed().first(where:)` finds it.
    func testLastDescendantIsTheLastInDocumentOrder() throws {
        let document = try HTMLDocument(bytes: Array(page.utf8), url: nil, encoding: "UTF-8")
        let root = try XCTUnwrap(document.root?.firstDescendant { $0.attribute("id") == "root" })
        var visited: [String] = []
        XCTAssertNil(root.lastDescendant { visited.append($0.attribute("id") ?? "?"); return false })
        XCTAssertEqual(visited, root.descendants("*").reversed().map { $0.attribute("id") ?? "?" })
        XCTAssertEqual(visited, ["b2", "b1", "b", "a2b", "a2", "a1", "a"])
        let withText = root.lastDescendant { !TextMeasure.isBlank(node: $0) }
        XCTAssertEqual(withText?.attribute("id"), "a2b")
        XCTAssertTrue(root.hasDescendant(in: ["img"]))
        XCTAssertFalse(root.hasDescendant(in: ["video", "table"]))
    }
}
