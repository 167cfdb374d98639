import Foundation
import TestSupport
import XCTest

/// `broadsheet check`: what a build would report, its exit status, and nothing written.
final class CheckCommandTests: XCTestCase {
    private func site(_ name: String) throws -> FixtureSite {
        let site = try FixtureSite(copying: name)
        addTeardownBlock { site.remove() }
        return site
    }

    private func assertNothingWritten(_ site: FixtureSite, file: StaticString = #filePath, line: UInt = #line) {
        for folder in ["Output", ".broadsheet", ".Output.lock"] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: site.root.appendingPathComponent(folder).path),
                           "check wrote \(folder)", file: file, line: line)
        }
    }

    func testASiteWithoutErrorsExitsZeroAndWritesNothing() throws {
        let site = try site("valid")
        let result = try site.run(["check"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("warning: tag spellings"), result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("broadsheet: 3 articles, "), result.stdout)
        XCTAssertTrue(result.stdout.contains(" pages checked, 0 errors, 1 warnings, in "), result.stdout)
        assertNothingWritten(site)
    }

    func testACleanSiteExitsZeroEvenWithStrict() throws {
        let site = try site("invalid/link-anchor")
        try site.write("Content/tin/muc-luc.md", "---\ntitle: Mục lục\ndate: 2021-11-30\n---\nXem [giá xăng](tot.md#gia-xang).\n")
        let result = try site.run(["check", "--strict"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertTrue(result.stdout.contains(" 0 errors, 0 warnings, "), result.stdout)
        assertNothingWritten(site)
    }

    func testCheckFindsEveryKindOfProblem() throws {
        let site = try site("invalid/every-check")
        let result = try site.run(["check", "--format", "json"])
        XCTAssertEqual(result.status, 1, result.stdout)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let codes = Set((report["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String })
        XCTAssertEqual(codes, ["link.unresolved", "link.anchor", "image.missing", "url.duplicate", "url.taken", "article.no-title",
                               "article.no-date", "alias.taken", "alias.outside-site"])
        assertNothingWritten(site)
    }

    func testWarningsFailOnlyWithStrict() throws {
        let site = try site("invalid/link-anchor")
        XCTAssertEqual(try site.run(["check"]).status, 0)
        let strict = try site.run(["check", "--strict"])
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(strict.stdout.contains("0 errors, 2 warnings"), strict.stdout)
    }

    func testABadConfigExitsTwoWithItsPosition() throws {
        let site = try site("invalid/config-syntax")
        let result = try site.run(["check"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "site.yml:3:1: error: did not find expected ',' or ']'\n")
        XCTAssertEqual(result.stdout, "", "nothing was checked, so there is no summary")
        assertNothingWritten(site)
    }

    func testOptionsReachTheCheck() throws {
        let site = try site("valid")
        XCTAssertTrue(try site.run(["check"]).stdout.contains("3 articles"))
        XCTAssertTrue(try site.run(["check", "--drafts"]).stdout.contains("4 articles"))
        let badURL = try site.run(["check", "--base-url", "not a url"])
        XCTAssertEqual(badURL.status, 2)
        XCTAssertTrue(badURL.stderr.hasPrefix("--base-url: error: "), badURL.stderr)
    }

    func testTheSiteFolderIsAnOption() throws {
        let site = try site("valid")
        let result = try Broadsheet.run(["check", "--site", site.root.path], in: FileManager.default.temporaryDirectory)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("3 articles"), result.stdout)
    }
}
