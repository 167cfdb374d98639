import Infrastructure
import XCTest

final class DiagnosticTests: XCTestCase {
    func testTheTextFormLeavesOutAnUnknownPosition() {
        let whole = Diagnostic(path: "Content/a.md", severity: .error, code: "file.unreadable", message: "cannot read the file")
        XCTAssertEqual(whole.description, "Content/a.md: error: cannot read the file")
        var line = whole
        line.line = 3
        XCTAssertEqual(line.description, "Content/a.md:3: error: cannot read the file")
        line.column = 7
        XCTAssertEqual(line.description, "Content/a.md:3:7: error: cannot read the file")
    }

    func testAnArchivedDiagnosticReadsBackWithItsCodeAndSeverity() throws {
        for severity in [Diagnostic.Severity.note, .warning, .error] {
            let diagnostic = Diagnostic(path: "Content/Hà Nội.md", line: 2, column: 5, severity: severity, code: "link.unresolved", message: "m")
            var writer = ArchiveWriter()
            diagnostic.archive(into: &writer)
            var reader = ArchiveReader(writer.bytes)
            XCTAssertEqual(try Diagnostic(archive: &reader), diagnostic)
        }
    }

    func testNotesSortBeforeWarningsAndWarningsBeforeErrors() {
        XCTAssertEqual([Diagnostic.Severity.error, .note, .warning].sorted(), [.note, .warning, .error])
    }
}
