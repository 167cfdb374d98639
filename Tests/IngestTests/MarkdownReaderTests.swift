import Foundation
import Ingest
import XCTest

final class MarkdownReaderTests: XCTestCase {
    private let reader = MarkdownReader(timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)

    private func body(_ markdown: String) -> String {
        reader.read(Array(("---\ntitle: t\n---\n" + markdown).utf8), path: "a.md").bodyHTML
    }

    func testAnImageAloneWithATitleIsAFigureWithItsCaption() {
        let figure = "![Cầu mới](cau.png \"Cây cầu nhìn từ bờ bắc & nam\")\n"
        // Without raw HTML the body is cmark's; with it, the sanitizer's: both keep the figure.
        for markdown in [figure, "<span>raw</span>\n\n" + figure] {
            XCTAssertTrue(body(markdown).contains("<figure><img src=\"cau.png\" alt=\"Cầu mới\" /><figcaption>Cây cầu nhìn từ bờ bắc &amp; nam</figcaption></figure>")
                          || body(markdown).contains("<figure><img src=\"cau.png\" alt=\"Cầu mới\"><figcaption>Cây cầu nhìn từ bờ bắc &amp; nam</figcaption></figure>"),
                          body(markdown))
        }
        XCTAssertEqual(body("![Cầu](cau.png)\n"), "<p><img src=\"cau.png\" alt=\"Cầu\" /></p>\n", "no title, no caption")
        XCTAssertTrue(body("Trong câu ![x](x.png \"t\") này.\n").contains("<p>Trong câu <img src=\"x.png\" alt=\"x\" title=\"t\" /> này.</p>"))
    }

    func testEveryImageAloneWithATitleInABodyIsAFigure() {
        XCTAssertEqual(body("![A](a.png \"Một\")\n\n![B](b.png)\n\n![C](c.png \"Ba\")\n"),
                       "<figure><img src=\"a.png\" alt=\"A\" /><figcaption>Một</figcaption></figure>\n"
                        + "<p><img src=\"b.png\" alt=\"B\" /></p>\n"
                        + "<figure><img src=\"c.png\" alt=\"C\" /><figcaption>Ba</figcaption></figure>\n")
    }

    func testTablesRender() {
        XCTAssertTrue(body("| a | b |\n|---|---|\n| 1 | 2 |\n").contains("<table>"))
    }

    func testAlignedTableCellsCarryAClassNotTheObsoleteAttribute() {
        let table = "| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n"
        // Without raw HTML the body is cmark's; with it, the sanitizer's: both must lose `align`.
        for markdown in [table, "<span>raw</span>\n\n" + table] {
            let html = body(markdown)
            XCTAssertFalse(html.contains("align="), html)
            for cell in ["<th class=\"align-left\">a</th>", "<th class=\"align-center\">b</th>", "<th class=\"align-right\">c</th>",
                         "<td class=\"align-left\">1</td>", "<td class=\"align-center\">2</td>", "<td class=\"align-right\">3</td>"] {
                XCTAssertTrue(html.contains(cell), "\(cell) in \(html)")
            }
        }
    }

    func testTablesThatCouldHoldMillionsOfCellsAreLeftAsTextWithAWarning() {
        let header = "|" + Array(repeating: "h", count: 1000).joined(separator: "|") + "|\n"
        let rule = "|" + Array(repeating: "-", count: 1000).joined(separator: "|") + "|\n"
        let document = reader.read(Array(("---\ntitle: t\n---\n" + header + rule + String(repeating: "x\n", count: 20_000)).utf8), path: "a.md")
        XCTAssertEqual(document.diagnostics.map(\.code), ["limit.table"])
        XCTAssertFalse(document.bodyHTML.contains("<table>"))
    }

