@testable import Build
import Foundation
import Infrastructure
import TestSupport
import XCTest

final class BuildTests: XCTestCase {
    private var site: FixtureSite!

    override func setUpWithError() throws {
        site = try FixtureSite(copying: "valid")
    }

    override func tearDown() {
        site.remove()
    }

    /// What a preview server does on every save: the same `Build` value run again in one process.
    func testOneBuildValueRunTwiceWritesTheSameSite() throws {
        let build = Build(BuildOptions(site: site.root, useCache: false))
        let first = try build.run()
        let firstFiles = try outputBytes()
        let second = try build.run()
        XCTAssertEqual(first.articles, 3)
        XCTAssertEqual(second.articles, first.articles)
        XCTAssertEqual(second.diagnostics, first.diagnostics)
        XCTAssertEqual(try outputBytes(), firstFiles)
        XCTAssertGreaterThan(firstFiles.count, 30)
    }

    func testASecondRunWithTheCacheWritesNothing() throws {
        let build = Build(BuildOptions(site: site.root))
        _ = try build.run()
        let again = try build.run()
        XCTAssertEqual(again.written, 0)
        XCTAssertEqual(again.articles, 3)
    }

    /// The stamp covers `Templates/` and Jekyll's `_includes/` as well as the content: a file
    /// added there, or one changed in place, makes the next build go through its phases again,
    /// where a build with nothing to do stops before any.
    func testATemplateOrIncludeAddedOrChangedIsNotANoOp() throws {
        let build = Build(BuildOptions(site: site.root))
        _ = try build.run()
        XCTAssertEqual(try build.run().timings.phases.count, 0)
        for (path, text) in [("Templates/extra.mustache", "<p>{{title}}</p>\n"), ("Templates/extra.mustache", "<p>{{title}}!</p>\n"),
                             ("_includes/note.html", "<aside>a</aside>\n"), ("_includes/note.html", "<aside>b</aside>\n")] {
            try site.write(path, text)
            XCTAssertGreaterThan(try build.run().timings.phases.count, 0, path)
            XCTAssertEqual(try build.run().timings.phases.count, 0, path)
        }
    }

    func testAFirstBuildListsEveryFileItWroteAsChanged() throws {
        let summary = try Build(BuildOptions(site: site.root)).run()
        XCTAssertEqual(summary.changedFiles, site.outputFiles().filter { $0 != OutputWriter.marker })
    }

    func testAnEditedArticleListsOnlyTheFilesWhoseBytesChanged() throws {
        let build = Build(BuildOptions(site: site.root))
        _ = try build.run()
        let before = try outputBytes()
        let article = "Content/thoi-su/2021-11-30-chuyen-doi-so.md"
        let source = try String(contentsOf: site.root.appendingPathComponent(article), encoding: .utf8)
        try site.write(article, source.replacingOccurrences(of: "Phiên họp thứ nhất.", with: "Phiên họp thứ hai."))
        let summary = try build.run()
        let after = try outputBytes()
        XCTAssertEqual(summary.changedFiles, after.keys.filter { before[$0] != after[$0] }.sorted())
        XCTAssertTrue(summary.changedFiles.contains("2021/11/30/chuyen-doi-so/index.html"), "\(summary.changedFiles)")
        XCTAssertEqual(try build.run().changedFiles, [], "nothing changed since")
    }

    /// The graph is saved on another thread while the pages render: it is on disk, whole, and
    /// the manifest's, when the build returns.
    func testAFullBuildReturnsWithItsGraphSavedBesideItsManifest() throws {
        let cache = site.root.appendingPathComponent(".broadsheet/cache")
        let build = Build(BuildOptions(site: site.root))
        _ = try build.run()
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        XCTAssertEqual(Set(names.map { String($0.prefix { $0 != "-" }) }), ["files", "graph", "manifest", "output"], "\(names)")
        let graph = try XCTUnwrap(GraphCache.load(site: site.root, output: build.options.output))
        XCTAssertEqual(graph.graph.articles.count, 3)
        XCTAssertEqual(graph.state, BuildManifest.load(site: site.root, output: build.options.output)?.inputs)
    }

