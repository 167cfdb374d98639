import Build
import Dispatch
import Foundation
import Infrastructure

/// What one run of `build` or `check` found, before it is written in any format: the counts of
/// the run, every diagnostic, the time each step took, and the exit status they make.
struct Report {
    /// `build`, `check` or `mirror`.
    let command: String
    /// The site folder.
    let site: URL
    /// Where the site was written; nil when nothing is written (`check`).
    let output: URL?
    /// What the run did; nil when it could not start (bad config, bad theme).
    let summary: BuildSummary?
    /// Everything found wrong: the run's, or what kept it from starting.
    let diagnostics: [Diagnostic]
    /// Wall time of the whole run.
    let seconds: Double
    /// 0 clean; 1 errors or, with `--strict`, warnings; 2 nothing could be built or checked.
    let status: Int32

    /// Runs `body` (a build or a check) and reports how it went.
    init(command: String, site: URL, output: URL?, strict: Bool, running body: () throws(BuildError) -> BuildSummary) {
        let started = DispatchTime.now()
        let outcome = Result(catching: body)
        seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        self.command = command
        self.site = site
        self.output = output
        switch outcome {
        case .success(let summary):
            self.summary = summary
            diagnostics = summary.diagnostics
            status = summary.errors > 0 || (strict && summary.warnings > 0) ? 1 : 0
        case .failure(let error):
            summary = nil
            diagnostics = error.diagnostics
            status = 2
        }
    }

    /// Errors among the diagnostics.
    var errors: Int { diagnostics.count { $0.severity == .error } }
    /// Warnings among the diagnostics (not notes, which say nothing is wrong).
    var warnings: Int { diagnostics.count { $0.severity == .warning } }

    /// The one line a person reads at the end; nil when nothing could be built or checked, as
    /// the diagnostics then say all there is.
    var summaryLine: String? {
        guard let summary else { return nil }
        let problems = "\(errors) errors, \(warnings) warnings, in \(String(format: "%.2f", seconds)) s"
        guard let output else {
            return "broadsheet: \(summary.articles) articles, \(summary.pages) pages checked, " + problems
        }
        return "broadsheet: \(summary.articles) articles, \(summary.pages) pages (\(summary.rendered) rendered), \(summary.copied) files copied, "
            + "\(summary.written) files written, " + problems + " → \(output.path)"
    }
}
