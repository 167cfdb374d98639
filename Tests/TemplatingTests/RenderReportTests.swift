import Templating
import XCTest

/// What rendering could not resolve is recorded, with where, and the page still renders.
final class RenderReportTests: XCTestCase {
    func testMissingVariableRendersEmptyAndIsReportedWithItsPosition() throws {
        let (text, report) = try render("<h1>\n  {{title}}|{{subtitle}}</h1>", ["title": "A"])
        XCTAssertEqual(text, "<h1>\n  A|</h1>")
        XCTAssertEqual(report.issues, [.init(kind: .missingVariable, name: "subtitle", templateName: "page", line: 2, column: 13)])
    }

    func testMissingSectionNameIsReportedAsASection() throws {
        let (text, report) = try render("{{#updated}}changed{{/updated}}")
        XCTAssertEqual(text, "")
        XCTAssertEqual(report.issues.map(\.kind), [.missingSection])
    }

    func testBrokenDottedNameIsReportedWholeAsWritten() throws {
        let (_, report) = try render("{{article.section.name}}", ["article": [:]])
        XCTAssertEqual(report.issues.map(\.name), ["article.section.name"])
    }

    func testNullValueIsNotMissing() throws {
        let (text, report) = try render("[{{image}}]", ["image": nil])
        XCTAssertEqual(text, "[]")
        XCTAssertTrue(report.isEmpty)
    }

    func testUnknownPartialRendersEmptyAndIsReported() throws {
        let (text, report) = try render("a{{> partials/nav}}b")
        XCTAssertEqual(text, "ab")
        XCTAssertEqual(report.issues, [.init(kind: .unknownPartial, name: "partials/nav", templateName: "page", line: 1, column: 2)])
    }

    func testUnknownParentRendersEmptyAndIsReported() throws {
        let (text, report) = try render("{{<base}}{{$content}}x{{/content}}{{/base}}")
        XCTAssertEqual(text, "")
        XCTAssertEqual(report.issues.map(\.kind), [.unknownParent])
    }

    func testUnknownDynamicPartialReportsTheResolvedName() throws {
        let (_, report) = try render("{{>*kind}}", ["kind": "video"])
        XCTAssertEqual(report.issues.map(\.name), ["video"])
    }

    func testIssueInAPartialNamesThePartial() throws {
        let (_, report) = try render("\n{{> card}}", partials: ["card": "x {{missing}}"])
        XCTAssertEqual(report.issues, [.init(kind: .missingVariable, name: "missing", templateName: "card", line: 1, column: 3)])
    }

    func testSameMissingNameInALoopIsReportedOnce() throws {
        let (_, report) = try render("{{#items}}{{label}}{{/items}}", ["items": [[:], [:], [:]]])
        XCTAssertEqual(report.issues.count, 1)
    }

    func testDefaultFilterKeepsAMissingNameOutOfTheReport() throws {
        let (text, report) = try render("{{ byline | default: \"Staff\" }}")
        XCTAssertEqual(text, "Staff")
        XCTAssertTrue(report.isEmpty)
    }

    func testUnknownTemplateNameIsReported() throws {
        let library = try TemplateLibrary(sources: [:])
        var buffer: [UInt8] = []
        var report = RenderReport()
        library.render("home", [:], into: &buffer, report: &report)
        XCTAssertEqual(report.issues.map(\.kind), [.unknownTemplate])
        XCTAssertFalse(library.contains("home"))
    }

    func testPartialIncludingItselfStopsAtTheDepthLimit() throws {
        let (text, report) = try render("{{> loop}}", partials: ["loop": "x{{> loop}}"])
        XCTAssertEqual(text, String(repeating: "x", count: TemplateLibrary.maximumDepth))
        XCTAssertEqual(report.issues.map(\.kind), [.recursionLimit])
    }

    func testAPartialIncludingItselfTwiceStopsAtTheExpansionLimit() throws {
        // Each level doubles the work: without a bound on expansions, 100 levels never finish.
        let (text, report) = try render("{{> twice}}", partials: ["twice": "x{{> twice}}{{> twice}}"])
        XCTAssertEqual(text.count, TemplateLibrary.maximumExpansions)
        XCTAssertEqual(Set(report.issues.map(\.kind)), [.recursionLimit])
    }

    func testLambdaReturningItselfStopsAtTheDepthLimit() throws {
        let lambda = TemplateLambda { text in "<{{#again}}" + text + "{{/again}}" }
        let (text, report) = try render("{{#again}}x{{/again}}", ["again": .lambda(lambda)])
        XCTAssertTrue(text.hasPrefix(String(repeating: "<", count: TemplateLibrary.maximumDepth)))
        XCTAssertEqual(report.issues.map(\.kind), [.recursionLimit])
    }

    func testLambdaReturningABrokenTemplateIsReported() throws {
        let (text, report) = try render("a{{#broken}}x{{/broken}}b", ["broken": .lambda(TemplateLambda { _ in "{{#open}}" })])
        XCTAssertEqual(text, "ab")
        XCTAssertEqual(report.issues.map(\.kind), [.invalidLambdaResult])
    }

    func testIssueDescriptionReadsLikeACompilerMessage() {
        let issue = RenderReport.Issue(kind: .unknownPartial, name: "nav", templateName: "base", line: 3, column: 5)
        XCTAssertEqual(issue.description, "base:3:5: unknownPartial 'nav'")
    }
}