    func testFencedCodeCarriesItsLanguageAsAClass() {
        XCTAssertTrue(body("```swift\nlet a = 1\n```\n").contains("<pre><code class=\"language-swift\"><span class=\"hl-k\">let</span> a"))
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

    func testAnHTMLPageWithFrontMatterIsHTMLSanitizedNotMarkdown() {
        let page = "---\ntitle: Contact\n---\n<div class=\"card\">\n\n    <p>Write to *us*</p><script>alert(1)</script>\n</div>\n{{ site.email }}\n"
        let document = reader.read(Array(page.utf8), path: "contact.html")
        XCTAssertEqual(document.title, "Contact")
        XCTAssertTrue(document.bodyHTML.contains("<p>Write to *us*</p>"), "an indented line is no code block: \(document.bodyHTML)")
        XCTAssertFalse(document.bodyHTML.contains("<script"), document.bodyHTML)
        XCTAssertEqual(document.messages("markup.shortcode"), ["8:1 Liquid output \"{{ site.email }}\" is not run; it is left as written"])
    }

    func testRawHTMLPassesTheSanitizerByDefault() {
        let vectors = ["<a href=\"&#106;avascript:alert(1)\">x</a>", "<object data=\"data:text/html,<script>alert(1)</script>\"></object>",
                       "<form action=\"javascript:alert(1)\"><input type=\"submit\"></form>",
                       "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">", "<SCRIPT>alert(1)</SCRIPT>",
                       "<img src=\"x.png\" onerror=\"alert(1)\">", "<a href=\"JaVa&#x09;Script:alert(1)\">y</a>",
                       "<iframe src=\"https://www.youtube.com.evil.example/embed/\"></iframe>", "<svg onload=\"alert(1)\"></svg>"]
        for vector in vectors {
            let html = body("Đoạn một.\n\n" + vector + "\n\nĐoạn hai.\n").lowercased()
            for bad in ["javascript", "onerror", "onload", "<script", "<form", "<object", "<meta", "data:text", "<iframe", "<svg"] {
                XCTAssertFalse(html.contains(bad), "\(vector) → \(html)")
            }
            XCTAssertTrue(html.contains("đoạn hai."), html)
        }
    }

    func testRawHTMLKeepsWhatCmarkWritesAroundIt() {
        let html = body("<span class=\"x\">raw</span>\n\n- [x] xong\n\nCâu[^1].\n\n| a |\n|--:|\n| 1 |\n\n```swift\nlet a = 1\n```\n\n[^1]: Chú thích.\n")
        for kept in ["<input type=\"checkbox\" checked=\"\" disabled=\"\" />", "data-footnote-ref", "class=\"footnotes\"",
                     "<td class=\"align-right\">1</td>", "class=\"language-swift\"", "<span class=\"x\">raw</span>"] {
            XCTAssertTrue(html.contains(kept), "\(kept) in \(html)")
        }
    }

    func testRawHTMLIsKeptAsWrittenWhenTheSiteSaysItIsSafe() {
        let unsafe = MarkdownReader(timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!, keepsUnsafeHTML: true)
        let html = unsafe.read(Array("---\ntitle: t\n---\n<div onclick=\"go()\">x</div>\n".utf8), path: "a.md").bodyHTML
        XCTAssertTrue(html.contains("onclick"), html)
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

    func testTheExcerptSeparatorIsTheSitesOrTheFilesOwn() {
        let body = "Mở đầu.\n\nTiếp.\n\n<!-- excerpt -->\n\nSau.\n"
        XCTAssertEqual(reader.read(Array("---\ntitle: t\n---\n\(body)".utf8), path: "a.md").summary, "Mở đầu.")
        var site = reader
        site.excerptSeparator = "<!-- excerpt -->"
        XCTAssertEqual(site.read(Array("---\ntitle: t\n---\n\(body)".utf8), path: "a.md").summary, "Mở đầu. Tiếp.")
        let own = "---\ntitle: t\nexcerpt_separator: \"<!-- excerpt -->\"\n---\n\(body)"
        XCTAssertEqual(reader.read(Array(own.utf8), path: "a.md").summary, "Mở đầu. Tiếp.")
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

    /// A file of plain UTF-8 goes to cmark-gfm as bytes past its front matter; the same file with
    /// CRLF line ends is read whole, as text. Both ways give the same document, whatever the file's
    /// front matter looks like (or where it fails to close).
    func testAFileReadAsBytesGivesWhatItGivesReadAsText() {
        let files = [
            "---\ntitle: Giá xăng\ndate: 30/11/2021 22:58\ntags: [a, b]\n---\n# Đầu\n\nNội dung [liên kết](/x/) {.lead}\n",
            "+++\ntitle = \"Tiêu đề\"\ndate = 2021-11-30\n+++\nThân bài | cột\n--- | ---\na | b\n",
            "---\ntitle: t\n...\nThân {{< param title >}} bài.\n",
            "----\ntitle: t\n---\nKhông có front matter.\n",
            "---\ntitle: t\n---x\n---\nBody.\n",
            "---\ntitle: t\ndate: 2021-11-30\n",
            "---\ntitle: 'a'\n--- \nBody {% raw %}x{% endraw %}.\n",
            "# Chỉ có tiêu đề\n\nVà thân bài.",
            "{\"title\": \"JSON\"}\nBody.\n",
            "---\ntitle: t\n---",
        ]
        for file in files {
            let plain = reader.read(Array(file.utf8), path: "thoi-su/a.md")
            let crlf = reader.read(Array(file.replacingOccurrences(of: "\n", with: "\r\n").utf8), path: "thoi-su/a.md")
            XCTAssertEqual(plain.title, crlf.title, file)
            XCTAssertEqual(plain.date, crlf.date, file)
            XCTAssertEqual(plain.tags, crlf.tags, file)
            XCTAssertEqual(plain.bodyHTML, crlf.bodyHTML, file)
            XCTAssertEqual(plain.references.map(\.line), crlf.references.map(\.line), file)
            XCTAssertEqual(plain.diagnostics.map(\.message), crlf.diagnostics.map(\.message), file)
            XCTAssertEqual(plain.diagnostics.map(\.line), crlf.diagnostics.map(\.line), file)
        }
        XCTAssertEqual(reader.read(Array(files[2].utf8), path: "a.md").bodyHTML, "<p>Thân t bài.</p>\n")
    }
}
