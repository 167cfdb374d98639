import Foundation
import TestSupport
import XCTest

/// `--format text|json|github` on `build` and `check`: the same diagnostics in each, written as
/// a terminal, a tool or GitHub Actions reads them.
final class ReportFormatTests: XCTestCase {
    private func site(_ name: String) throws -> FixtureSite {
        let site = try FixtureSite(copying: name)
        addTeardownBlock { site.remove() }
        return site
    }

    private var schema: [String: Any] {
        get throws {
            let data = try Data(contentsOf: Repository.root.appendingPathComponent("docs/report.schema.json"))
            return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        }
    }

    /// The report printed on standard output, checked against the schema and for its key order.
    private func report(_ stdout: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        XCTAssertEqual(stdout.filter { $0 == "\n" }.count, 1, "one document on one line", file: file, line: line)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any], file: file, line: line)
        XCTAssertEqual(SchemaCheck.problems(report, against: try schema), [], file: file, line: line)
        let keys = ["version", "command", "site", "output", "summary", "diagnostics", "timings"].map { stdout.range(of: "\"\($0)\":")?.lowerBound }
        XCTAssertFalse(keys.contains(nil), file: file, line: line)
        XCTAssertEqual(keys.compactMap { $0 }, keys.compactMap { $0 }.sorted(), "keys in their fixed order", file: file, line: line)
        return report
    }

    func testJSONReportOfACheckHoldsTheDiagnosticsTheTextFormatPrints() throws {
        let site = try site("invalid/every-check")
        let text = try site.run(["check"])
        let json = try site.run(["check", "--format", "json"])
        XCTAssertEqual(json.status, 1)
        XCTAssertEqual(json.stderr, "")
        let report = try report(json.stdout)
        XCTAssertEqual(report["command"] as? String, "check")
        XCTAssertTrue(report["output"] is NSNull)
        XCTAssertEqual(report["site"] as? String, site.root.standardizedFileURL.path)
        let diagnostics = try XCTUnwrap(report["diagnostics"] as? [[String: Any]])
        let lines = diagnostics.map { diagnostic -> String in
            let (file, line, column) = (diagnostic["file"] as? String ?? "", diagnostic["line"] as? Int ?? 0, diagnostic["column"] as? Int ?? 0)
            let location = line == 0 ? file : column == 0 ? "\(file):\(line)" : "\(file):\(line):\(column)"
            return "\(location): \(diagnostic["severity"] as? String ?? ""): \(diagnostic["message"] as? String ?? "")"
        }
        XCTAssertEqual(lines, text.stderr.split(separator: "\n").map(String.init))
        let summary = try XCTUnwrap(report["summary"] as? [String: Any])
        XCTAssertEqual(summary["errors"] as? Int, 3)
        XCTAssertEqual(summary["warnings"] as? Int, 7)
        XCTAssertEqual(summary["articles"] as? Int, 6)
        XCTAssertEqual(summary["written"] as? Int, 0)
        XCTAssertEqual(summary["exitStatus"] as? Int, 1)
        XCTAssertEqual((report["timings"] as? [[String: Any]])?.first?["phase"] as? String, "config and theme")
    }

    func testJSONReportOfABuildNamesItsOutput() throws {
        let site = try site("valid")
        let result = try site.run(["build", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let report = try report(result.stdout)
        XCTAssertEqual(report["command"] as? String, "build")
        XCTAssertEqual(report["output"] as? String, site.output.path)
        XCTAssertGreaterThan((report["summary"] as? [String: Any])?["written"] as? Int ?? 0, 30)
        XCTAssertTrue(site.exists("index.html"))
    }

    func testARunThatCannotStartStillPrintsAWholeReport() throws {
        let site = try site("invalid/config-syntax")
        for command in ["build", "check"] {
            let result = try site.run([command, "--format", "json"])
            XCTAssertEqual(result.status, 2)
            let report = try report(result.stdout)
            XCTAssertEqual((report["summary"] as? [String: Any])?["exitStatus"] as? Int, 2)
            let diagnostics = report["diagnostics"] as? [[String: Any]]
            XCTAssertEqual(diagnostics?.map { $0["code"] as? String }, ["config.invalid"])
            XCTAssertEqual(diagnostics?.first?["line"] as? Int, 3)
        }
        let badEpoch = try site.run(["check", "--format", "json"], environment: ["SOURCE_DATE_EPOCH": "soon"])
        XCTAssertEqual(badEpoch.status, 2)
        XCTAssertEqual((try report(badEpoch.stdout)["diagnostics"] as? [[String: Any]])?.first?["file"] as? String, "SOURCE_DATE_EPOCH")
    }

    func testTheSchemaCheckCatchesABrokenReport() throws {
        var broken = try report(try site("valid").run(["check", "--format", "json"]).stdout)
        broken["summary"] = nil
        broken["timings"] = [["phase": "render", "seconds": "fast", "cpuSeconds": 0.5]]
        broken["extra"] = true
        XCTAssertEqual(SchemaCheck.problems(broken, against: try schema).count, 3)
    }

    func testGitHubAnnotationsOnePerDiagnosticThenTheSummary() throws {
        let site = try site("invalid/every-check")
        let result = try site.run(["check", "--format", "github"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "")
        var lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.removeLast().hasPrefix("broadsheet: 6 articles, "))
        XCTAssertEqual(lines.count, 10)
        let command = try NSRegularExpression(pattern: #"^::(error|warning) file=[^,]+(,line=\d+)?(,col=\d+)?,title=[a-z.-]+::.+$"#)
        for line in lines {
            XCTAssertNotNil(command.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)), line)
        }
        XCTAssertTrue(lines.contains("::error file=Content/tin/khong-tua.md,line=1,col=1,title=article.no-title::"
                                     + "no title: add `title:` to the front matter, or start the body with a heading"), result.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("::warning file=Content/tin/bi-danh.md,title=alias.taken::") }, "no line or column when 0")
    }

    func testGitHubAnnotationsEscapeWhatWorkflowCommandsReserve() throws {
        let site = try site("invalid/no-title")
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("Content/tin/khong-tua.md"),
                                         to: site.root.appendingPathComponent("Content/tin/a,b:c.md"))
        try site.write("Content/tin/tot.md", "---\ntitle: Tốt\ndate: 2021-11-29\n---\n[x](50%25.md)\n")
        let lines = try site.run(["check", "--format", "github"]).stdout.split(separator: "\n")
        XCTAssertTrue(lines.contains("::error file=Content/tin/a%2Cb%3Ac.md,line=1,col=1,title=article.no-title::"
                                     + "no title: add `title:` to the front matter, or start the body with a heading"), "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("::warning file=Content/tin/tot.md,line=5,col=1,title=link.unresolved::link to '50%2525.md'") },
                      "\(lines)")
    }

    func testGitHubAnnotationsNameFilesFromTheFolderTheCommandRunsIn() throws {
        let site = try site("invalid/no-title")
        let parent = site.root.deletingLastPathComponent()
        let result = try Broadsheet.run(["check", "--site", site.root.lastPathComponent, "--format", "github"], in: parent)
        XCTAssertTrue(result.stdout.hasPrefix("::error file=\(site.root.lastPathComponent)/Content/tin/khong-tua.md,line=1,"), result.stdout)
    }

    func testTextHasNoEscapeCodesWhenPipedOrWhenNoColorIsSet() throws {
        let site = try site("invalid/every-check")
        let piped = try site.run(["check"])
        XCTAssertFalse(piped.stderr.contains("\u{1B}"))
        XCTAssertFalse(piped.stdout.contains("\u{1B}"))
        let script = URL(fileURLWithPath: "/usr/bin/script")
        guard FileManager.default.isExecutableFile(atPath: script.path) else { throw XCTSkip("no script(1) to run the command on a terminal") }
        guard try Broadsheet.run(["-qec", "true", "/dev/null"], in: site.root, executable: script).status == 0 else {
            throw XCTSkip("script(1) cannot open a terminal here (no /dev/pts, as in a bare chroot)")
        }
        // script(1) gives the command a terminal, and copies what it writes there to its own output.
        let onTerminal = { (environment: [String: String]) in
            try Broadsheet.run(["-qec", "'\(Broadsheet.binary.path)' check", "/dev/null"], in: site.root, environment: environment,
                               executable: script).stdout
        }
        // The control: on a terminal, without NO_COLOR (unless the tests themselves run with it).
        if ProcessInfo.processInfo.environment["NO_COLOR"] == nil {
            let coloured = try onTerminal([:])
            XCTAssertTrue(coloured.contains("\u{1B}[1;31merror:\u{1B}[0m"), coloured)
            XCTAssertTrue(coloured.contains("\u{1B}[1mContent/tin/khong-ngay.html:1:1:\u{1B}[0m"), coloured)
        }
        let plain = try onTerminal(["NO_COLOR": ""])
        XCTAssertFalse(plain.contains("\u{1B}"), plain)
        XCTAssertTrue(plain.contains("Content/tin/khong-ngay.html:1:1: error: no publication date"), plain)
    }
}
