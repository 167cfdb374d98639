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
        try site.write("Content/_drafts/x.md", "hidden")
        try site.write("notes.txt", "outside the sources")
        try site.write("Content/world/seen.md", "last")
        waitFor("Content/world/seen.md")
        XCTAssertEqual(Set(seen.lines), ["Content/world/seen.md"])
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
