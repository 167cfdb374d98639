@testable import Templating
import XCTest

final class PartialMemoTests: XCTestCase {
    private let shared: TemplateValue = ["name": "shared", "section": ["name": "World"]]

    private func render(_ library: TemplateLibrary, _ data: TemplateValue, memo: PartialMemo) -> (String, RenderReport) {
        var bytes: [UInt8] = []
        var report = RenderReport()
        library.render("page", data, into: &bytes, report: &report, memo: memo)
        return (String(decoding: bytes, as: UTF8.self), report)
    }

    func testAnItemsPartialIsRenderedOnceForEveryListShowingIt() throws {
        let library = try TemplateLibrary(sources: ["page": "{{#items}}{{> card}}{{/items}}",
                                                    "card": "<{{name}}{{#section}} in {{name}}{{/section}}>"])
        let memo = PartialMemo()
        // Every item has every field the partial reads (a missing one would be looked for around the item).
        let first = render(library, ["items": [["name": "a", "section": nil], shared, ["name": "b", "section": nil]]], memo: memo)
        XCTAssertEqual(first.0, "<a><shared in World><b>")
        let kept = memo.count
        XCTAssertEqual(kept, 3)
        // The shared item, again in the middle of a list: served from the memo, the others rendered.
        let second = render(library, ["items": [["name": "c", "section": nil], shared, ["name": "d", "section": nil]]], memo: memo)
        XCTAssertEqual(second.0, "<c><shared in World><d>")
        XCTAssertEqual(memo.count, kept + 2)
    }

    func testAPartialReadingThePageAroundItIsRenderedForEachPage() throws {
        let library = try TemplateLibrary(sources: ["page": "{{#items}}{{> card}}{{/items}}", "card": "<{{name}} on {{site}}>"])
        let memo = PartialMemo()
        XCTAssertEqual(render(library, ["site": "one", "items": [shared]], memo: memo).0, "<shared on one>")
        XCTAssertEqual(render(library, ["site": "two", "items": [shared]], memo: memo).0, "<shared on two>")
        XCTAssertEqual(memo.count, 0)
    }

    func testPositionsMissingNamesAndLambdasKeepAPartialFromTheMemo() throws {
        let library = try TemplateLibrary(sources: [
            "page": "{{#items}}{{> index}}{{> missing}}{{> lambda}}{{/items}}",
            "index": "{{@index}}.", "missing": "[{{nothing}}]", "lambda": "{{call}}",
        ])
        let memo = PartialMemo()
        let item: TemplateValue = ["call": .lambda(TemplateLambda { _ in "λ" })]
        for _ in 0..<2 {
            let (output, report) = render(library, ["items": [item, item]], memo: memo)
            XCTAssertEqual(output, "0.[]λ1.[]λ")
            XCTAssertEqual(report.issues.map(\.name), ["nothing"], "each page reports its own missing names")
        }
        XCTAssertEqual(memo.count, 0)
    }

    func testFirstAndLastItemsAreKeptApart() throws {
        let library = try TemplateLibrary(sources: ["page": "{{#items}}{{> card}}{{/items}}",
                                                    "card": "{{name}}{{^@first}} lazy{{/@first}}{{#@last}}.{{/@last}};"])
        let memo = PartialMemo()
        XCTAssertEqual(render(library, ["items": [shared, shared, shared]], memo: memo).0, "shared;shared lazy;shared lazy.;")
        XCTAssertEqual(render(library, ["items": [shared]], memo: memo).0, "shared.;")
    }

