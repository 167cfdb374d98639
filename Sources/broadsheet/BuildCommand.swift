import ArgumentParser
import Build
import Foundation
import Infrastructure

/// `broadsheet build`: renders a site folder into its output folder.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site: Content/ and Templates/ into Output/.",
        discussion: """
        Exit status: 0 when everything built cleanly; 1 when some inputs had errors (the site is \
        still written without them) or, with --strict, warnings; 2 when nothing could be built.
        """
    )

    @Option(help: "The site folder, holding Content/, Templates/ and site.yml.")
    var site: String = "."

    @Option(help: "Where to write the site (default: Output/ in the site folder).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "The absolute URL the site is served from, overriding site.yml.")
    var baseURL: String?

    @Flag(help: "Build drafts too.")
    var drafts = false

    @Flag(name: .customLong("no-cache"), help: "Build from scratch and keep no cache in .broadsheet/cache/.")
    var noCache = false

    @Flag(help: "Build articles dated after SOURCE_DATE_EPOCH too.")
    var future = false

    @Flag(help: "Treat warnings as errors, and report every template variable missing from a page's context.")
    var strict = false

    @Flag(help: "Print the wall time of each build step to standard error.")
    var timings = false

    /// Nothing reads the clock, so builds are reproducible: "now" is `SOURCE_DATE_EPOCH` when set
    /// (the reproducible-builds convention), else the newest article's date.
    static var sourceDateEpoch: Int64? {
        get throws {
            guard let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] else { return nil }
            // Years 1000 to 9999, the dates the rest of the build can show.
            guard let seconds = Int64(text), (-30_610_224_000...253_402_300_799).contains(seconds) else {
                printError("SOURCE_DATE_EPOCH: error: '\(text)' is not a number of seconds since 1970 between the years 1000 and 9999")
                throw ExitCode(2)
            }
            return seconds
        }
    }

    func run() throws {
        let started = DispatchTime.now()
        let siteURL = URL(fileURLWithPath: site)
        let options = BuildOptions(site: siteURL, output: output.map { URL(fileURLWithPath: $0) }, baseURL: baseURL,
                                   includeDrafts: drafts, strict: strict, includeFuture: future,
                                   now: try Self.sourceDateEpoch, useCache: !noCache)
        let summary: BuildSummary
        do {
            summary = try Build(options).run()
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            throw ExitCode(2)
        }
        for diagnostic in summary.diagnostics { printError(diagnostic.description) }
        if timings {
            for phase in summary.timings.phases { printError(phase.name.padding(toLength: 18, withPad: " ", startingAt: 0) + String(format: "%7.3f s", phase.seconds)) }
        }
        let (errors, warnings) = (summary.errors, summary.warnings)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        print("broadsheet: \(summary.articles) articles, \(summary.pages) pages (\(summary.rendered) rendered), \(summary.copied) files copied, "
              + "\(summary.written) files written, \(errors) errors, \(warnings) warnings, in \(String(format: "%.2f", seconds)) s → \(options.output.path)")
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    }
}

/// Writes a line to standard error (every command's diagnostics go there).
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
