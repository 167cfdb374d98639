import Foundation
@testable import Ingest
import XCTest

/// kramdown attribute lists of a moved Jekyll site: applied to the heading or paragraph they
/// follow, never shown as text; only safe attributes are kept, the rest reported.
final class AttributeListTests: XCTestCase {
    private let reader = MarkdownReader(timeZone: TimeZone(identifier: "UTC")!)

    private func read(_ body: String) -> SourceDocument {
        reader.read(body: body)
    }

    func testAListOnTheLineAfterAHeadingIsAppliedToIt() {
        let document = read("## Giá xăng\n{: #gia .lead title=\"Giá & thuế\"}\n\nVăn bản.\n")
        XCTAssertTrue(document.bodyHTML.contains("<h2 id=\"gia\" title=\"Giá &amp; thuế\" class=\"lead\">Giá xăng</h2>"), document.bodyHTML)
        XCTAssertFalse(document.bodyHTML.contains("{:"), document.bodyHTML)
        XCTAssertEqual(document.messages("markup.attributes"), [])
    }

    func testAListOnTheLineAfterAParagraphIsAppliedToIt() {
        let document = read("Một đoạn *văn*.\n{:.note .wide}\n\nĐoạn khác.\n")
        XCTAssertTrue(document.bodyHTML.contains("<p class=\"note wide\">Một đoạn <em>văn</em>.</p>"), document.bodyHTML)
        XCTAssertTrue(document.bodyHTML.contains("<p>Đoạn khác.</p>"), document.bodyHTML)
        XCTAssertEqual(document.summary, "Một đoạn văn.")
    }

    func testAListOnTheLineBeforeAParagraphIsAppliedToIt() {
        let document = read("{: lang=\"en\"}\nIn English.\n")
        XCTAssertTrue(document.bodyHTML.contains("<p lang=\"en\">In English.</p>"), document.bodyHTML)
    }

    func testAHeadingsOwnIdIsTakenFromItsEnd() {
        let document = read("# Tiêu đề {#tieu-de}\n\n### Mục {: .x}\n\nText{#not-an-id}\n")
        XCTAssertTrue(document.bodyHTML.contains("<h1 id=\"tieu-de\">Tiêu đề</h1>"), document.bodyHTML)
        XCTAssertTrue(document.bodyHTML.contains("<h3 class=\"x\">Mục</h3>"), document.bodyHTML)
        XCTAssertTrue(document.bodyHTML.contains("<p>Text{#not-an-id}</p>"), document.bodyHTML)
        XCTAssertEqual(document.title, "t")
    }

    func testTheFirstHeadingMadeTitleHasNoList() {
        let document = reader.read(Array("# Tiêu đề {#td}\n\nVăn bản.\n".utf8), path: "bai.md")
        XCTAssertEqual(document.title, "Tiêu đề")
    }

    func testUnsafeAttributesAreDroppedAndReported() {
        let document = read("Đoạn.\n{: onclick=\"alert(1)\" style=\"background:url(x)\" data-x=\"1\" .ok}\n")
        XCTAssertTrue(document.bodyHTML.contains("<p class=\"ok\">Đoạn.</p>"), document.bodyHTML)
        XCTAssertFalse(document.bodyHTML.contains("alert"), document.bodyHTML)
        XCTAssertEqual(document.messages("markup.attributes"), ["6:1 kramdown attribute \"onclick\", \"style\", \"data-x\" not kept: only class, dir, id, lang, title are"])
    }

    func testAReferenceSuchAsTheTableOfContentsIsReportedAndRemoved() {
        let document = read("* TOC\n{:toc}\n")
        XCTAssertFalse(document.bodyHTML.contains("{:toc}"), document.bodyHTML)
        XCTAssertEqual(document.messages("markup.attributes"), ["6:1 kramdown attribute \"toc\" not kept: only class, dir, id, lang, title are"])
    }

    func testAListAloneAfterABlankLineIsReported() {
        let document = read("Đoạn.\n\n{: .x}\n")
        XCTAssertEqual(document.bodyHTML, "<p>Đoạn.</p>\n")
        XCTAssertEqual(document.messages("markup.attributes"), ["7:1 kramdown attribute list not applied: write it on the line after a heading or paragraph"])
    }

    func testBracesThatAreNoListStayText() {
        let document = read("Đoạn.\n{: \"unclosed}\n\nA {b} c.\n\n```json\n{: .x}\n```\n")
        XCTAssertTrue(document.bodyHTML.contains("{: &quot;unclosed}"), document.bodyHTML)
        XCTAssertTrue(document.bodyHTML.contains("<p>A {b} c.</p>"), document.bodyHTML)
        XCTAssertTrue(document.bodyHTML.contains("{: .x}"), document.bodyHTML)
    }

    func testASpanListAfterALinkIsRemovedAndReportedOnce() {
        let document = read("Xem [bài](https://a.example){:target=\"_blank\"} và [khác](https://b.example){:target=\"_blank\"}.\n")
        XCTAssertTrue(document.bodyHTML.contains("<a href=\"https://a.example\">bài</a> và <a href=\"https://b.example\">khác</a>."), document.bodyHTML)
        XCTAssertEqual(document.messages("markup.attributes"),
                       ["5:5 kramdown span attribute list {:target=\"_blank\"} not applied: only lists on headings and paragraphs are"])
    }
}
