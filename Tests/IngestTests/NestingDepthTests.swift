@testable import Ingest
import XCTest

/// libxml2 stops parsing where elements nest deeper than it allows: the rest of such a page is
/// lost, and the reader must say so, at the line where it happened.
final class NestingDepthTests: XCTestCase {
    private func page(depth: Int, withScript: Bool) -> [UInt8] {
        let lead = String(repeating: "Đoạn mở đầu đủ dài để là một đoạn văn của bài báo. ", count: 5)
        return Array("""
        <html><head><title>Sâu</title>\(withScript ? "<script>\nvar a = 1;\nvar b = 2;\n</script>" : "")
        <meta property="article:published_time" content="2021-11-30T22:58:00+07:00"></head>
        <body><article><h1>Sâu</h1>
        <p>\(lead)</p>
        \(String(repeating: "<div>", count: depth))<p>trong</p>\(String(repeating: "</div>", count: depth))
        <p>Phần sau cùng của bài.</p></article></body></html>
        """.utf8)
    }

    private func read(_ bytes: [UInt8]) -> SourceDocument {
        ScrapedPageReader(timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!).extract(bytes, path: "sau.html", pageURL: nil).document
    }

    func testAPageNestedPastTheLimitIsReportedAtItsLine() {
        for withScript in [false, true] {
            let document = read(page(depth: HTMLDocument.depthLimit + 20, withScript: withScript))
            let reported = document.diagnostics.filter { $0.code == "page.too-deep" }
            XCTAssertEqual(reported.count, 1, "\(document.diagnostics)")
            // The script's lines are counted: the line is the page's own, not the stripped copy's.
            XCTAssertEqual(reported.first?.line, withScript ? 8 : 5, "\(reported)")
            XCTAssertFalse(document.bodyHTML.contains("Phần sau cùng"), "the parser did stop there")
        }
    }

    func testAPageWithinTheLimitIsReadWholeAndNotReported() {
        let document = read(page(depth: 200, withScript: true))
        XCTAssertFalse(document.diagnostics.contains { $0.code == "page.too-deep" }, "\(document.diagnostics)")
        XCTAssertTrue(document.bodyHTML.contains("Phần sau cùng"), document.bodyHTML)
    }
}

/// The same limit met by a Markdown body's raw HTML, which the sanitizer parses.
final class MarkdownNestingDepthTests: XCTestCase {
    func testRawHTMLNestedPastTheLimitIsReportedAtTheBody() {
        let depth = HTMLDocument.depthLimit + 20
        let source = "---\ntitle: Sâu\ndate: 2021-11-30\n---\nĐầu bài.\n\n"
            + String(repeating: "<div>", count: depth) + "trong" + String(repeating: "</div>", count: depth) + "\n\nCuối bài.\n"
        let document = MarkdownReader(timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!).read(Array(source.utf8), path: "sau.md")
        let reported = document.diagnostics.filter { $0.code == "markup.too-deep" }
        XCTAssertEqual(reported.map(\.line), [5], "\(document.diagnostics)")
        XCTAssertTrue(document.bodyHTML.contains("Đầu bài"))
    }

    func testRawHTMLWithinTheLimitIsNotReported() {
        let source = "---\ntitle: Nông\ndate: 2021-11-30\n---\n<div><div>trong</div></div>\n\nCuối bài.\n"
        let document = MarkdownReader(timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!).read(Array(source.utf8), path: "nong.md")
        XCTAssertEqual(document.diagnostics.filter { $0.code == "markup.too-deep" }, [])
        XCTAssertTrue(document.bodyHTML.contains("Cuối bài"))
    }
}
