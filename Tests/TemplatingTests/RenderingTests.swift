import Templating
import XCTest

/// Rendering behaviour the Mustache spec leaves open or does not cover.
final class RenderingTests: XCTestCase {
    func testHTMLValuesAreNeverEscaped() throws {
        XCTAssertEqual(try render("{{body}}", ["body": .html("<p>A &amp; B</p>")]).text, "<p>A &amp; B</p>")
    }

    func testEscapesTheFiveSpecialCharacters() throws {
        XCTAssertEqual(try render("{{s}}", ["s": "& < > \" '"]).text, "&amp; &lt; &gt; &quot; &#39;")
    }

    func testEscapingMatchesAByteByByteEscaperForEveryLengthAndPosition() throws {
        // The escaper tests eight bytes at a time: put each special at each offset of texts of many lengths.
        let library = try TemplateLibrary(sources: ["page": "{{s}}"])
        for length in 0..<40 {
            for position in 0..<max(1, length) {
                for special in ["&", "<", ">", "\"", "'", "é"] {
                    var characters = Array(repeating: "a", count: length)
                    if length > 0 { characters[position] = special }
                    let text = characters.joined()
                    let expected = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
                        .replacingOccurrences(of: "'", with: "&#39;")
                    XCTAssertEqual(String(decoding: library.render("page", ["s": .string(text)]), as: UTF8.self), expected)
                }
            }
        }
    }

    func testLoopPositionsNumberTheItemsOfAList() throws {
        let template = "{{#tags}}{{@index}}/{{@number}}:{{.}}{{#@first}}<{{/@first}}{{^@last}}, {{/@last}}{{/tags}}"
        XCTAssertEqual(try render(template, ["tags": ["a", "b", "c"]]).text, "0/1:a<, 1/2:b, 2/3:c")
    }

    func testLoopPositionsBelongToTheInnermostList() throws {
        let template = "{{#rows}}{{#cells}}{{@index}}{{/cells}}|{{@index}};{{/rows}}"
        XCTAssertEqual(try render(template, ["rows": [["cells": [1, 2]], ["cells": [3]]]]).text, "01|0;0|1;")
    }

    func testZeroEmptyTextAndNullAreFalsey() throws {
        let template = "{{^count}}none{{/count}}{{^text}}-{{/text}}{{^nothing}}-{{/nothing}}{{#one}}1{{/one}}"
        XCTAssertEqual(try render(template, ["count": 0, "text": "", "nothing": nil, "one": 1]).text, "none--1")
    }

    func testDatesRenderAsISO8601InTheirOwnOffset() throws {
        let date = TemplateDate(secondsSince1970: 1_638_287_880, utcOffsetSeconds: 7 * 3600)
        XCTAssertEqual(try render("{{d}}", ["d": .date(date)]).text, "2021-11-30T22:58:00+07:00")
    }

    func testNumbersRenderAsSwiftPrintsThem() throws {
        XCTAssertEqual(try render("{{i}} {{d}} {{w}}", ["i": 42, "d": .double(1.5), "w": .double(3)]).text, "42 1.5 3.0")
    }

    func testFiltersApplyToSections() throws {
        let template = "{{#articles | first}}{{title}}{{/articles}}|{{^articles | count}}empty{{/articles}}"
        XCTAssertEqual(try render(template, ["articles": [["title": "A"], ["title": "B"]]]).text, "A|")
    }

    func testFilterArgumentCanBeANameFromTheContext() throws {
        XCTAssertEqual(try render("{{ author | default: site.title }}", ["site": ["title": "Báo"]]).text, "Báo")
    }

    func testStandaloneBlockInALayoutIndentsItsContent() throws {
        let layout = "<main>\n  {{$content}}{{/content}}\n</main>\n"
        let page = "{{<layout}}\n{{$content}}\n<h1>{{title}}</h1>\n<p>x</p>\n{{/content}}\n{{/layout}}\n"
        XCTAssertEqual(
            try render(page, ["title": "T"], partials: ["layout": layout]).text, "<main>\n  <h1>T</h1>\n  <p>x</p>\n\n</main>\n")
    }

    func testLooksUpNamesInSmallAndLargeObjects() throws {
        // Objects of up to eight fields are scanned, larger ones hashed: both must find the same names.
        for size in [1, 8, 9, 40] {
            let fields = Dictionary(uniqueKeysWithValues: (0..<size).map { ("key\($0)", TemplateValue.int($0)) })
            let template = (0..<size).map { "{{key\($0)}}" }.joined(separator: ",") + "{{missing}}"
            XCTAssertEqual(try render(template, .object(fields)).text, (0..<size).map(String.init).joined(separator: ","))
        }
    }

    func testRenderAppendsToTheBuffer() throws {
        let library = try TemplateLibrary(sources: ["page": "b"])
        var buffer = Array("a".utf8)
        var report = RenderReport()
        library.render("page", [:], into: &buffer, report: &report)
        XCTAssertEqual(String(decoding: buffer, as: UTF8.self), "ab")
    }

    func testRenderingFromManyThreadsGivesTheSameBytes() async throws {
        let library = try TemplateLibrary(sources: [
            "page": "{{<base}}{{$main}}{{#items}}{{> item}}{{/items}}{{/main}}{{/base}}",
            "base": "<main>\n  {{$main}}{{/main}}\n</main>", "item": "<li>{{name}} {{ name | upper }}</li>\n",
        ])
        let context: TemplateValue = ["items": .list((0..<50).map { ["name": .string("n\($0) & <\($0)>")] })]
        let expected = library.render("page", context)
        let results = await withTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<64 { group.addTask { library.render("page", context) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(results.count, 64)
        XCTAssertTrue(results.allSatisfy { $0 == expected })
    }
}
