import Foundation
import Templating
import TestSupport
import XCTest

/// One file of the official Mustache spec (or of `extra/`, same schema).
struct MustacheSpec: Decodable {
    struct Test: Decodable {
        let name: String
        let desc: String
        let data: TemplateValue
        let template: String
        let partials: [String: String]?
        let expected: String
    }

    let tests: [Test]

    /// The spec folder: `$BROADSHEET_SHARED/mustache-spec`, else the first `shared/mustache-spec`
    /// found walking up from this file (the repository sits beside `shared/`).
    static var folder: URL? { SharedFolder.url("mustache-spec") }

    /// Loads `file` (relative to the spec folder), or skips the calling test when it is absent.
    static func load(_ file: String) throws -> MustacheSpec {
        guard let folder, FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path) else {
            throw XCTSkip("Mustache spec not found: set BROADSHEET_SHARED or put shared/mustache-spec beside the repository")
        }
        let data = try Data(contentsOf: folder.appendingPathComponent(file))
        return try JSONDecoder().decode(MustacheSpec.self, from: data)
    }
}

/// Runs every test of one spec file and reports each failing test by name, then a tally.
func runMustacheSpec(
    _ file: String, lambdas: [String: TemplateLambda] = [:], file sourceFile: StaticString = #filePath,
    line: UInt = #line
) throws {
    let spec = try MustacheSpec.load(file)
    var passed = 0
    for test in spec.tests {
        var data = test.data
        var callsLambda = false
        if case .object(var fields) = data, fields["lambda"] != nil {
            callsLambda = true
            guard let lambda = lambdas[test.name] else {
                XCTFail("\(file): no Swift lambda for \"\(test.name)\"", file: sourceFile, line: line)
                continue
            }
            fields["lambda"] = .lambda(lambda)
            data = .object(fields)
        }
        var sources = test.partials ?? [:]
        let name = sources["template"] == nil ? "template" : "template (spec)"
        sources[name] = test.template
        do {
            let library = try TemplateLibrary(sources: sources)
            let output = String(decoding: library.render(name, data), as: UTF8.self)
            // Twice more through one memo of partials, as a site's pages share one: the same bytes each
            // time (a spec lambda may count its calls, so those tests are rendered once).
            let memo = PartialMemo()
            let memoized = (0..<(callsLambda ? 0 : 2)).map { _ -> String in
                var bytes: [UInt8] = []
                var report = RenderReport()
                library.render(name, data, into: &bytes, report: &report, memo: memo)
                return String(decoding: bytes, as: UTF8.self)
            }
            if output == test.expected, memoized.allSatisfy({ $0 == output }) {
                passed += 1
            } else {
                XCTFail(
                    "\(file): \"\(test.name)\" (\(test.desc))\n  template: \(test.template.debugDescription)\n"
                        + "  expected: \(test.expected.debugDescription)\n  rendered: \(output.debugDescription)"
                        + "\n  with a memo: \(memoized.map(\.debugDescription))",
                    file: sourceFile, line: line)
            }
        } catch {
            XCTFail("\(file): \"\(test.name)\" does not compile:\n\(error)", file: sourceFile, line: line)
        }
    }
    print("mustache spec \(file): \(passed) of \(spec.tests.count) passed")
}
