import Foundation
import TestSupport
import XCTest

/// Builds of one input give the same bytes however threads are scheduled. The fixture
/// (`Tests/Fixtures/gfm-extensions`) uses every GFM extension, whose cmark-gfm state is process-wide;
/// its articles are copied many times so that parsers overlap on every core.
final class DeterminismTests: XCTestCase {
    private static let copies = 60
    private var site: FixtureSite!

    override func setUpWithError() throws {
        site = try FixtureSite()
        let fixture = Repository.fixture("gfm-extensions")
        try site.write("site.yml", Data(contentsOf: fixture.appendingPathComponent("site.yml")))
        let content = fixture.appendingPathComponent("Content")
        for section in try FileManager.default.contentsOfDirectory(atPath: content.path) {
            for file in try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent(section).path) {
                let text = try Data(contentsOf: content.appendingPathComponent(section).appendingPathComponent(file))
                let stem = (file as NSString).deletingPathExtension
                for copy in 0..<Self.copies { try site.write("Content/\(section)/\(stem)-\(copy).md", text) }
            }
        }
    }

    override func tearDown() {
        site.remove()
    }

    func testBuildsOnEveryCoreMatchABuildOnOneCore() throws {
        guard let pinned = try site.runOnOneCore(["build", "--no-cache"]) else { throw XCTSkip("no taskset to pin a build to one core") }
        XCTAssertEqual(pinned.status, 0, pinned.stderr)
        let oneCore = try outputBytes()
        let articlePages = oneCore.filter { path, _ in
            let parts = path.split(separator: "/")
            return parts.count == 5 && parts[0] == "2021" && parts[2].allSatisfy(\.isNumber) && parts[4] == "index.html"
        }
        XCTAssertEqual(articlePages.count, 4 * Self.copies)
        for (path, bytes) in articlePages {
            let page = String(decoding: bytes, as: UTF8.self)
            XCTAssertTrue(page.contains("<del>"), "\(path) has no strikethrough")
            XCTAssertTrue(page.contains("<a href=\"https://"), "\(path) has no autolink")
        }
        for round in 0..<5 {
            XCTAssertEqual(try site.run(["build", "--no-cache"]).status, 0)
            let everyCore = try outputBytes()
            XCTAssertEqual(everyCore.keys.sorted(), oneCore.keys.sorted())
            let differing = oneCore.keys.sorted().filter { everyCore[$0] != oneCore[$0] }
            XCTAssertEqual(differing, [], "round \(round): files differ between one core and every core")
            if !differing.isEmpty { return }
        }
    }

    private func outputBytes() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in site.outputFiles() { files[path] = try Data(contentsOf: site.output.appendingPathComponent(path)) }
        return files
    }
}
