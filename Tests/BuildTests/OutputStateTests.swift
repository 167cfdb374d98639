@testable import Build
import Foundation
import Infrastructure
import XCTest

/// The stamps of the files a build wrote, by which the next build finds those changed by hand.
final class OutputStateTests: XCTestCase {
    private var site: URL!
    private var output: URL!

    override func setUpWithError() throws {
        site = FileManager.default.temporaryDirectory.appendingPathComponent("output-state-\(UUID().uuidString)")
        output = site.appendingPathComponent("Output")
        for path in ["index.html", "2021/11/30/bai-mot/index.html", "2021/11/30/bai-hai/index.html", "tags/ha-noi/index.html"] {
            try write("<p>\(path)</p>", to: path)
        }
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: site)
    }

    private func write(_ text: String, to path: String) throws {
        let file = output.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    func testFilesAreKeptInOrderOnceEachAndThoseMissingAreLeftOut() {
        let state = OutputState.stamps(of: ["tags/ha-noi/index.html", "index.html", "2021/11/30/bai-mot/index.html", "gone.html", "index.html"],
                                       in: output)
        XCTAssertEqual(state.paths, ["2021/11/30/bai-mot/index.html", "index.html", "tags/ha-noi/index.html"])
        XCTAssertEqual(state.stamps.count, 3)
        XCTAssertEqual(state.changed(in: output), [])
    }

    func testAFileEditedOrDeletedByHandIsChanged() throws {
        let state = OutputState.stamps(of: ["index.html", "2021/11/30/bai-mot/index.html", "tags/ha-noi/index.html"], in: output)
        try write("<p>sửa tay, dài hơn</p>", to: "index.html")
        try FileManager.default.removeItem(at: output.appendingPathComponent("tags/ha-noi/index.html"))
        XCTAssertEqual(state.changed(in: output), ["index.html", "tags/ha-noi/index.html"])
    }

    func testRefreshUpdatesAddsAndDropsInPlaceKeepingTheOrder() throws {
        var state = OutputState.stamps(of: ["index.html", "tags/ha-noi/index.html"], in: output)
        try write("<p>viết lại, dài hơn trước</p>", to: "index.html")
        try FileManager.default.removeItem(at: output.appendingPathComponent("tags/ha-noi/index.html"))
        state.refresh(["tags/ha-noi/index.html", "index.html", "2021/11/30/bai-hai/index.html", "nowhere.html"], in: output)
        XCTAssertEqual(state.paths, ["2021/11/30/bai-hai/index.html", "index.html"])
        XCTAssertEqual(state.changed(in: output), [])
    }

    func testPathsAreInByteOrderAndARewrittenFileIsStampedAgainInPlace() throws {
        // "Z" < "a" < "é" in UTF-8 bytes; a path with a NUL names no file.
        try write("x", to: "tags/é/index.html")
        try write("x", to: "Z.html")
        var state = OutputState.stamps(of: ["tags/é/index.html", "index.html", "Z.html", "index.html\0.bak"], in: output)
        XCTAssertEqual(state.paths, ["Z.html", "index.html", "tags/é/index.html"])
        let before = state.stamps
        try write("<p>viết lại, dài hơn trước nhiều</p>", to: "tags/é/index.html")
        XCTAssertEqual(state.changed(in: output), ["tags/é/index.html"])
        state.refresh(["tags/é/index.html"], in: output)
        XCTAssertEqual(state.paths, ["Z.html", "index.html", "tags/é/index.html"])
        XCTAssertEqual(state.stamps[..<2], before[..<2])
        XCTAssertNotEqual(state.stamps[2], before[2])
        XCTAssertEqual(state.changed(in: output), [])
    }

    func testASavedStateReadsBackAndOneOutOfOrderIsNotUsed() throws {
        let state = OutputState.stamps(of: ["index.html", "2021/11/30/bai-mot/index.html"], in: output)
        let location = BuildManifest.location(site: site, output: output, kind: "output")
        try FileManager.default.createDirectory(at: location.deletingLastPathComponent(), withIntermediateDirectories: true)
        state.save(site: site, output: output)
        let loaded = try XCTUnwrap(OutputState.load(site: site, output: output))
        XCTAssertEqual(loaded.paths, state.paths)
        XCTAssertEqual(loaded.stamps, state.stamps)

        // The same two paths, out of order: not used. Nor are paths without their NULs, or fewer than said.
        for (count, names) in [(2, "index.html\u{0}2021/11/30/bai-mot/index.html\u{0}"), (2, "2021/11/30/bai-mot/index.html\u{0}index.html"),
                               (3, "2021/11/30/bai-mot/index.html\u{0}index.html\u{0}")] {
            var writer = ArchiveWriter()
            writer.count(count)
            writer.string(bytes: Array(names.utf8))
            for _ in 0..<count { writer.word(1) }
            XCTAssertTrue(writer.save(to: location.path))
            XCTAssertNil(OutputState.load(site: site, output: output), names)
        }
        state.save(site: site, output: output)
        XCTAssertEqual(OutputState.load(site: site, output: output)?.paths, state.paths)
    }
}
