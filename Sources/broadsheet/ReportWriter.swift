import Build
import Foundation
import Infrastructure
import Logging

/// Writes a `Report` in the format asked for. As text, diagnostics go to standard error and the
/// summary line to standard output, as compilers do; as JSON or GitHub annotations, everything a
/// tool reads goes to standard output, so that it can be piped whole. What is neither (step
/// times, counts, the files changed) goes to the log, as `--quiet` and `--verbose` ask.
struct ReportWriter {
    /// The format.
    let format: DiagnosticFormat
    /// Colours of text diagnostics, or none (see `TextStyle`).
    let style: TextStyle
    /// Only errors and no summary (`--quiet`).
    let quiet: Bool
    /// Where step times and counts go.
    let logger: Logger

    /// A writer for `format`, colouring text when standard error is a terminal, as `log` asks.
    init(format: DiagnosticFormat, log: LogOptions, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.format = format
        style = format == .text ? .standardError(environment: environment) : TextStyle(colours: false)
        quiet = log.quiet
        logger = log.logger
    }

    /// Writes the report; with `timings`, also the time of each step. With `--verbose`, the log
    /// also gets the times, the counts of each step (files read from `progress`) and each file
    /// the build changed.
    func write(_ report: Report, timings: Bool = false, progress: BuildProgress.Snapshot? = nil) {
        switch format {
        case .text:
            for diagnostic in report.diagnostics where !quiet || diagnostic.severity == .error { printError(line(for: diagnostic)) }
        case .json:
            print(report.json)
        case .github:
            let files = AnnotationPaths(site: report.site)
            for diagnostic in report.diagnostics { print(diagnostic.workflowCommand(file: files.path(of: diagnostic.path))) }
        }
        if let summary = report.summary { log(summary, timings: timings, progress: progress) }
        guard format != .json, !quiet else { return }
        if let mirror = report.summary?.mirror { print(mirror.summary) }
        if let line = report.summaryLine { print(line) }
    }

    /// A diagnostic as text: its one text form, with a bold location and its severity in red or
    /// yellow when colours are on.
    func line(for diagnostic: Diagnostic) -> String {
        style.labelled(diagnostic.severity.rawValue, isError: diagnostic.severity == .error, location: diagnostic.location,
                       message: diagnostic.message)
    }

    /// Step times (asked for with `--timings`, or at `info` with `--verbose`), then the counts and,
    /// at `debug`, every file changed.
    private func log(_ summary: BuildSummary, timings: Bool, progress: BuildProgress.Snapshot?) {
        for phase in summary.timings.phases {
            logger.log(level: timings ? .notice : .info,
                       "\(phase.name.padding(toLength: 18, withPad: " ", startingAt: 0))\(String(format: "%7.3f s %7.3f cpu-s", phase.seconds, phase.cpuSeconds))")
        }
        let read = progress.map { "\($0.filesRead) files read; " } ?? ""
        let written = "\(summary.written) files written, \(summary.copied) copied; \(summary.changedFiles.count) changed"
        logger.info("\(read)\(summary.rendered) of \(summary.pages) pages rendered; \(written)")
        for file in summary.changedFiles { logger.debug("changed \(file)") }
    }
}

/// Writes a line to standard error (every command's diagnostics go there).
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
