import Foundation
import Infrastructure
#if canImport(Glibc)
import Glibc
#endif

/// Writes a `Report` in the format asked for. As text, diagnostics go to standard error and the
/// summary line to standard output, as compilers do; as JSON or GitHub annotations, everything a
/// tool reads goes to standard output, so that it can be piped whole.
struct ReportWriter {
    /// The format.
    let format: DiagnosticFormat
    /// Whether text is coloured: only on a terminal, and never when `NO_COLOR` is set, whatever
    /// its value (https://no-color.org), so that piped and logged output holds no escape codes.
    let colours: Bool

    /// A writer for `format`, colouring text when standard error is a terminal.
    init(format: DiagnosticFormat, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.format = format
        colours = format == .text && isatty(STDERR_FILENO) == 1 && environment["NO_COLOR"] == nil
    }

    /// Writes the report; with `timings`, also the time of each step, to standard error.
    func write(_ report: Report, timings: Bool = false) {
        switch format {
        case .text:
            for diagnostic in report.diagnostics { printError(line(for: diagnostic)) }
        case .json:
            print(report.json)
        case .github:
            let files = AnnotationPaths(site: report.site)
            for diagnostic in report.diagnostics { print(diagnostic.workflowCommand(file: files.path(of: diagnostic.path))) }
        }
        if timings, let summary = report.summary {
            for phase in summary.timings.phases {
                printError(phase.name.padding(toLength: 18, withPad: " ", startingAt: 0) + String(format: "%7.3f s", phase.seconds))
            }
        }
        if format != .json, let mirror = report.summary?.mirror { print(mirror.summary) }
        if format != .json, let line = report.summaryLine { print(line) }
    }

    /// A diagnostic as text: its one text form, with a bold location and its severity in red or
    /// yellow when colours are on.
    func line(for diagnostic: Diagnostic) -> String {
        guard colours else { return diagnostic.description }
        let colour = diagnostic.severity == .error ? "31" : "33"
        return "\u{1B}[1m\(diagnostic.location):\u{1B}[0m \u{1B}[1;\(colour)m\(diagnostic.severity.rawValue):\u{1B}[0m \(diagnostic.message)"
    }
}

/// Writes a line to standard error (every command's diagnostics go there).
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