    func testForgettingTheCacheRemovesWhatItKeptForThatOutput() throws {
        let cache = site.root.appendingPathComponent(".broadsheet/cache")
        let build = Build(BuildOptions(site: site.root))
        _ = try build.run()
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: cache.path).isEmpty)
        build.forgetCache()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache.path), [])
    }

    func testCheckReportsWhatABuildReportsAndWritesNothing() throws {
        try site.write("Content/thoi-su/hong.md", "---\ntitle: Hỏng\ndate: 2021-11-30\ntags: [a, b\n---\nThân.\n")
        let options = BuildOptions(site: site.root, useCache: false)
        let checked = try Build(options).check()
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path), "check wrote the output folder")
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".broadsheet").path), "check wrote a cache")
        let built = try Build(options).run()
        XCTAssertEqual(checked.diagnostics, built.diagnostics)
        XCTAssertEqual(checked.articles, built.articles)
        XCTAssertEqual(checked.diagnostics.map(\.code), ["taxonomy.spellings", "front-matter.syntax"])
    }

    func testCheckAndBuildReportTheSameOnEveryKindOfProblem() throws {
        let problems = try FixtureSite(copying: "invalid/every-check")
        defer { problems.remove() }
        let options = BuildOptions(site: problems.root, useCache: false)
        let checked = try Build(options).check()
        let built = try Build(options).run()
        XCTAssertEqual(checked.diagnostics, built.diagnostics)
        XCTAssertEqual(Set(checked.diagnostics.map(\.code)), ["link.unresolved", "link.anchor", "image.missing", "url.duplicate", "url.taken",
                                                             "article.no-title", "article.no-date", "alias.taken", "alias.outside-site"])
        XCTAssertEqual([checked.articles, checked.pages], [built.articles, built.pages])
    }

    func testAnUnusableThemeStopsTheBuildWithThePositionOfTheProblem() throws {
        try site.write("Templates/article.mustache", "<h1>{{title}}</h1>\n{{#tags}}\n")
        XCTAssertThrowsError(try Build(BuildOptions(site: site.root, useCache: false)).run()) { error in
            let diagnostics = (error as? BuildError)?.diagnostics ?? []
            XCTAssertEqual(diagnostics.map(\.location), ["Templates/article.mustache:2:1"])
            XCTAssertEqual(diagnostics.map(\.code), ["template.syntax"])
        }
    }

    func testAFolderThatIsNoSiteIsAnError() throws {
        let nowhere = site.root.appendingPathComponent("no-such-site")
        XCTAssertThrowsError(try Build(BuildOptions(site: nowhere, output: site.root.appendingPathComponent("Out"))).run()) { error in
            XCTAssertEqual((error as? BuildError)?.diagnostics.map(\.code), ["site.missing"])
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: nowhere.path), "nothing written for a site that is not there")
    }

    func testArticlesLeftOutForTheirFutureDateAreSaidOnce() throws {
        let summary = try Build(BuildOptions(site: site.root, now: 0, useCache: false)).run()
        XCTAssertEqual(summary.articles, 0)
        XCTAssertEqual(summary.diagnostics.filter { $0.code == "content.future" }.map(\.path), ["SOURCE_DATE_EPOCH"])
    }

    func testAPageLargerThanTheLimitIsReportedAndNotRead() throws {
        try site.write("site.yml", "title: Báo Thử\nbaseURL: https://example.org/\nlimits:\n  fileSize: 2000\n")
        try site.write("Content/thoi-su/lon.md", "---\ntitle: Lớn\ndate: 2021-11-30\n---\n" + String(repeating: "chữ ", count: 1000))
        let summary = try Build(BuildOptions(site: site.root, useCache: false)).run()
        XCTAssertEqual(summary.diagnostics.filter { $0.code == "limit.file-size" }.map(\.path), ["Content/thoi-su/lon.md"])
        XCTAssertEqual(summary.articles, 3)
    }

    private func outputBytes() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in site.outputFiles() { files[path] = try Data(contentsOf: site.output.appendingPathComponent(path)) }
        return files
    }
}
