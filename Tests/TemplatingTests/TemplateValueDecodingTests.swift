import Foundation
import Templating
import XCTest

/// `TemplateValue` reads JSON as `broadsheet template render --data` needs.
final class TemplateValueDecodingTests: XCTestCase {
    func testDecodesEachJSONKind() throws {
        let json = #"{"s": "x", "i": 3, "whole": 2.0, "d": 1.5, "b": true, "n": null, "l": [1, "a"], "o": {"k": false}}"#
        let value = try JSONDecoder().decode(TemplateValue.self, from: Data(json.utf8))
        let text = try render("{{s}} {{i}} {{whole}} {{d}} {{b}} [{{n}}] {{#l}}{{.}};{{/l}} {{o.k}}", value).text
        XCTAssertEqual(text, "x 3 2 1.5 true [] 1;a; false")
    }
}
