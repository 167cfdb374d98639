@testable import Templating
import XCTest

final class TemplateValueUnsharedTests: XCTestCase {
    func testACopySharesNoStorageAndRendersTheSame() throws {
        let long = String(repeating: "Thời sự ", count: 8)
        let value: TemplateValue = ["title": .string(long), "body": .html("<p>\(long)</p>"), "count": 3,
                                    "sections": [["name": .string(long), "current": true]], "none": nil]
        let copy = value.unshared()
        let library = try TemplateLibrary(sources: ["page": "{{title}}|{{{body}}}|{{count}}|{{#sections}}{{name}}{{current}}{{/sections}}|{{none}}"])
        XCTAssertEqual(library.render("page", copy), library.render("page", value))
        guard case .object(let original) = value, case .object(let copied) = copy,
              case .string(let originalTitle) = original["title"], case .string(let copiedTitle) = copied["title"] else {
            return XCTFail("the copy is an object with a string title")
        }
        XCTAssertNotEqual(PartialMemo.identity(of: original), PartialMemo.identity(of: copied))
        let storage = { (text: String) in text.utf8.withContiguousStorageIfAvailable { $0.baseAddress } ?? nil }
        XCTAssertNotNil(storage(originalTitle))
        XCTAssertNotEqual(storage(originalTitle), storage(copiedTitle))
        // A body held as bytes is copied too.
        let bytes = Array("<p>\(long)</p>".utf8)
        guard case .htmlBytes(let copiedBytes) = TemplateValue.htmlBytes(bytes).unshared() else { return XCTFail("bytes stay bytes") }
        XCTAssertEqual(copiedBytes, bytes)
        XCTAssertNotEqual(bytes.withUnsafeBufferPointer(\.baseAddress), copiedBytes.withUnsafeBufferPointer(\.baseAddress))
    }
}
