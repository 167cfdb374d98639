import Foundation
import TestSupport
import XCTest

/// Images wider than the layout get resized copies and a `srcset` (Fixtures/srcset): wide.png
/// (1600 px) gets copies 480, 800 and 1200 px wide; narrow.png (300 px) none. Copies are made
/// once, into the site's cache, and later builds copy them from there.
final class SrcsetTests: XCTestCase {
    private var site: FixtureSite!

    override func setUpWithError() throws {
        site = try FixtureSite(copying: "srcset")
        let result = try site.run(["build", "--strict"])
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    override func tearDown() {
        site.remove()
    }

    private var cache: URL { site.root.appendingPathComponent(".broadsheet/cache/images") }

    /// Each cached copy's name, inode and modification time.
    private func cachedFiles() throws -> [String: [String]] {
        var files: [String: [String]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: cache.path) {
            let attributes = try FileManager.default.attributesOfItem(atPath: cache.appendingPathComponent(name).path)
            files[name] = ["\(attributes[.systemFileNumber] ?? "")", "\(attributes[.modificationDate] ?? "")"]
        }
        return files
    }

    func testAWideImagesCardOffersItsCopies() throws {
        let list = try site.read("section/news/index.html")
        XCTAssertTrue(list.contains(#"srcset="/images/wide-480w.png 480w, /images/wide-800w.png 800w, /images/wide-1200w.png 1200w, /images/wide.png 1600w" sizes=""#), list)
        for width in [480, 800, 1200] {
            XCTAssertTrue(site.exists("images/wide-\(width)w.png"), "\(width)")
        }
        let article = try site.read("2026/12/03/valley-view/index.html")
        XCTAssertTrue(article.contains(#"<figure class="lead-image"><img src="/images/wide.png" alt="" width="1600" height="1000" srcset="/images/wide-480w.png 480w"#), article)
    }

    func testABodyImageOffersItsCopiesForTheMeasure() throws {
        let article = try site.read("2026/12/02/bench/index.html")
        XCTAssertTrue(article.contains(#"<img src="/images/wide.png" alt="The ridge from the square" width="1600" height="1000" srcset="/images/wide-480w.png 480w, "#
            + #"/images/wide-800w.png 800w, /images/wide-1200w.png 1200w, /images/wide.png 1600w" sizes="(min-width: 712px) 680px, 100vw""#), article)
    }

    func testANarrowImageHasNoCopiesAndNoSrcset() throws {
        let list = try site.read("section/news/index.html")
        XCTAssertTrue(list.contains(#"<img src="/images/narrow.png" alt="" width="300" height="200" loading="lazy""#), list)
        XCTAssertFalse(site.outputFiles().contains { $0.hasPrefix("images/narrow-") })
    }

    func testABuildIntoAnotherOutputResizesNothing() throws {
        let before = try cachedFiles()
        XCTAssertEqual(before.count, 3)
        let result = try site.run(["build", "--output", "Other"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try cachedFiles(), before, "no copy is made again")
        let other = site.root.appendingPathComponent("Other/images/wide-800w.png")
        XCTAssertEqual(try Data(contentsOf: other), try Data(contentsOf: site.output.appendingPathComponent("images/wide-800w.png")))
    }

    func testABuildWithoutTheCacheMakesItsCopiesInTheOutputAlone() throws {
        let cold = try FixtureSite(copying: "srcset")
        defer { cold.remove() }
        let result = try cold.run(["build", "--no-cache"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cold.root.appendingPathComponent(".broadsheet/cache/images").path))
        XCTAssertEqual(try Data(contentsOf: cold.output.appendingPathComponent("images/wide-1200w.png")),
                       try Data(contentsOf: site.output.appendingPathComponent("images/wide-1200w.png")), "the same bytes as a cached copy")
    }

    func testAFullRebuildKeepsTheCopiesInTheOutput() throws {
        let copy = site.output.appendingPathComponent("images/wide-480w.png").path
        let inode = try FileManager.default.attributesOfItem(atPath: copy)[.systemFileNumber] as? Int
        // A new article makes the next build a full one.
        try site.write("Content/news/later.md", "---\ntitle: Later\ndate: 2026-12-04T09:00:00Z\n---\nLater.\n")
        let result = try site.run(["build"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: copy)[.systemFileNumber] as? Int, inode, "kept, not copied again")
    }
}
