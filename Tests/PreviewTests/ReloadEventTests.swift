import Foundation
import Infrastructure
@testable import Preview
import XCTest

/// What open pages are told after a build, and how the script is put into pages.
final class ReloadEventTests: XCTestCase {
    func testAContentChangeNamesTheChangedPagesBelowTheBasePath() {
        let event = ReloadEvent.after(changedFiles: ["2021/index.html", "feed.xml"], sources: ["Content/a.md"], basePath: "/mirror/")
        XCTAssertEqual(event, .reload(all: false, paths: ["/mirror/2021/index.html", "/mirror/feed.xml"]))
        XCTAssertEqual(event?.message, "event: reload\ndata: {\"all\":false,\"paths\":[\"/mirror/2021/index.html\",\"/mirror/feed.xml\"]}\n\n")
    }

    func testOnlyStylesheetsChangedSwapsThem() {
        XCTAssertEqual(ReloadEvent.after(changedFiles: ["assets/style.css"], sources: ["Templates/assets/style.css"], basePath: "/"),
                       .stylesheets(paths: ["/assets/style.css"]))
    }

    func testATemplateOrConfigChangeReloadsEveryPage() {
        for source in ["Templates/base.mustache", "site.yml", ""] {
            XCTAssertEqual(ReloadEvent.after(changedFiles: ["a/index.html", "assets/style.css"], sources: [source], basePath: "/"),
                           .reload(all: true, paths: []), source)
        }
    }

    func testTooManyChangedFilesReloadEveryPage() {
        let files = (0...ReloadEvent.pathLimit).map { "p\($0)/index.html" }
        XCTAssertEqual(ReloadEvent.after(changedFiles: files, sources: ["Content/a.md"], basePath: "/"), .reload(all: true, paths: []))
    }

    func testNoChangedFileSendsNothing() {
        XCTAssertNil(ReloadEvent.after(changedFiles: [], sources: ["Content/a.md"], basePath: "/"))
    }

    func testTheScriptGoesBeforeTheLastClosingBodyTagInAnyCase() {
        let page = Array("<body><p>&lt;/body&gt;</p></BODY>\n</html>".utf8)
        let injected = String(decoding: ReloadScript.inject(into: page, sitePaths: ["/a \"b\"&c.html"]), as: UTF8.self)
        XCTAssertEqual(injected, "<body><p>&lt;/body&gt;</p><script src=\"/__broadsheet/reload.js\" "
            + "data-pages=\"[&quot;/a \\&quot;b\\&quot;&amp;c.html&quot;]\"></script></BODY>\n</html>")
    }

    func testAPageWithoutABodyTagGetsTheScriptAtItsEnd() {
        let injected = String(decoding: ReloadScript.inject(into: Array("<p>x".utf8), sitePaths: []), as: UTF8.self)
        XCTAssertEqual(injected, "<p>x<script src=\"/__broadsheet/reload.js\" data-pages=\"[]\"></script>")
    }

    func testTheOverlayQuotesTheLineADiagnosticPointsAt() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("overlay-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        try FileManager.default.createDirectory(at: site.appendingPathComponent("Templates"), withIntermediateDirectories: true)
        try "one\r\n  {{#broken}}\r\nthree\n".write(to: site.appendingPathComponent("Templates/a.mustache"), atomically: true, encoding: .utf8)
        let diagnostics = [
            Diagnostic(path: "Templates/a.mustache", line: 2, column: 3, severity: .error, code: "template.syntax", message: "unclosed"),
            Diagnostic(path: "Templates/gone.mustache", line: 1, column: 1, severity: .error, code: "x", message: "gone"),
            Diagnostic(path: "site.yml", severity: .error, code: "y", message: "whole file"),
        ]
        XCTAssertEqual(OverlayDiagnostic.read(diagnostics, site: site), [
            OverlayDiagnostic(location: "Templates/a.mustache:2:3", line: 2, column: 3, severity: "error", message: "unclosed",
                              source: "  {{#broken}}"),
            OverlayDiagnostic(location: "Templates/gone.mustache:1:1", line: 1, column: 1, severity: "error", message: "gone", source: nil),
            OverlayDiagnostic(location: "site.yml", line: 0, column: 0, severity: "error", message: "whole file", source: nil),
        ])
    }
}
