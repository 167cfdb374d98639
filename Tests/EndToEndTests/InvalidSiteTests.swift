import Foundation
import TestSupport
import XCTest

/// Every site under `Tests/Fixtures/invalid/` is built, and checked, and what each command says
/// is compared with the site's `expected.txt`: the exit status on the first line (`exit 1`), then
/// the diagnostics exactly as printed. `build` and `check` must say the same. Where the build goes
/// on (status 0 or 1), the good article of the site is written all the same; `check` writes nothing.
final class InvalidSiteTests: XCTestCase {
    func testEachInvalidSiteReportsWhatIsWrongWithItsPosition() throws {
        try forEachInvalidSite { name, site, expected in
            let result = try site.run(["build", "--no-cache"])
            XCTAssertEqual("exit \(result.status)", expected.first, "\(name): \(result.stderr)")
            XCTAssertEqual(Self.lines(result.stderr), Array(expected.dropFirst()), name)
            if result.status != 2 {
                XCTAssertTrue(site.exists("2021/11/29/tot/index.html"), "\(name): the good article was not built")
            }
        }
    }

    func testCheckReportsEachInvalidSiteAsABuildDoes() throws {
        try forEachInvalidSite { name, site, expected in
            let result = try site.run(["check"])
            XCTAssertEqual("exit \(result.status)", expected.first, "\(name): \(result.stderr)")
            XCTAssertEqual(Self.lines(result.stderr), Array(expected.dropFirst()), name)
            XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path), "\(name): check wrote Output/")
        }
    }

    private func forEachInvalidSite(_ body: (String, FixtureSite, [String]) throws -> Void) throws {
        let folder = Repository.fixture("invalid")
        let cases = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertGreaterThanOrEqual(cases.count, 11)
        for name in cases {
            let site = try FixtureSite(copying: "invalid/\(name)")
            defer { site.remove() }
            let expected = try String(contentsOf: site.root.appendingPathComponent("expected.txt"), encoding: .utf8)
            try body(name, site, Self.lines(expected))
        }
    }

    private static func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init)
    }
}
