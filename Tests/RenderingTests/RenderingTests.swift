import Foundation
import Ingest
@testable import Rendering
import SiteConfig
import XCTest

final class PaginationTests: XCTestCase {
    func testEveryItemIsOnExactlyOnePage() {
        let pages = Pagination.pages(count: 23, pageSize: 10)
        XCTAssertEqual(pages.map(\.range), [0..<10, 10..<20, 20..<23])
        XCTAssertEqual(pages.map(\.total), [3, 3, 3])
        XCTAssertEqual(pages.map(\.current), [1, 2, 3])
    }

    func testAnEmptyListHasOnePage() {
        XCTAssertEqual(Pagination.pages(count: 0, pageSize: 10).map(\.range), [0..<0])
    }

    func testALongListLinksTheEndsAndTheNeighboursWithGaps() {
        let pages = Pagination.pages(count: 10_000, pageSize: 20)
        XCTAssertEqual(pages[7].window, [1, nil, 6, 7, 8, 9, 10, nil, 500])
        XCTAssertEqual(pages[0].window, [1, 2, 3, nil, 500])
        XCTAssertEqual(pages[499].window, [1, nil, 498, 499, 500])
        // No gap stands for a single number: 1 2 3 4 5 6 7 is shown whole around page 4.
        XCTAssertEqual(Pagination.pages(count: 140, pageSize: 20)[3].window, [1, 2, 3, 4, 5, 6, 7])
    }
}

final class FeedTextTests: XCTestCase {
    func testXMLEscapingKeepsTextAndDropsForbiddenControls() {
        XCTAssertEqual(XMLText.escape("Tôm & cá <b>\"x\"</b> 'y'\u{1}\tz"),
                       "Tôm &amp; cá &lt;b&gt;&quot;x&quot;&lt;/b&gt; &apos;y&apos;\tz")
    }

    func testJSONWriterNestsAndEscapesForScript() {
        var json = JSONWriter()
        json.object { object in
            object.field("a", "</script> \"Hà Nội\"\n\u{2028}\u{1}")
            object.field("skipped", nil)
            object.key("list")
            object.array { list in
                list.number(1)
                list.object { $0.field("b", "c") }
                list.string("d")
            }
            object.field("tags", strings: [])
        }
        XCTAssertEqual(json.text, #"{"a":"\u003c/script\u003e \"Hà Nội\"\n\u2028\u0001","list":[1,{"b":"c"},"d"],"tags":[]}"#)
    }
}

final class RoutesTests: XCTestCase {
    func testLaterPagesLiveBelowTheFirst() {
        XCTAssertEqual(Routes.page(1, of: "tag/x/"), "tag/x/")
        XCTAssertEqual(Routes.page(3, of: "tag/x/"), "tag/x/page/3/")
        XCTAssertEqual(Routes.page(2, of: ""), "page/2/")
    }

    func testFolderPathsAreWrittenAsIndexFiles() {
        XCTAssertEqual(Routes.file(for: ""), "index.html")
        XCTAssertEqual(Routes.file(for: "2021/11/30/slug/"), "2021/11/30/slug/index.html")
        XCTAssertEqual(Routes.file(for: "old/page.html"), "old/page.html")
    }
}

final class OutputWriterTests: XCTestCase {
    func testCommitSwapsTheNewSiteIn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: output.appendingPathComponent("old.html"))
        let writer = try OutputWriter(output: output)
        try writer.write(Array("new".utf8), to: "a/b/index.html")
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("old.html").path),
                      "the old site stays whole until the commit")
        try writer.commit()
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("a/b/index.html"), encoding: .utf8), "new")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("old.html").path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["Output"])
    }

    func testDiscardLeavesTheOldSite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: output.appendingPathComponent("old.html"))
        let writer = try OutputWriter(output: output)
        try writer.write(Array("new".utf8), to: "new.html")
        writer.discard()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output.path), ["old.html"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["Output"])
    }
}