    func testARenderThatDoesNotReadItsPlaceIsKeptOnceWhereverTheItemStands() throws {
        // Each item on a line of its own, as a theme's lists put their cards.
        let library = try TemplateLibrary(sources: ["page": "{{#items}}\n{{> card}}\n{{/items}}", "card": "<{{name}}>\n",
                                                    "lazy": "{{#items}}\n{{> lazyCard}}\n{{/items}}",
                                                    "lazyCard": "{{name}}{{^@first}} lazy{{/@first}}\n"])
        let memo = PartialMemo()
        let other: TemplateValue = ["name": "other"]
        XCTAssertEqual(render(library, ["items": [shared]], memo: memo).0, "<shared>\n")
        XCTAssertEqual(memo.count, 1)
        // First and last above, in the middle here: the same render.
        XCTAssertEqual(render(library, ["items": [other, shared, other]], memo: memo).0, "<other>\n<shared>\n<other>\n")
        XCTAssertEqual(memo.count, 2)
        // A render that reads `@first` only is kept for first and not first, whatever `@last` is.
        var bytes: [UInt8] = []
        var report = RenderReport()
        for items: [TemplateValue] in [[shared, other], [other, shared], [other, shared, other]] {
            library.render("lazy", ["items": .list(items)], into: &bytes, report: &report, memo: memo)
        }
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self),
                       "shared\nother lazy\nother\nshared lazy\nother\nshared lazy\nother lazy\n")
        XCTAssertEqual(memo.count, 2 + 4, "shared and other, each first and not first")
    }

    func testAWorkerCopyOfTheLibraryUsesTheRendersKeptByAnother() throws {
        let library = try TemplateLibrary(sources: ["page": "{{#items}}{{> card}}{{/items}}", "card": "<{{name}}>"])
        let memo = PartialMemo()
        XCTAssertEqual(render(library, ["items": [shared]], memo: memo).0, "<shared>")
        XCTAssertEqual(render(library.workerCopy(), ["items": [shared]], memo: memo).0, "<shared>")
        XCTAssertEqual(memo.count, 1, "the copy's tag is the same tag")
    }

    func testTagsOfOnePartialWithDifferentIndentationAreKeptApart() throws {
        let library = try TemplateLibrary(sources: [
            "page": "{{#items}}\n  {{> card}}\n{{/items}}{{#items}}[{{> card}}]{{/items}}{{#items}}\n{{> card}}\n{{/items}}",
            "card": "{{name}}\n{{name}}\n",
        ])
        let data: TemplateValue = ["items": [shared, shared]]
        let memo = PartialMemo()
        for _ in 0..<2 {
            XCTAssertEqual(render(library, data, memo: memo).0, String(decoding: library.render("page", data), as: UTF8.self))
        }
    }

    func testPartialsInALambdasTemplatesAreNotMistakenForEachOther() throws {
        // Each call compiles a new template, whose nodes may take the memory of the last one's.
        let library = try TemplateLibrary(sources: [
            "page": "{{#items}}{{#first}}{{/first}}{{#second}}{{/second}}{{/items}}", "one": "1{{name}}", "two": "2{{name}}",
        ])
        let item: TemplateValue = ["name": "x", "first": .lambda(TemplateLambda { _ in "{{> one}}" }),
                                   "second": .lambda(TemplateLambda { _ in "{{> two}}" })]
        let memo = PartialMemo()
        for _ in 0..<3 {
            XCTAssertEqual(render(library, ["items": [item, item]], memo: memo).0, "1x2x1x2x")
        }
    }

    // MARK: partials outside lists

    /// Renders `page` with and without the memo: the bytes and the report must be the same.
    private func renderBothWays(_ library: TemplateLibrary, _ data: TemplateValue, memo: PartialMemo,
                                file: StaticString = #filePath, line: UInt = #line) -> String {
        let (kept, report) = render(library, data, memo: memo)
        var bytes: [UInt8] = []
        var plainReport = RenderReport()
        library.render("page", data, into: &bytes, report: &plainReport)
        XCTAssertEqual(kept, String(decoding: bytes, as: UTF8.self), file: file, line: line)
        XCTAssertEqual(report, plainReport, file: file, line: line)
        return kept
    }

    func testAHeaderIsKeptOncePerValueOfWhatItReadsAroundIt() throws {
        let library = try TemplateLibrary(sources: [
            "page": "{{> header}}<main>{{title}}</main>",
            "header": "<nav>{{#nav}}<a{{#current}} aria-current{{/current}}>{{name}} ({{site.lang}})</a>{{/nav}}</nav>{{#isHome}}home{{/isHome}}",
        ])
        let site: TemplateValue = ["lang": "vi"]
        let plain: TemplateValue = [["name": "A", "current": false], ["name": "B", "current": false]]
        let inB: TemplateValue = [["name": "A", "current": false], ["name": "B", "current": true]]
        let memo = PartialMemo()
        for title in ["one", "two", "three"] {
            for (nav, isHome) in [(plain, true), (plain, false), (inB, false)] {
                let page = renderBothWays(library, ["site": site, "nav": nav, "isHome": .bool(isHome), "title": .string(title)], memo: memo)
                XCTAssertTrue(page.hasSuffix("<main>\(title)</main>"), page)
            }
        }
        XCTAssertEqual(memo.placedCount, 3, "one render per navigation and flag, whatever the page's own title")
        // The site's language changes: the names read inside the navigation's items from around them count too.
        let english = renderBothWays(library, ["site": ["lang": "en"], "nav": plain, "isHome": false, "title": "x"], memo: memo)
        XCTAssertTrue(english.contains("A (en)"), english)
    }

    func testObjectsAndListsAreTheSameOnlyWhenTheyAreTheSameStorage() throws {
        let library = try TemplateLibrary(sources: ["page": "{{> header}}", "header": "{{#nav}}{{name}};{{/nav}}{{#site}}{{name}}{{/site}}"])
        let memo = PartialMemo()
        let nav: TemplateValue = [["name": "A"]]
        XCTAssertEqual(renderBothWays(library, ["nav": nav, "site": ["name": "S"]], memo: memo), "A;S")
        // Equal content in new storage: rendered anew (and right), not mistaken for the kept one.
        XCTAssertEqual(renderBothWays(library, ["nav": [["name": "B"]], "site": ["name": "S"]], memo: memo), "B;S")
        XCTAssertEqual(renderBothWays(library, ["nav": nav, "site": ["name": "T"]], memo: memo), "A;T")
    }

    func testMissingNamesLambdasAndBlocksKeepAPartialOutsideListsFromTheMemo() throws {
        let library = try TemplateLibrary(sources: [
            "page": "{{> missing}}{{> lambda}}{{< parent}}{{$slot}}filled{{/slot}}{{/parent}}",
            "missing": "[{{nothing}}]", "lambda": "{{call}}", "parent": "({{> withBlock}})", "withBlock": "{{$slot}}default{{/slot}}",
        ])
        let memo = PartialMemo()
        let data: TemplateValue = ["call": .lambda(TemplateLambda { _ in "λ" })]
        for _ in 0..<3 {
            let (output, report) = render(library, data, memo: memo)
            XCTAssertEqual(output, "[]λ(filled)")
            XCTAssertEqual(report.issues.map(\.name), ["nothing"], "each page reports its own missing names")
        }
        XCTAssertEqual(memo.placedCount, 0)
    }

    func testAPartialSeldomReusedIsNoLongerKept() throws {
        let library = try TemplateLibrary(sources: ["page": "{{> byline}}", "byline": "by {{author}}"])
        let memo = PartialMemo()
        for number in 0..<200 {
            XCTAssertEqual(renderBothWays(library, ["author": .string("author \(number)")], memo: memo), "by author \(number)")
        }
        XCTAssertEqual(memo.placedCount, 0, "after 64 renders none of which stood in for another, none is kept")
    }

    func testAPartialOutsideListsAtDifferentIndentationsIsKeptApart() throws {
        let library = try TemplateLibrary(sources: ["page": "{{#wrap}}\n  {{> part}}\n{{/wrap}}[{{> part}}]\n{{> part}}\n", "part": "{{name}}\n{{name}}\n"])
        let memo = PartialMemo()
        for _ in 0..<3 {
            _ = renderBothWays(library, ["wrap": true, "name": "x"], memo: memo)
        }
        XCTAssertEqual(memo.placedCount, 3)
    }
}
