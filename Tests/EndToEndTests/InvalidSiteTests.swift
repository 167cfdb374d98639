import Foundation
import TestSupport
import XCTest

/// Every site under `Tests/Fixtures/invalid/` is built, and what the build says is compared with
/// the site's `expected.txt`: the exit status on the first line (`exit 1`), then the diagnostics
/// exactly as printed. Where the build goes on (status 0 or 1), the good article of the site is
/// written all the same.
final class InvalidSiteTests: XCTestCase {
    func testEachInvalidSiteReportsWhatIsWrongWithItsPosition() throws {
        let folder = Repository.fixture("invalid")
        let cases = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertGreaterThanOrEqual(cases.count, 7)
        for name in cases {
            let site = try FixtureSite(copying: "invalid/\(name)")
            defer { site.remove() }
            let expected = try String(contentsOf: site.root.appendingPathComponent("expected.txt"), encoding: .utf8)
                .split(separator: "\n").map(String.init)
            let result = try site.run(["build", "--no-cache"])
            XCTAssertEqual("exit \(result.status)", expected.first, "\(name): \(result.stderr)")
            XCTAssertEqual(result.stderr.split(separator: "\n").map(String.init), Array(expected.dropFirst()), name)
            if result.status != 2 {
                XCTAssertTrue(site.exists("2021/11/29/tot/index.html"), "\(name): the good article was not built")
            }
        }
    }
}