final class ThemeTests: XCTestCase {
    /// The binary carries the repository's `Templates/`; `make theme` regenerates the copy.
    func testBuiltInThemeMatchesTheTemplatesFolder() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Templates")
        let onDisk = try Theme.load(folder: folder)
        let builtIn = try Theme.builtIn()
        XCTAssertEqual(builtIn.templates, onDisk.templates, "run `make theme` after editing Templates/")
        XCTAssertEqual(builtIn.assets, onDisk.assets, "run `make theme` after editing Templates/")
        XCTAssertEqual(builtIn.strings, onDisk.strings, "run `make theme` after editing Templates/")
        XCTAssertNotNil(builtIn.templates["article"])
        XCTAssertNotNil(builtIn.templates["list"])
        XCTAssertNotNil(builtIn.templates["tags"])
    }

    func testUIStringsAreReadPerLanguage() throws {
        let theme = try Theme(files: ["i18n/vi.yml": Array("home: Trang chủ\n".utf8), "i18n/en.yml": Array("home: Home\n".utf8)])
        XCTAssertEqual(theme.strings["vi"]?["home"], "Trang chủ")
        XCTAssertEqual(theme.strings["en"]?["home"], "Home")
    }

    func testBrokenUIStringsNameTheirFileAndLine() {
        XCTAssertThrowsError(try Theme(files: ["i18n/vi.yml": Array("a: b\nc: [d\n".utf8)])) { error in
            XCTAssertTrue("\(error)".hasPrefix("i18n/vi.yml:3:"), "\(error)")
        }
    }
}

final class XMLTextTests: XCTestCase {
    func testEscapesMarkupAndDropsControlCharacters() {
        XCTAssertEqual(XMLText.escape("Q&A <b> \"x\" 'y'\u{1}"), "Q&amp;A &lt;b&gt; &quot;x&quot; &apos;y&apos;")
    }
}

final class AbsoluteURLTests: XCTestCase {
    func testURLsBecomeAbsoluteForReadersOutsideTheSite() {
        let routes = Routes(config: SiteConfig(baseURL: "https://example.org/mirror/"))
        XCTAssertEqual(routes.absolute("/mirror/images/a.png"), "https://example.org/mirror/images/a.png")
        XCTAssertEqual(routes.absolute("/static/a.png"), "https://example.org/static/a.png")
        XCTAssertEqual(routes.absolute("//cdn.example.net/a.png"), "//cdn.example.net/a.png")
        XCTAssertEqual(routes.absolute("https://other.example/a.png"), "https://other.example/a.png")
        XCTAssertEqual(routes.absolute("images/a.png"), "https://example.org/mirror/images/a.png")
    }
}

final class BuildManifestTests: XCTestCase {
    func testTheWrittenManifestReadsBackWhole() throws {
        var manifest = BuildManifest()
        manifest.inputs = .max
        manifest.output = "/tmp/Out \"put\""
        manifest.articles = 3
        manifest.files["a/index.html"] = .init(source: 1, bytes: .max - 1)
        manifest.files["Hà Nội/index.html"] = .init(source: 0, bytes: 42)
        manifest.issues = ["a/index.html": [.init(kind: "missingVariable", name: "x", template: "list", line: 3, column: 7)]]
        manifest.contentDiagnostics = [Diagnostic(path: "Content/a.md", line: 2, column: 1, severity: .warning, message: "m")]
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        let output = URL(fileURLWithPath: manifest.output)
        manifest.save(site: site, output: output)
        let summary = try XCTUnwrap(BuildManifest.load(site: site, output: output))
        XCTAssertEqual(summary.files.count, 0, "a build with nothing to do does not read the file records")
        let read = try XCTUnwrap(summary.loadingFiles(site: site, output: output))
        XCTAssertEqual(read.inputs, .max)
        XCTAssertEqual(read.output, manifest.output)
        XCTAssertEqual(read.articles, 3)
        XCTAssertEqual(read.binary, manifest.binary)
        XCTAssertEqual(read.files["a/index.html"]?.bytes, .max - 1)
        XCTAssertEqual(read.files["Hà Nội/index.html"]?.bytes, 42)
        XCTAssertEqual(read.files.count, 2)
        XCTAssertNil(read.files["b/index.html"])
        XCTAssertEqual(read.issues["a/index.html"], manifest.issues["a/index.html"])
        XCTAssertEqual(read.contentDiagnostics, manifest.contentDiagnostics)
    }
}
