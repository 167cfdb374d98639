import Foundation
import Ingest
import XCTest

final class MarkdownReaderTests: XCTestCase {
    private let reader = MarkdownReader(timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)

    private func body(_ markdown: String) -> String {
        reader.read(Array(("---\ntitle: t\n---\n" + markdown).utf8), path: "a.md").bodyHTML
    }

    func testTablesRender() {
        XCTAssertTrue(body("| a | b |\n|---|---|\n| 1 | 2 |\n").contains("<table>"))
    }

    func testStrikethroughRenders() {
        XCTAssertTrue(body("~~cũ~~ mới\n").contains("<del>cũ</del>"))
    }

    func testAutolinksRender() {
        XCTAssertTrue(body("Xem https://example.org ngay.\n").contains("<a href=\"https://example.org\">"))
    }

    func testTaskListsRender() {
        XCTAssertTrue(body("- [x] xong\n- [ ] chưa\n").contains("type=\"checkbox\""))
    }

    func testFootnotesRender() {
        let html = body("Câu[^1].\n\n[^1]: Chú thích.\n")
        XCTAssertTrue(html.contains("footnote"), html)
        XCTAssertTrue(html.contains("Chú thích."))
    }

    func testScriptTagsAreFilteredAsGitHubDoes() {
        XCTAssertFalse(body("<script>alert(1)</script>\n").contains("<script>"))
    }

    func testReferencesKeepTheirFilePosition() {
        let document = reader.read(Array("---\ntitle: t\n---\nMột dòng.\n\nXem [bài](../kinh-te/b.md) và ![ảnh](a.png).\n".utf8), path: "x/a.md")
        XCTAssertEqual(document.references.map(\.target), ["../kinh-te/b.md", "a.png"])
        XCTAssertEqual(document.references.first?.line, 6)
        XCTAssertEqual(document.references.first?.column, 5)
    }

    func testSummaryIsTheTextBeforeMore() {
        let document = reader.read(Array("---\ntitle: t\n---\nMở đầu.\n\nTiếp.\n\n<!--more-->\n\nSau.\n".utf8), path: "a.md")
        XCTAssertEqual(document.summary, "Mở đầu. Tiếp.")
    }

    func testSummaryFallsBackToTheFirstParagraph() {
        let document = reader.read(Array("---\ntitle: t\n---\n# Tiêu đề\n\nĐoạn **đầu**.\n\nĐoạn hai.\n".utf8), path: "a.md")
        XCTAssertEqual(document.summary, "Đoạn đầu.")
    }

    func testBytesThatAreNotUTF8AreReadInTheLegacyEncodingWithAWarningOnTheirLine() {
        var bytes = Array("---\ntitle: t\n---\nok\n".utf8)
        bytes += [0xE9, 0x28, 0x0A]
        let document = reader.read(bytes, path: "a.md")
        XCTAssertEqual(document.diagnostics.map(\.line), [5])
        XCTAssertEqual(document.diagnostics.map(\.severity), [.warning])
        XCTAssertTrue(document.bodyHTML.contains("é("), document.bodyHTML)
    }

    func testWindowsLineEndingsAreRead() {
        let document = reader.read(Array("---\r\ntitle: Tựa\r\n---\r\nThân bài.\r\n".utf8), path: "a.md")
        XCTAssertEqual(document.title, "Tựa")
        XCTAssertTrue(document.bodyHTML.contains("Thân bài."))
    }
}
