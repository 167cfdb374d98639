import Foundation
import TestSupport
import XCTest

/// What a command prints besides its report: nothing but errors with `--quiet`, step times and
/// counts with `--verbose`, a progress line only on a terminal, and no escape codes when piped or
/// with `NO_COLOR`.
final class QuietAndVerboseTests: XCTestCase {
    private var site: FixtureSite!

    override func setUpWithError() throws {
        site = try FixtureSite(copying: "valid")
    }

    override func tearDown() {
        site.remove()
    }

    func testQuietBuildPrintsNothingOnSuccess() throws {
        // The fixture has a warning (two spellings of one tag): quiet leaves it out too.
        let result = try site.run(["build", "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "")
        XCTAssertTrue(site.exists("index.html"))
    }

    func testQuietStillPrintsErrors() throws {
        try site.write("Content/tin/khong-tieu-de.md", "---\ndate: 2021-11-30\n---\nKhông có tiêu đề.\n")
        let result = try site.run(["check", "-q"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("Content/tin/khong-tieu-de.md:") && result.stderr.contains(" error: "), result.stderr)
        XCTAssertFalse(result.stderr.contains("warning:"), result.stderr)
    }

    func testVerboseBuildPrintsStepTimesCountsAndChangedFiles() throws {
        let result = try site.run(["build", "--verbose"])
        XCTAssertEqual(result.status, 0, result.stderr)
        for step in ["config and theme", "read content", "render and write", "swap output"] {
            XCTAssertNotNil(result.stderr.range(of: "\(step) +[0-9]+\\.[0-9]{3} s", options: .regularExpression), "\(step): \(result.stderr)")
        }
        XCTAssertTrue(result.stderr.contains("4 files read; 53 of 53 pages rendered"), result.stderr)
        XCTAssertTrue(result.stderr.contains("changed index.html"), result.stderr)
        XCTAssertTrue(result.stdout.contains("broadsheet: 3 articles"), "the summary stays: \(result.stdout)")
    }

    func testQuietAndVerboseTogetherAreRefused() throws {
        let result = try site.run(["build", "--quiet", "--verbose"])
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("--quiet and --verbose cannot be used together"), result.stderr)
    }

    func testPipedBuildPrintsTheSummaryAloneWithNoProgressOrEscapes() throws {
        let result = try site.run(["build", "--no-cache"])
        XCTAssertEqual(result.status, 0, result.stderr)
        for stream in [result.stdout, result.stderr] {
            XCTAssertFalse(stream.contains("\r"), stream)
            XCTAssertFalse(stream.contains("\u{1B}"), stream)
        }
        XCTAssertEqual(result.stdout.split(separator: "\n").count, 1, result.stdout)
    }

    func testProgressLineOnATerminalIsErasedBeforeTheSummary() throws {
        let script = try Self.terminal(in: site.root)
        // Enough articles that a debug build takes over the line's one-second delay.
        for index in 0..<1000 {
            try site.write("Content/nhieu/bai-\(index).md", "---\ntitle: Bài \(index)\ndate: 2021-10-0\(1 + index % 9)T08:00:00+07:00\n---\nNội dung \(index).\n")
        }
        let started = Date()
        let output = try Broadsheet.run(["-qec", "'\(Broadsheet.binary.path)' build --no-cache", "/dev/null"], in: site.root,
                                        environment: ["NO_COLOR": "1"], executable: script).stdout
        let seconds = Date().timeIntervalSince(started)
        XCTAssertTrue(output.contains("broadsheet: 1003 articles"), output)
        XCTAssertFalse(output.contains("\u{1B}"), "NO_COLOR: the line is erased with blanks, not escapes")
        guard seconds > 1.5 else { throw XCTSkip("the build took \(seconds) s, too short for a progress line") }
        let lastDraw = try XCTUnwrap(output.range(of: "files/s", options: .backwards), "no progress line: \(output)")
        XCTAssertNotNil(output.range(of: #"\r[a-z]+: [0-9]+ files read, [0-9]+ written, [0-9]+ files/s, [0-9.]+ s"#, options: .regularExpression))
        // The last drawing is blanked out, and what follows (the warning, the summary) starts on the cleared line.
        let rest = output[lastDraw.upperBound...]
        let erased = try XCTUnwrap(rest.range(of: #"^[^\r\n]*\r +\r"#, options: .regularExpression), "not erased: \(rest.debugDescription)")
        XCTAssertTrue(rest[erased.upperBound...].hasPrefix("Content/thoi-su/"), String(rest))
    }

    func testNoColorKeepsEscapesOutOfATerminal() throws {
        let script = try Self.terminal(in: site.root)
        let run = { (environment: [String: String]) in
            try Broadsheet.run(["-qec", "'\(Broadsheet.binary.path)' build", "/dev/null"], in: self.site.root, environment: environment,
                               executable: script).stdout
        }
        if ProcessInfo.processInfo.environment["NO_COLOR"] == nil {
            XCTAssertTrue(try run([:]).contains("\u{1B}[1;33mwarning:\u{1B}[0m"), "coloured on a terminal")
        }
        let plain = try run(["NO_COLOR": ""])
        XCTAssertFalse(plain.contains("\u{1B}"), plain)
        XCTAssertTrue(plain.contains("warning: tag spellings"), plain)
    }

    /// script(1), which runs a command on a terminal and copies what it writes there to its own
    /// output; the test is skipped where there is none or it cannot open a terminal.
    static func terminal(in folder: URL) throws -> URL {
        let script = URL(fileURLWithPath: "/usr/bin/script")
        guard FileManager.default.isExecutableFile(atPath: script.path) else { throw XCTSkip("no script(1) to run the command on a terminal") }
        guard try Broadsheet.run(["-qec", "true", "/dev/null"], in: folder, executable: script).status == 0 else {
            throw XCTSkip("script(1) cannot open a terminal here (no /dev/pts, as in a bare chroot)")
        }
        return script
    }
}
