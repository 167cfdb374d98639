import Foundation
import Ingest
import XCTest

/// Jekyll's `{% include %}`: a file of `_includes/` as plain text; a missing one reported at its
/// line and left as written; nothing outside the site read.
final class JekyllIncludesTests: XCTestCase {
    private var site: URL!

    override func setUpWithError() throws {
        site = FileManager.default.temporaryDirectory.appendingPathComponent("includes-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(at: site.appendingPathComponent("Content/_includes/notes"), withIntermediateDirectories: true)
        try manager.createDirectory(at: site.appendingPathComponent("_includes"), withIntermediateDirectories: true)
        try manager.createDirectory(at: site.appendingPathComponent("Content/tin"), withIntermediateDirectories: true)
        try "<aside class=\"note\">Ghi chú {{ include.text }}</aside>\n".write(to: site.appendingPathComponent("Content/_includes/note.html"),
                                                                           atomically: true, encoding: .utf8)
        try "Lời cuối.\n".write(to: site.appendingPathComponent("Content/_includes/notes/end.md"), atomically: true, encoding: .utf8)
        try "Ở gốc.\n".write(to: site.appendingPathComponent("_includes/root.md"), atomically: true, encoding: .utf8)
        try "Bên cạnh.\n".write(to: site.appendingPathComponent("Content/tin/beside.md.txt"), atomically: true, encoding: .utf8)
        try "bí mật\n".write(to: site.deletingLastPathComponent().appendingPathComponent("\(site.lastPathComponent)-secret.txt"),
                              atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(atPath: site.appendingPathComponent("Content/_includes/leak.txt").path,
                                       withDestinationPath: site.deletingLastPathComponent().appendingPathComponent("\(site.lastPathComponent)-secret.txt").path)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: site.deletingLastPathComponent().appendingPathComponent("\(site.lastPathComponent)-secret.txt"))
        try FileManager.default.removeItem(at: site)
    }

    private func read(_ body: String, path: String = "tin/bai.md") -> SourceDocument {
        let reader = MarkdownReader(timeZone: TimeZone(identifier: "UTC")!,
                                    includes: JekyllIncludes(site: site, content: site.appendingPathComponent("Content")))
        return reader.read(body: body, path: path)
    }

    func testAnIncludeIsItsFileAsPlainText() {
        let document = read("Mở đầu.\n\n{% include note.html %}\n\n{% include notes/end.md %} {% include root.md %}\n")
        // A parameter the tag does not give prints nothing, as in Liquid.
        XCTAssertTrue(document.bodyHTML.contains("<aside class=\"note\">Ghi chú </aside>"), document.bodyHTML)
        XCTAssertTrue(document.bodyHTML.contains("<p>Lời cuối. Ở gốc.</p>"), document.bodyHTML)
        XCTAssertEqual(document.messages("markup.shortcode"), [])
    }

    func testAnIncludeRelativeReadsBesideThePage() {
        let document = read("{% include_relative beside.md.txt %}\n")
        XCTAssertTrue(document.bodyHTML.contains("<p>Bên cạnh.</p>"), document.bodyHTML)
    }

    func testParametersFillInTheIncludesVariables() throws {
        try "<iframe src=\"https://www.youtube.com/embed/{{include.id}}\" title=\"{{ include.title }}\"></iframe>\n"
            .write(to: site.appendingPathComponent("Content/_includes/youtube.html"), atomically: true, encoding: .utf8)
        let document = read("{% include youtube.html id=\"esG4gK-pieA\" title='Rodríguez' %}\n\n{% include note.html text=bare %}\n")
        XCTAssertTrue(document.bodyHTML.contains("src=\"https://www.youtube.com/embed/esG4gK-pieA\" title=\"Rodríguez\""), document.bodyHTML)
        XCTAssertTrue(document.bodyHTML.contains("Ghi chú bare</aside>"), document.bodyHTML)
        XCTAssertEqual(document.messages("markup.shortcode"), [])
    }

    func testOtherLiquidInAnIncludeIsReportedAndLeftAsWritten() throws {
        try "{% if include.caption %}<em>{{ include.caption }}</em>{% endif %}\n"
            .write(to: site.appendingPathComponent("Content/_includes/caption.html"), atomically: true, encoding: .utf8)
        let document = read("{% include caption.html caption=\"Ảnh\" %}\n")
        XCTAssertTrue(document.bodyHTML.contains("{% if include.caption %}<em>Ảnh</em>{% endif %}"), document.bodyHTML)
        XCTAssertEqual(document.messages("markup.shortcode"), ["5:1 include \"caption.html\": the Liquid in it is not run; it is left as written"])
    }

    func testAMissingIncludeIsReportedAtItsLineAndLeftAsWritten() {
        let document = read("Một.\n\nHai {% include nowhere.html %}\n")
        XCTAssertTrue(document.bodyHTML.contains("Hai {% include nowhere.html %}"), document.bodyHTML)
        XCTAssertEqual(document.messages("markup.shortcode"), ["7:5 include \"nowhere.html\" was not found in _includes/; it is left as written"])
    }

    func testNamesLeavingTheSiteAreRefused() {
        for name in ["../../etc/passwd", "/etc/passwd", "leak.txt", "notes/../note.html"] {
            let document = read("{% include \(name) %}\n")
            XCTAssertFalse(document.bodyHTML.contains("bí mật"), name)
            XCTAssertFalse(document.bodyHTML.contains("root:"), name)
            XCTAssertEqual(document.messages("markup.shortcode"),
                           ["5:1 include \"\(name)\" names a file outside the site's folders, which is not read; it is left as written"], name)
        }
    }

    func testLinesAfterAnIncludeKeepTheirPlaceInTheFile() throws {
        try "Một.\n\nHai.\n\nBa.\n".write(to: site.appendingPathComponent("Content/_includes/three.md"), atomically: true, encoding: .utf8)
        let document = read("{% include three.md %} {% include three.md %}\n\n[x](khac.md)\n\nĐoạn.\n\n{: .lost}\n")
        XCTAssertEqual(document.references.map(\.line), [7])
        XCTAssertEqual(document.diagnostics.filter { $0.code == "markup.attributes" }.map(\.line), [11])
    }
}
