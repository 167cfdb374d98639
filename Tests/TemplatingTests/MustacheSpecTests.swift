import Templating
import XCTest

/// The official Mustache spec, one test per file so results read per file.
final class MustacheSpecTests: XCTestCase {
    func testComments() throws { try runMustacheSpec("comments.json") }
    func testDelimiters() throws { try runMustacheSpec("delimiters.json") }
    func testInterpolation() throws { try runMustacheSpec("interpolation.json") }
    func testInverted() throws { try runMustacheSpec("inverted.json") }
    func testPartials() throws { try runMustacheSpec("partials.json") }
    func testSections() throws { try runMustacheSpec("sections.json") }
    func testInheritance() throws { try runMustacheSpec("~inheritance.json") }
    func testDynamicNames() throws { try runMustacheSpec("~dynamic-names.json") }
    func testLambdas() throws { try runMustacheSpec("~lambdas.json", lambdas: SpecLambdas.byTestName()) }
    /// Our own cases of what the spec states but does not test (`extra/README.md`).
    func testExtraIndentedPartialSection() throws { try runMustacheSpec("extra/indented-partial-section.json") }
}
