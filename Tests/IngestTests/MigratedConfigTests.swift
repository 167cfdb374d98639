import Foundation
import Ingest
import SiteConfig
import XCTest

/// Hugo's and Jekyll's config files read as a site's config when it has no `site.yml`.
final class MigratedConfigTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("migrated-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    private func read(_ name: String, _ text: String) throws -> MigratedConfig? {
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return try MigratedConfig.read(site: folder)
    }

    func testAFolderWithoutAConfigFileHasNone() throws {
        XCTAssertNil(try MigratedConfig.read(site: folder))
    }

    func testAJekyllConfigWritesExtensionlessPathsAsFilesAndAHugoOneAsFolders() throws {
        XCTAssertEqual(try read("_config.yml", "permalink: \":title\"\n")?.config.extensionlessPathsAreFiles, true)
        XCTAssertEqual(try read("config.toml", "title = \"T\"\n")?.config.extensionlessPathsAreFiles, false)
    }

    func testAHugoConfigWithoutTaxonomiesHasHugosOwn() throws {
        let migrated = try XCTUnwrap(try read("config.toml", "title = \"T\"\nbaseURL = \"https://t.example/\"\n"))
        let paths = migrated.config.taxonomies
        XCTAssertEqual([paths.tag, paths.tagsIndex, paths.section, paths.category], ["tags", "tags", "section", "categories"])
        XCTAssertEqual(migrated.config.articlePermalink.pattern, "/:sections/:slug/")
        XCTAssertEqual(migrated.config.rssFile, "index.xml")
        XCTAssertTrue(migrated.config.permalinkDatesAsWritten, "Hugo's URLs show the date as written")
        XCTAssertTrue(migrated.config.firstPageAliases)
        XCTAssertEqual(migrated.config.language, "en")
        XCTAssertEqual(migrated.config.timeZone, TimeZone(identifier: "UTC"))
    }

    func testTheNoteNamesTheKeysReadAndIgnored() throws {
        let migrated = try XCTUnwrap(try read("hugo.yaml", "title: T\ntheme: ananke\nparams:\n  x: 1\n"))
        let note = try XCTUnwrap(migrated.diagnostics.first)
        XCTAssertEqual(migrated.diagnostics.count, 1, "no ignored key changes URLs")
        XCTAssertEqual(note.path, "hugo.yaml")
        XCTAssertEqual(note.code, MigratedConfig.code)
        XCTAssertEqual(note.severity, .note)
        XCTAssertTrue(note.message.hasPrefix("no site.yml: read title from hugo.yaml; ignored params, theme"), note.message)
    }

    func testAHugoConfigWithoutAZoneReadsDatesInUTCWhateverItsLanguage() throws {
        let migrated = try XCTUnwrap(try read("hugo.toml", "title = \"T\"\nlanguageCode = \"vi\"\n"))
        XCTAssertEqual(migrated.config.language, "vi")
        XCTAssertEqual(migrated.config.timeZone, TimeZone(identifier: "UTC"), "as Hugo reads them")
        XCTAssertTrue(migrated.config.timeZoneIsSet)
    }

    func testHugosNestedPermalinksTablesAreReadLikeTheFlatOne() throws {
        let migrated = try XCTUnwrap(try read("hugo.toml", """
            title = "T"
            [permalinks.page]
              posts = "/:year/:slug/"
            [permalinks.section]
              posts = "/news/"
            """))
        XCTAssertEqual(migrated.config.sectionPermalinks.mapValues(\.pattern), ["posts": "/:year/:slug/"])
        XCTAssertEqual(migrated.diagnostics.map(\.location), ["hugo.toml", "hugo.toml:4:1"], "at [permalinks.section]")
        XCTAssertTrue(migrated.diagnostics[1].message.hasPrefix("'permalinks.section' is not read"), migrated.diagnostics[1].message)
    }

    func testAHugoConfigLowercasesPathsUnlessDisablePathToLower() throws {
        XCTAssertEqual(try XCTUnwrap(try read("hugo.toml", "title = \"T\"\n")).config.slugifyPaths, .lower)
        XCTAssertEqual(try XCTUnwrap(try read("hugo.toml", "disablePathToLower = true\n")).config.slugifyPaths, .safe)
        XCTAssertEqual(try XCTUnwrap(try read("hugo.toml", "title = \"T\"\n")).config.slugifyTaxonomies, .lower, "as Hugo makes a term's path")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("hugo.toml"))
        XCTAssertEqual(try XCTUnwrap(try read("_config.yml", "title: T\n")).config.slugifyPaths, .safe, "Jekyll keeps a slug's case")
    }

    func testAnIgnoredKeyThatChangesURLsIsAWarningAtItsLine() throws {
        let migrated = try XCTUnwrap(try read("hugo.toml", "title = \"T\"\npaginatePath = \"p\"\ntheme = \"x\"\n"))
        XCTAssertEqual(migrated.diagnostics.map(\.severity), [.note, .warning])
        let warning = migrated.diagnostics[1]
        XCTAssertEqual([warning.location, warning.code], ["hugo.toml:2:1", MigratedConfig.urlsCode])
        XCTAssertTrue(warning.message.hasPrefix("'paginatepath' is not read"), warning.message)
        XCTAssertTrue(try XCTUnwrap(try read("hugo.toml", "uglyURLs = true\n")).config.uglyURLs)
        XCTAssertEqual(try XCTUnwrap(try read("hugo.toml", "uglyURLs = false\n")).diagnostics.map(\.severity), [.note], "Hugo's default is no warning")
    }

    func testJekyllsURLAndBaseURLMakeTheBaseURL() throws {
        let migrated = try XCTUnwrap(try read("_config.yml", "url: https://j.example\nbaseurl: /blog\nlang: vi\nexcerpt_separator: <!--cut-->\n"))
        XCTAssertEqual(migrated.config.excerptSeparator, "<!--cut-->")
        XCTAssertEqual(migrated.config.baseURL, "https://j.example/blog/")
        XCTAssertEqual(migrated.config.articlePermalink.pattern, "date", "Jekyll's default style")
        XCTAssertEqual(migrated.config.timeZone.identifier, "Asia/Ho_Chi_Minh", "the language's zone")
    }

    func testHugosConfigIsReadBeforeJekyllsAndAnUnknownZoneIsAnErrorAtItsLine() throws {
        try "title: J\n".write(to: folder.appendingPathComponent("_config.yml"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try read("hugo.toml", "title = \"H\"\ntimeZone = \"Mars/Olympus\"\n")) { error in
            let error = error as! ConfigError
            XCTAssertEqual([error.path, "\(error.line)"], ["hugo.toml", "2"])
        }
    }
}
