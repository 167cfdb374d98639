import Foundation
@testable import Preview
import TestSupport
import XCTest

/// Saves rebuild the site through the watcher, and open pages hear of it: the pages that changed
/// reload, stylesheets swap in place, and a failed build shows over the page while the last good
/// site stays served.
final class LiveReloadTests: XCTestCase {
    private var preview: PreviewedSite!
    private let article = "Content/thoi-su/2021-11-30-chuyen-doi-so.md"
    private let articlePage = "/2021/11/30/chuyen-doi-so/index.html"

    override func setUp() async throws {
        preview = try await PreviewedSite(withTheme: true)
    }

    override func tearDown() async throws {
        try await preview?.stop()
    }

    private func edit(_ path: String, _ change: (String) -> String) throws {
        let url = preview.site.root.appendingPathComponent(path)
        try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: false, encoding: .utf8)
    }

    func testEditingAnArticleReloadsItsPageAndServesTheNewText() throws {
        let events = try preview.events()
        try edit(article) { $0.replacingOccurrences(of: "Phiên họp thứ nhất.", with: "Phiên họp thứ hai.") }
        let reload = try events.next("reload")
        XCTAssertTrue(reload.data.contains("\"all\":false"), reload.data)
        XCTAssertTrue(reload.data.contains("\"\(articlePage)\""), reload.data)
        XCTAssertFalse(reload.data.contains("\"/tags/index.html\""), "only pages whose bytes changed: \(reload.data)")
        XCTAssertTrue(try preview.request("/2021/11/30/chuyen-doi-so/").text.contains("Phiên họp thứ hai."))
        let line = try XCTUnwrap(preview.log.last { $0.hasPrefix("rebuilt") })
        XCTAssertTrue(line.hasPrefix("rebuilt after \(article) in "), line)
        XCTAssertTrue(line.contains(" ms: ") && line.contains("written"), line)
    }

    func testAnEditorsWriteThenRenameIsOneRebuild() throws {
        let events = try preview.events()
        let target = preview.site.root.appendingPathComponent(article)
        let source = try String(contentsOf: target, encoding: .utf8)
        // Several saves in a burst, the last as vim and many editors save: a new file renamed over the old.
        for round in 1...4 { try (source + "\nLần \(round).\n").write(to: target, atomically: false, encoding: .utf8) }
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".chuyen-doi-so.md.tmp")
        try (source + "\nLần cuối.\n").write(to: temporary, atomically: false, encoding: .utf8)
        XCTAssertEqual(rename(temporary.path, target.path), 0)
        _ = try events.next("reload")
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertEqual(preview.log.filter { $0.hasPrefix("rebuilt") }.count, 1, "\(preview.log)")
        XCTAssertTrue(try preview.request(articlePage).text.contains("Lần cuối."))
    }

    func testAFolderCreatedWhileServingIsWatched() throws {
        let events = try preview.events()
        try preview.site.write("Content/moi/bai.md", "---\ntitle: Bài mới\ndate: 2021-12-01\n---\nBản đầu.\n")
        _ = try events.next("reload")
        XCTAssertTrue(try preview.request("/2021/12/01/bai/").text.contains("Bản đầu."))
        try preview.site.write("Content/moi/bai.md", "---\ntitle: Bài mới\ndate: 2021-12-01\n---\nBản sau.\n")
        let reload = try events.next("reload")
        XCTAssertTrue(reload.data.contains("/2021/12/01/bai/index.html"), reload.data)
        XCTAssertTrue(try preview.request("/2021/12/01/bai/").text.contains("Bản sau."))
    }

    func testAStylesheetChangeSwapsStylesheetsWithoutAReload() throws {
        let events = try preview.events()
        try edit("Templates/assets/style.css") { $0 + "\n.live-reload-test { color: red; }\n" }
        let swap = try events.next("stylesheets")
        XCTAssertEqual(swap.data, "{\"all\":false,\"paths\":[\"/assets/style.css\"]}")
        XCTAssertTrue(try preview.request("/assets/style.css").text.contains(".live-reload-test"))
    }

    func testABrokenTemplateShowsItsErrorOverThePagesWhileTheLastGoodSiteIsServed() throws {
        let events = try preview.events()
        let before = try preview.request(articlePage).text
        let original = try String(contentsOf: preview.site.root.appendingPathComponent("Templates/article.mustache"), encoding: .utf8)
        try edit("Templates/article.mustache") { $0.replacingOccurrences(of: "{{/article}}", with: "{{/bai}}") }
        let failure = try events.next("failed")
        XCTAssertTrue(failure.data.contains("\"location\":\"Templates/article.mustache:"), failure.data)
        XCTAssertTrue(failure.data.contains("\"source\":\"{{/bai}}\""), "the line it points at: \(failure.data)")
        let served = try preview.request(articlePage)
        XCTAssertEqual(served.status, 200)
        XCTAssertEqual(served.text, before, "the last good page is still served")
        XCTAssertTrue(preview.log.contains { $0.contains("the build failed; the last good site is still served") }, "\(preview.log)")

        let latecomer = try preview.events()
        XCTAssertEqual(try latecomer.next("failed").data, failure.data, "a page opened now shows the overlay at once")

        try original.write(to: preview.site.root.appendingPathComponent("Templates/article.mustache"), atomically: false, encoding: .utf8)
        _ = try events.next("recovered")
        let reload = try events.next("reload")
        XCTAssertTrue(reload.data.contains("\"all\":true"), "a theme change reloads every page: \(reload.data)")
    }

    func testASiteThatCannotBeBuiltAtStartIsServedAPageShowingWhy() async throws {
        let broken = try await PreviewedSite(withTheme: true) { site in
            let template = site.root.appendingPathComponent("Templates/article.mustache")
            try String(contentsOf: template, encoding: .utf8).replacingOccurrences(of: "{{/article}}", with: "{{/bai}}")
                .write(to: template, atomically: false, encoding: .utf8)
        }
        addTeardownBlock { try await broken.stop() }
        let home = try broken.request("/")
        XCTAssertEqual(home.status, 404)
        XCTAssertTrue(home.text.contains(ReloadScript.path), "the server's own page carries the script")
        let failure = try broken.events().next("failed")
        XCTAssertTrue(failure.data.contains("\"location\":\"Templates/article.mustache:"), failure.data)
        XCTAssertTrue(failure.data.contains("\"source\":\"{{/bai}}\""), failure.data)
    }
}
