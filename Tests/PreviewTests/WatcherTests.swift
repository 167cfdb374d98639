import Foundation
@testable import Preview
import TestSupport
import XCTest

/// Both watchers report the changes a build can see, with paths relative to the site folder.
final class WatcherTests: XCTestCase {
    private var site: FixtureSite!
    private let seen = LogLines()

    override func setUpWithError() throws {
        site = try FixtureSite(copying: "valid")
        try site.write("Templates/base.mustache", "{{$content}}{{/content}}")
    }

    override func tearDown() {
        site.remove()
    }

    /// Waits until `path` has been reported.
    private func waitFor(_ path: String, file: StaticString = #filePath, line: UInt = #line) {
        let deadline = Date().addingTimeInterval(5)
        while !seen.lines.contains(path) && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertTrue(seen.lines.contains(path), "\(path) not reported; saw \(seen.lines)", file: file, line: line)
    }

    private func inotify() throws -> InotifyWatcher {
        try XCTUnwrap(InotifyWatcher(site: site.root) { [seen] paths in paths.forEach(seen.append) })
    }

    func testInotifyReportsSavesToContentTemplatesAndTheConfig() throws {
        let watcher = try inotify()
        defer { watcher.cancel() }
        try site.write("Content/world/hello.md", "---\ntitle: Hello again\n---\n")
        waitFor("Content/world/hello.md")
        try site.write("Templates/base.mustache", "{{$content}}x{{/content}}")
        waitFor("Templates/base.mustache")
        try site.write("site.yml", "title: Khác\n")
        waitFor("site.yml")
    }

    func testInotifyWatchesFoldersMadeAfterItStarted() throws {
        let watcher = try inotify()
        defer { watcher.cancel() }
        try site.write("Content/moi/sau/bai.md", "một")
        waitFor("Content/moi/sau/bai.md")
        try site.write("Content/moi/sau/khac.md", "hai")
        waitFor("Content/moi/sau/khac.md")
    }

    func testInotifyIgnoresWhatABuildDoesNotRead() throws {
        let watcher = try inotify()
        defer { watcher.cancel() }
        try site.write("Content/world/.hello.md.swp", "swap")
        try site.write("Content/_layouts/x.html", "not read")
        try site.write("notes.txt", "outside the sources")
        try site.write("Content/world/seen.md", "last")
        waitFor("Content/world/seen.md")
        XCTAssertEqual(Set(seen.lines), ["Content/world/seen.md"])
    }

    /// A Jekyll site folder built as it is (no `site.yml`, `_posts/` at its top): its posts,
    /// drafts, includes, pages and config are watched, in folders old and new; what Jekyll
    /// leaves out (`Gemfile`, `_site/`, `.jekyll-cache/`) is not.
    private func jekyllSiteInPlace() throws {
        site.remove()
        site = try FixtureSite()
        try site.write("_config.yml", "title: Herald\nexclude: [notes]\n")
        try site.write("_posts/2023-01-05-snow-day.md", "---\ntitle: Snow day\n---\n")
        try site.write("_includes/note.html", "<p>note</p>")
        try site.write("about.md", "---\ntitle: About\n---\n")
    }

    private func assertJekyllSourcesAreReported() throws {
        for (path, text) in [("_posts/2023-01-05-snow-day.md", "---\ntitle: Snow\n---\n"), ("_drafts/summer.md", "draft"),
                             ("_includes/note.html", "<p>new</p>"), ("about.md", "about"), ("news/_posts/2023-02-01-fire.md", "fire"),
                             ("_config.yml", "title: Herald 2\nexclude: [notes]\n")] {
            try site.write(path, text)
            waitFor(path)
        }
        for path in ["Gemfile", "notes/private.md", "_site/index.html", ".jekyll-cache/x", "_layouts/default.html"] { try site.write(path, "x") }
        try site.write("contact.md", "last")
        waitFor("contact.md")
        XCTAssertEqual(Set(seen.lines).intersection(["Gemfile", "notes/private.md", "_site/index.html", ".jekyll-cache/x", "_layouts/default.html"]), [])
    }

    func testInotifyWatchesAJekyllSiteBuiltInPlace() throws {
        try jekyllSiteInPlace()
        let watcher = try inotify()
        defer { watcher.cancel() }
        try assertJekyllSourcesAreReported()
    }

    func testPollingWatchesAJekyllSiteBuiltInPlace() throws {
        try jekyllSiteInPlace()
        let poller = StampPoller(site: site.root, interval: .milliseconds(20)) { [seen] paths in paths.forEach(seen.append) }
        defer { poller.cancel() }
        try assertJekyllSourcesAreReported()
    }

    func testInotifyWatchesTheContentFolderAHugoConfigNamesEvenWhenItChanges() throws {
        site.remove()
        site = try FixtureSite()
        try site.write("hugo.toml", "title = \"Gazette\"\n")
        try site.write("content/posts/first.md", "---\ntitle: First\n---\n")
        let watcher = try inotify()
        defer { watcher.cancel() }
        try site.write("content/posts/first.md", "---\ntitle: First again\n---\n")
        waitFor("content/posts/first.md")
        try site.write("src/posts/second.md", "not yet content")
        try site.write("hugo.toml", "title = \"Gazette\"\ncontentDir = \"src\"\n")
        waitFor("hugo.toml")
        try site.write("src/posts/second.md", "---\ntitle: Second\n---\n")
        waitFor("src/posts/second.md")
    }

    func testPollingReportsAddedChangedAndRemovedFiles() throws {
        let poller = StampPoller(site: site.root, interval: .milliseconds(20)) { [seen] paths in paths.forEach(seen.append) }
        defer { poller.cancel() }
        try site.write("Content/moi.md", "một")
        waitFor("Content/moi.md")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/world/hello.md"))
        waitFor("Content/world/hello.md")
        try site.write("site.yml", "title: Khác hẳn\n")
        waitFor("site.yml")
    }

    /// A mirror's crawls are watched too: a new day's capture in a crawl folder, or a crawl named
    /// later in `site.yml`, is reported by the crawl's path as `site.yml` writes it.
    func testANewCaptureInACrawlFolderAndANewCrawlAreReported() throws {
        try site.write("site.yml", "title: Gương\nmirror:\n  paths: [crawls/tinmoi.example]\n")
        try site.write("crawls/tinmoi.example/index.html", "<html><body>trang chủ</body></html>")
        let root = site.root
        let poller = StampPoller(interval: .milliseconds(20), stamps: { CrawlStamps.stamps(site: root) }) { [seen] paths in paths.forEach(seen.append) }
        defer { poller.cancel() }
        try site.write("crawls/tinmoi.example/thoi-su/bai-moi.htm", "<html><body>bài mới</body></html>")
        waitFor("crawls/tinmoi.example")
        let warc = FileManager.default.temporaryDirectory.appendingPathComponent("crawl-\(UUID().uuidString).warc")
        defer { try? FileManager.default.removeItem(at: warc) }
        try site.write("site.yml", "title: Gương\nmirror:\n  paths: [crawls/tinmoi.example, \(warc.path)]\n")
        waitFor(warc.path)
    }

    func testASiteWithoutAMirrorHasNoCrawlStamps() throws {
        try site.write("site.yml", "title: Không gương\n")
        XCTAssertEqual(CrawlStamps.stamps(site: site.root), [:])
    }
}
