import Templating
import XCTest

/// Compile errors name the template, the line and column of the offending tag, and show the line.
final class TemplateErrorTests: XCTestCase {
    private func compileError(_ source: String, name: String = "page") -> TemplateError? {
        do {
            _ = try TemplateLibrary(sources: [name: source])
            return nil
        } catch {
            return error
        }
    }

    func testUnclosedSectionPointsAtItsOpeningTag() throws {
        let error = try XCTUnwrap(compileError("<ul>\n  {{#items}}\n  <li>{{.}}</li>\n</ul>\n"))
        XCTAssertEqual([error.line, error.column], [2, 3])
        XCTAssertEqual(error.message, "unclosed section 'items': no closing tag")
    }

    func testSectionsNestedTooDeepAreAnErrorNotACrash() throws {
        let source = String(repeating: "{{#a}}", count: 10_000) + "x" + String(repeating: "{{/a}}", count: 10_000)
        let error = try XCTUnwrap(compileError(source))
        XCTAssertEqual([error.line, error.column], [1, 601])
        XCTAssertEqual(error.message, "sections nested more than 100 deep")
        XCTAssertNil(compileError(String(repeating: "{{#a}}", count: 100) + String(repeating: "{{/a}}", count: 100)))
    }

    func testMismatchedClosingTagPointsAtTheClosingTag() throws {
        let error = try XCTUnwrap(compileError("{{#article}}\n<h1>{{title}}</h1>\n{{/articles}}\n"))
        XCTAssertEqual([error.line, error.column], [3, 1])
        XCTAssertEqual(error.message, "closing tag 'articles' does not match 'article', opened at line 1, column 1")
    }

    func testClosingTagWithoutOpenSectionIsAnError() throws {
        let error = try XCTUnwrap(compileError("<p>{{name}}</p> {{/name}}"))
        XCTAssertEqual([error.line, error.column], [1, 17])
        XCTAssertEqual(error.message, "closing tag 'name' has no open section")
    }

    func testUnclosedParentPointsAtItsTag() throws {
        let error = try XCTUnwrap(compileError("{{<base}}\n{{$content}}x{{/content}}\n"))
        XCTAssertEqual([error.line, error.column], [1, 1])
        XCTAssertEqual(error.message, "unclosed parent 'base': no closing tag")
    }

    func testUnknownFilterPointsAtTheFilterName() throws {
        let error = try XCTUnwrap(compileError("<time>\n<p>{{ date | fancy }}</p>"))
        XCTAssertEqual([error.line, error.column], [2, 14])
        XCTAssertEqual(error.message, "unknown filter 'fancy'")
    }

    func testUnknownFilterLaterInAChainPointsAtThatFilter() throws {
        let error = try XCTUnwrap(compileError("{{ title | upper | shout }}"))
        XCTAssertEqual([error.line, error.column], [1, 20])
    }

    func testWrongArgumentCountForAFilterIsAnError() throws {
        let error = try XCTUnwrap(compileError("{{ summary | truncate }}"))
        XCTAssertEqual([error.line, error.column], [1, 14])
        XCTAssertEqual(error.message, "filter 'truncate' takes 1 to 2 arguments, not 0")
    }

    func testUnterminatedStringArgumentIsAnError() throws {
        let error = try XCTUnwrap(compileError("{{ date | date: \"dd/MM }}"))
        XCTAssertEqual([error.line, error.column], [1, 17])
        XCTAssertEqual(error.message, "unterminated string argument")
    }

    func testBadDelimitersPointAtTheTag() throws {
        let error = try XCTUnwrap(compileError("<p>\n  {{=<% =}}\n</p>"))
        XCTAssertEqual([error.line, error.column], [2, 3])
        XCTAssertTrue(error.message.hasPrefix("bad delimiters"))
    }

    func testDelimitersContainingAnEqualsSignAreRejected() throws {
        let error = try XCTUnwrap(compileError("{{=<= =>=}}"))
        XCTAssertEqual([error.line, error.column], [1, 1])
    }

    func testUnclosedTagPointsAtItsOpening() throws {
        let error = try XCTUnwrap(compileError("<a href=\"{{url\">x</a>"))
        XCTAssertEqual([error.line, error.column], [1, 10])
        XCTAssertEqual(error.message, "unclosed tag: no '}}' after this opening")
    }

    func testUnknownLoopVariableIsAnError() throws {
        let error = try XCTUnwrap(compileError("{{#items}}{{@position}}{{/items}}"))
        XCTAssertEqual([error.line, error.column], [1, 13])
    }

    func testColumnsCountCharactersNotBytes() throws {
        let error = try XCTUnwrap(compileError("Tiếng Việt {{#mục}}"))
        XCTAssertEqual([error.line, error.column], [1, 12])
    }

    func testErrorInAPartialNamesThePartial() throws {
        do {
            _ = try TemplateLibrary(sources: ["page": "{{> partials/header}}", "partials/header": "\n{{#nav}}"])
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(error.templateName, "partials/header")
            XCTAssertEqual([error.line, error.column], [2, 1])
        }
    }

    func testDescriptionShowsTheLineAndACaretUnderTheColumn() throws {
        let error = try XCTUnwrap(compileError("<h1>\n\t<p>{{ title | shout }}</p>", name: "article"))
        XCTAssertEqual(
            error.description,
            "article:2:16: error: unknown filter 'shout'\n\t<p>{{ title | shout }}</p>\n\t" + String(repeating: " ", count: 14) + "^")
    }
}
