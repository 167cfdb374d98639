import Foundation
import TestSupport
import XCTest

/// After each kind of change, an incremental build must give exactly what a cold build gives,
/// and files whose bytes did not change must not be rewritten.
final class IncrementalBuildTests: XCTestCase {
    private var site: FixtureSite!

    override func setUpWithError() throws {
        site = try FixtureSite()
        try site.write("site.yml", "title: Báo Thử\nbaseURL: https://example.org/\npagination:\n  pageSize: 3\n")
        for number in 1...8 {
            try site.write("Content/\(number % 2 == 0 ? "thoi-su" : "kinh-te")/bai-\(number).md", """
            ---
            title: Bài \(number)
            date: 2021-11-\(10 + number)T08:00:00+07:00
            tags: [Tag \(number % 3), Chung]
            ---
            Thân bài \(number).
            """)
        }
        try site.write("Content/doc-lap/rieng.md", "---\ntitle: Riêng\ndate: 2020-01-01\ntags: [Riêng]\n---\nKhông liên quan.\n")
        XCTAssertEqual(try site.run(["build"]).status, 0)
    }

    override func tearDown() {
        site.remove()
    }

    private func tree(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.path + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: folder.appendingPathComponent(path))
            }
        }
        return files
    }

    private func inode(_ path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: site.output.appendingPathComponent(path).path)[.systemFileNumber] as! Int
    }

    /// Builds incrementally, then cold into another folder, and compares the two outputs. With
    /// `patched`, also checks whether the build read only the changed files (see `IncrementalBuild`).
    private func assertIncrementalEqualsCold(_ change: String, patched: Bool? = nil, file: StaticString = #filePath,
                                             line: UInt = #line) throws {
        let incremental = try site.run(["build", "--timings"])
        XCTAssertEqual(incremental.status, 0, incremental.stderr, file: file, line: line)
        if let patched {
            XCTAssertEqual(incremental.stderr.contains("read changes"), patched, "\(change): \(incremental.stderr)", file: file, line: line)
        }
        let cold = site.root.appendingPathComponent("Cold")
        try? FileManager.default.removeItem(at: cold)
        XCTAssertEqual(try site.run(["build", "--no-cache", "--output", cold.path]).status, 0, file: file, line: line)
        let (a, b) = (try tree(site.output), try tree(cold))
        XCTAssertEqual(a.keys.sorted(), b.keys.sorted(), "\(change): not the same files", file: file, line: line)
        for (path, bytes) in a where b[path] != bytes {
            XCTFail("\(change): \(path) differs from a cold build", file: file, line: line)
        }
    }

    func testNothingChangedWritesNothing() throws {
        let before = try inode("index.html")
        let result = try site.run(["build"])
        XCTAssertTrue(result.stdout.contains("0 files written"), result.stdout)
        XCTAssertEqual(try inode("index.html"), before)
    }

    func testArticleTextEdit() throws {
        let untouched = try inode("2020/01/01/rieng/index.html")
        try site.write("Content/kinh-te/bai-3.md", "---\ntitle: Bài 3\ndate: 2021-11-13T08:00:00+07:00\ntags: [Tag 0, Chung]\n---\nThân bài mới, dài hơn.\n")
        try assertIncrementalEqualsCold("text", patched: true)
        XCTAssertTrue(try site.read("2021/11/13/bai-3/index.html").contains("Thân bài mới"))
        XCTAssertEqual(try inode("2020/01/01/rieng/index.html"), untouched, "an unrelated article page is not rewritten")
    }

    func testTitleTagsAndDateEdits() throws {
        try site.write("Content/kinh-te/bai-3.md", "---\ntitle: Tựa mới\ndate: 2021-12-01T08:00:00+07:00\ntags: [Mới]\n---\nThân bài 3.\n")
        try assertIncrementalEqualsCold("title, tags and date", patched: false)
        XCTAssertTrue(site.exists("tag/moi/index.html"))
        XCTAssertFalse(site.exists("2021/11/13/bai-3/index.html"))
    }

    func testTitleAndSummaryEditOfTheNewestArticle() throws {
        let untouched = try inode("2020/01/01/rieng/index.html")
        try site.write("Content/thoi-su/bai-8.md", """
        ---
        title: Tựa đề đã sửa
        summary: Tóm tắt mới
        date: 2021-11-18T08:00:00+07:00
        tags: [Tag 2, Chung]
        ---
        Thân bài 8, sửa lại.
        """)
        try assertIncrementalEqualsCold("title and summary", patched: true)
        for file in ["index.html", "feed.xml", "atom.xml", "feed.json", "tag/chung/index.html", "search-index.json", "news-sitemap.xml"] {
            XCTAssertTrue(try site.read(file).contains("Tựa đề đã sửa"), file)
        }
        XCTAssertEqual(try inode("2020/01/01/rieng/index.html"), untouched, "an unrelated article page is not rewritten")
        // The patched build's cache serves the next one.
        try site.write("Content/thoi-su/bai-8.md", "---\ntitle: Lần hai\ndate: 2021-11-18T08:00:00+07:00\ntags: [Tag 2, Chung]\n---\nLần hai.\n")
        try assertIncrementalEqualsCold("a second edit", patched: true)
        XCTAssertTrue(try site.read("feed.xml").contains("Lần hai"))
    }

    func testAPageTextEditIsPatchedAndNoListIsRewritten() throws {
        try site.write("Content/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\nChúng tôi.\n")
        try assertIncrementalEqualsCold("a page added", patched: false)
        let home = try inode("index.html")
        try site.write("Content/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\nChúng tôi viết tin.\n")
        try assertIncrementalEqualsCold("a page's text", patched: true)
        XCTAssertTrue(try site.read("gioi-thieu/index.html").contains("Chúng tôi viết tin."))
        XCTAssertEqual(try inode("index.html"), home, "no list shows a page")
    }

    func testAHugoConfigFileMovesSectionsToTheirFolders() throws {
        XCTAssertTrue(site.exists("section/kinh-te/index.html"))
        try site.write("hugo.toml", "title = 'Báo Thử'\n")
        try assertIncrementalEqualsCold("a Hugo config file added", patched: false)
        XCTAssertTrue(site.exists("kinh-te/index.html"))
        XCTAssertFalse(site.exists("section/kinh-te/index.html"))
    }

    func testAnEditOfAnArticleOnlyTheFrontPageShowsRendersTheFrontPageAgain() throws {
        // Bài 1 is the oldest of its section: past the home list's first three, but in its
        // section's block of the front page.
        XCTAssertTrue(try site.read("index.html").contains(">Bài 1<"))
        try site.write("Content/kinh-te/bai-1.md", "---\ntitle: Bài một sửa lại\ndate: 2021-11-11T08:00:00+07:00\ntags: [Tag 1, Chung]\n---\nThân bài 1.\n")
        try assertIncrementalEqualsCold("an article of a section block", patched: true)
        XCTAssertTrue(try site.read("index.html").contains("Bài một sửa lại"))
    }

    func testMarkingAnArticleFeaturedMovesTheLeadAndBuildsTheWholeSite() throws {
        try site.write("Content/kinh-te/bai-3.md", "---\ntitle: Bài 3\nfeatured: true\ndate: 2021-11-13T08:00:00+07:00\ntags: [Tag 0, Chung]\n---\nThân bài 3.\n")
        try assertIncrementalEqualsCold("featured", patched: false)
        let home = try site.read("index.html")
        let lead = try XCTUnwrap(home.range(of: "<article class=\"lead-story"))
        XCTAssertTrue(home[lead.upperBound...].prefix(600).contains(">Bài 3<"), "the featured article leads")
    }

    func testSameBytesRewrittenWritesNothing() throws {
        let text = try String(contentsOf: site.root.appendingPathComponent("Content/kinh-te/bai-3.md"), encoding: .utf8)
        try site.write("Content/kinh-te/bai-3.md", text)
        let result = try site.run(["build", "--timings"])
        XCTAssertTrue(result.stdout.contains("0 files written"), result.stdout)
        XCTAssertTrue(result.stderr.contains("read changes"), result.stderr)
    }

    func testEditsThatMoveAnArticleBuildTheWholeSite() throws {
        // A new link changes which articles link where.
        try site.write("Content/kinh-te/bai-3.md", "---\ntitle: Bài 3\ndate: 2021-11-13T08:00:00+07:00\ntags: [Tag 0, Chung]\n---\nXem [bài 1](bai-1.md).\n")
        try assertIncrementalEqualsCold("a new link", patched: false)
        // An article that no longer reads is left out, and comes back once mended.
        try site.write("Content/kinh-te/bai-3.md", "---\ntitle: [Bài 3\ndate: 2021-11-13\n---\nHỏng.\n")
        let broken = try site.run(["build"])
        XCTAssertEqual(broken.status, 1, broken.stderr)
        XCTAssertFalse(site.exists("2021/11/13/bai-3/index.html"))
        try site.write("Content/kinh-te/bai-3.md", "---\ntitle: Bài 3\ndate: 2021-11-13T08:00:00+07:00\ntags: [Tag 0, Chung]\n---\nLành.\n")
        try assertIncrementalEqualsCold("mended", patched: false)
        XCTAssertTrue(site.exists("2021/11/13/bai-3/index.html"))
    }

    func testAFileSavedAgainDuringABuildIsNotLeftHalfShown() throws {
        try site.write("Content/thoi-su/bai-8.md", "---\ntitle: Bài 8 AAAA\ndate: 2021-11-18T08:00:00+07:00\ntags: [Tag 2, Chung]\n---\nThân bài 8.\n")
        try assertIncrementalEqualsCold("first edit", patched: true)
        // Saved again after a build took its stamps: same size, and the time the build saw.
        let path = site.root.appendingPathComponent("Content/thoi-su/bai-8.md").path
        var seen = stat()
        XCTAssertEqual(stat(path, &seen), 0)
        try site.write("Content/thoi-su/bai-8.md", "---\ntitle: Bài 8 BBBB\ndate: 2021-11-18T08:00:00+07:00\ntags: [Tag 2, Chung]\n---\nThân bài 8.\n")
        var times = [seen.st_atim, seen.st_mtim]
        XCTAssertEqual(utimensat(AT_FDCWD, path, &times, 0), 0)
        // Another edit re-reads it for the home feed: the build must not mix the two versions.
        try site.write("Content/kinh-te/bai-3.md", "---\ntitle: Bài 3\ndate: 2021-11-13T08:00:00+07:00\ntags: [Tag 0, Chung]\n---\nThân bài khác.\n")
        try assertIncrementalEqualsCold("a file saved again during a build")
        XCTAssertTrue(try site.read("index.html").contains("Bài 8 BBBB"))
    }

    func testAnEditWithItsOldModificationTimeRestoredIsSeen() throws {
        let path = site.root.appendingPathComponent("Content/kinh-te/bai-3.md").path
        var before = stat()
        XCTAssertEqual(stat(path, &before), 0)
        try site.write("Content/kinh-te/bai-3.md", "---\ntitle: Bài 3\ndate: 2021-11-13T08:00:00+07:00\ntags: [Tag 0, Chung]\n---\nThân bài X.")
        var times = [before.st_atim, before.st_mtim]
        var after = stat()
        XCTAssertEqual(stat(path, &after), 0)
        XCTAssertEqual(after.st_size, before.st_size)
        XCTAssertEqual(utimensat(AT_FDCWD, path, &times, 0), 0)
        try assertIncrementalEqualsCold("same size, old modification time", patched: true)
        XCTAssertTrue(try site.read("2021/11/13/bai-3/index.html").contains("Thân bài X."))
    }

    func testARawHTMLLinkToAnotherArticleBuildsTheWholeSite() throws {
        try site.write("Content/kinh-te/bai-3.md", "---\ntitle: Bài 3\ndate: 2021-11-13T08:00:00+07:00\ntags: [Tag 0, Chung]\n---\n<p><a href=\"bai-1.md\">một</a></p>\n")
        try assertIncrementalEqualsCold("a raw HTML link", patched: false)
    }

    func testAnEditOfAnArticleWhoseSectionIsLinkedChecksTheLinkAgain() throws {
        try site.write("Content/kinh-te/bai-3.md", "---\ntitle: Bài 3\ndate: 2021-11-13T08:00:00+07:00\ntags: [Tag 0, Chung]\n---\n## Giá xăng\n")
        try site.write("Content/kinh-te/bai-1.md", "---\ntitle: Bài 1\ndate: 2021-11-11T08:00:00+07:00\ntags: [Tag 1, Chung]\n---\n[xem](bai-3.md#gia-xang)\n")
        try assertIncrementalEqualsCold("a link to a section", patched: false)
        try site.write("Content/kinh-te/bai-3.md", "---\ntitle: Bài 3\ndate: 2021-11-13T08:00:00+07:00\ntags: [Tag 0, Chung]\n---\n## Giá dầu\n")
        let result = try site.run(["build", "--timings"])
        XCTAssertFalse(result.stderr.contains("read changes"), "the linked article was patched in alone")
        XCTAssertTrue(result.stderr.contains("Content/kinh-te/bai-1.md:6:1: warning: link to 'bai-3.md#gia-xang' leads to no section"), result.stderr)
    }

    func testNamesEqualUpToUnicodeNormalizationBuildWhole() throws {
        try site.write("Content/kinh-te/caf\u{E9}.md", "---\ntitle: Một\ndate: 2021-10-01\n---\nMột.\n")
        try site.write("Content/kinh-te/cafe\u{301}.md", "---\ntitle: Hai\ndate: 2021-10-02\n---\nHai.\n")
        try assertIncrementalEqualsCold("two spellings of one name")
        try site.write("Content/kinh-te/bai-3.md", "---\ntitle: Bài 3\ndate: 2021-11-13T08:00:00+07:00\ntags: [Tag 0, Chung]\n---\nThân mới.\n")
        try assertIncrementalEqualsCold("an edit beside them", patched: false)
    }

    func testTwoBuildsAtOnceTakeTurns() throws {
        try site.write("Content/kinh-te/bai-3.md", "---\ntitle: Bài 3 mới\ndate: 2021-11-13T08:00:00+07:00\ntags: [Tag 0, Chung]\n---\nMới.\n")
        let builds = (0..<2).map { _ in
            let process = Process()
            process.executableURL = Broadsheet.binary
            process.arguments = ["build"]
            process.currentDirectoryURL = site.root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        for build in builds { try build.run() }
        for build in builds {
            build.waitUntilExit()
            XCTAssertEqual(build.terminationStatus, 0)
        }
        try assertIncrementalEqualsCold("two builds at once")
        XCTAssertTrue(try site.read("2021/11/13/bai-3/index.html").contains("Bài 3 mới"))
    }

    func testDeletionAndNewArticle() throws {
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/thoi-su/bai-2.md"))
        try assertIncrementalEqualsCold("deletion")
        XCTAssertFalse(site.exists("2021/11/12/bai-2/index.html"))
        try site.write("Content/thoi-su/bai-9.md", "---\ntitle: Bài 9\ndate: 2021-11-30\ntags: [Chung]\n---\nMới.\n")
        try assertIncrementalEqualsCold("new article")
        XCTAssertTrue(site.exists("2021/11/30/bai-9/index.html"))
    }

    func testAColdBuildInBetweenLeavesNoStaleManifest() throws {
        try site.write("Content/kinh-te/bai-3.md", "---\ntitle: Bài 3\ndate: 2021-11-13T08:00:00+07:00\n---\nPHIÊN BẢN Y\n")
        XCTAssertEqual(try site.run(["build", "--no-cache"]).status, 0)
        try site.write("Content/kinh-te/bai-3.md", "---\ntitle: Bài 3\ndate: 2021-11-13T08:00:00+07:00\n---\nPHIÊN BẢN X\n")
        try assertIncrementalEqualsCold("a cold build in between")
        XCTAssertTrue(try site.read("2021/11/13/bai-3/index.html").contains("PHIÊN BẢN X"))
    }

    func testAssetsAndOptionsChanges() throws {
        try site.write("Content/kinh-te/hinh.png", Data([1, 2, 3]))
        try assertIncrementalEqualsCold("asset added")
        try site.write("Content/kinh-te/hinh.png", Data([4, 5, 6, 7]))
        try assertIncrementalEqualsCold("asset replaced")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/kinh-te/hinh.png"))
        try assertIncrementalEqualsCold("asset removed")
        XCTAssertFalse(site.exists("kinh-te/hinh.png"))
        XCTAssertEqual(try site.run(["build", "--base-url", "https://example.org/khac/"]).status, 0)
        XCTAssertTrue(try site.read("index.html").contains("href=\"/khac/"))
    }

    func testTemplateAndConfigChanges() throws {
        try site.write("Templates/article.mustache", "<h1>{{article.title}}</h1>{{{article.body}}}")
        try site.write("Templates/list.mustache", "{{#articles}}<a href=\"{{url}}\">{{title}}</a>{{/articles}}")
        try site.write("Templates/tags.mustache", "{{#tags}}{{name}}{{/tags}}")
        try assertIncrementalEqualsCold("template")
        XCTAssertEqual(try site.read("2021/11/13/bai-3/index.html"), "<h1>Bài 3</h1><p>Thân bài 3.</p>\n")
        try site.write("site.yml", "title: Tên Mới\nbaseURL: https://example.org/moi/\npagination:\n  pageSize: 2\n")
        try assertIncrementalEqualsCold("config")
        XCTAssertTrue(try site.read("index.html").contains("href=\"/moi/"))
    }

    func testOutputFilesDeletedOrEditedByHandAreWrittenAgainByTheNextBuild() throws {
        let deep = "2020/01/01/rieng/index.html"
        let feed = "feed.xml"
        let original = try site.read(deep)
        try FileManager.default.removeItem(at: site.output.appendingPathComponent(deep))
        try site.write("Output/" + feed, "<rss>edited by hand</rss>")
        try site.write("Content/kinh-te/bai-3.md", "---\ntitle: Bài 3\ndate: 2021-11-13T08:00:00+07:00\ntags: [Tag 0, Chung]\n---\nSửa.\n")
        let result = try site.run(["build"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("2 files were deleted or changed in the output since the last build"), result.stderr)
        XCTAssertEqual(try site.read(deep), original)
        XCTAssertFalse(try site.read(feed).contains("edited by hand"))
        try assertIncrementalEqualsCold("restored")
        XCTAssertFalse(try site.run(["build"]).stderr.contains("deleted or changed"), "said once")
    }

    func testAFileDeletedNearTheTopOfTheOutputIsRestoredEvenWithNothingElseChanged() throws {
        let original = try site.read("index.html")
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("index.html"))
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("tags/index.html"))
        let result = try site.run(["build"])
        XCTAssertTrue(result.stderr.contains("2 files were deleted or changed"), result.stderr)
        XCTAssertEqual(try site.read("index.html"), original)
        XCTAssertTrue(site.exists("tags/index.html"))
        try assertIncrementalEqualsCold("no-op after deletions")
    }

    func testCheckSaysWhichOutputFilesWereChangedByHand() throws {
        try site.write("Output/index.html", "edited")
        let result = try site.run(["check"])
        XCTAssertTrue(result.stderr.contains("1 file was deleted or changed in the output since the last build; the next build writes it again"), result.stderr)
        XCTAssertEqual(try site.read("index.html"), "edited", "check writes nothing")
    }
}
