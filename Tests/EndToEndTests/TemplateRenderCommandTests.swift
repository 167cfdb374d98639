import Foundation
import TestSupport
import XCTest

/// The official Mustache spec run through `broadsheet template render`, one process per test:
/// conformance checked from outside the library, as a theme author would see it.
final class TemplateRenderCommandTests: XCTestCase {
    private static var specFolder: URL? { SharedFolder.url("mustache-spec") }

    private func runSpec(_ name: String) throws {
        guard let folder = Self.specFolder else {
            throw XCTSkip("Mustache spec not found: set BROADSHEET_SHARED or put shared/mustache-spec beside the repository")
        }
        let spec = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name))) as! [String: Any]
        let tests = spec["tests"] as! [[String: Any]]
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("spec-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        var passed = 0
        for (number, test) in tests.enumerated() {
            let folder = work.appendingPathComponent("\(number)")
            let partials = folder.appendingPathComponent("partials")
            try FileManager.default.createDirectory(at: partials, withIntermediateDirectories: true)
            try Data((test["template"] as! String).utf8).write(to: folder.appendingPathComponent("template.mustache"))
            try JSONSerialization.data(withJSONObject: test["data"]!, options: .fragmentsAllowed)
                .write(to: folder.appendingPathComponent("data.json"))
            for (partial, source) in test["partials"] as? [String: String] ?? [:] {
                try Data(source.utf8).write(to: partials.appendingPathComponent(partial + ".mustache"))
            }
            let result = try Broadsheet.run(["template", "render", "template.mustache", "--data", "data.json", "--partials", "partials"],
                                            in: folder)
            let expected = test["expected"] as! String
            if result.status == 0 && result.stdout == expected {
                passed += 1
            } else {
                XCTFail("\(name): \(test["name"]!): got \(result.stdout.debugDescription), expected \(expected.debugDescription) \(result.stderr)")
            }
        }
        print("template render, spec \(name): \(passed) of \(tests.count) passed")
    }

    func testCommentsSpec() throws { try runSpec("comments.json") }
    func testDelimitersSpec() throws { try runSpec("delimiters.json") }
    func testInterpolationSpec() throws { try runSpec("interpolation.json") }
    func testInvertedSpec() throws { try runSpec("inverted.json") }
    func testPartialsSpec() throws { try runSpec("partials.json") }
    func testSectionsSpec() throws { try runSpec("sections.json") }
    func testInheritanceSpec() throws { try runSpec("~inheritance.json") }
    func testDynamicNamesSpec() throws { try runSpec("~dynamic-names.json") }

    func testCompileErrorsPointAtTheTemplateFile() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("t.mustache", "<p>\n{{#items}}\n  {{name}}\n")
        try site.write("d.json", "{}")
        let result = try site.run(["template", "render", "t.mustache", "--data", "d.json"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix("t.mustache:2:1: error:"), result.stderr)
    }
}
