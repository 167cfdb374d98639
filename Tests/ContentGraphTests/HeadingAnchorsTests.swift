import ContentGraph
import XCTest

final class HeadingAnchorsTests: XCTestCase {
    private func anchored(_ html: String) -> HeadingAnchors {
        HeadingAnchors(Array(html.utf8))
    }

    func testHeadingsGetIdsFromTheirText() {
        let anchors = anchored("<h2>Giá xăng</h2><p>x</p><h3 class=\"a\">Chi tiết</h3>")
        XCTAssertEqual(String(decoding: anchors.html, as: UTF8.self), "<h2 id=\"gia-xang\">Giá xăng</h2><p>x</p><h3 id=\"chi-tiet\" class=\"a\">Chi tiết</h3>")
        XCTAssertEqual(anchors.entries.map(\.level), [2, 3])
    }

    func testRepeatedHeadingsAreNumberedFromTwo() {
        let body = String(repeating: "<h2>Cùng một tiêu đề</h2><p>x</p>", count: 20_000)
        let ids = anchored(body).entries.map(\.id)
        XCTAssertEqual(ids.count, 20_000)
        XCTAssertEqual(Set(ids).count, 20_000)
        XCTAssertEqual(Array(ids.prefix(3)), ["cung-mot-tieu-de", "cung-mot-tieu-de-2", "cung-mot-tieu-de-3"])
        XCTAssertEqual(ids.last, "cung-mot-tieu-de-20000")
    }

    func testANumberAlreadyTakenIsSkipped() {
        let ids = anchored("<p id=\"muc-2\"></p><h2>Mục</h2><h2>Mục</h2><h2>Mục</h2>").entries.map(\.id)
        XCTAssertEqual(ids, ["muc", "muc-3", "muc-4"])
    }

    /// Ids written anywhere are found among prose with `=` signs and spaces, at the body's start and end.
    func testWrittenIdsAreFoundAmongProse() {
        let body = "<p id=\"first\">x = y and z=w, a \"quote\"</p><a id=\"one\">a</a> text <h2 id=\"given\">G</h2><h2>New</h2><b id=\"last\"></b>"
        XCTAssertEqual(HeadingAnchors.anchors(in: Array(body.utf8)), ["first", "one", "given", "new", "last"])
        XCTAssertEqual(anchored(body).entries.map(\.id), ["given", "new"])
    }
}
