import ArgumentParser
import Build
import Foundation

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

    @OptionGroup var siteOptions: SiteOptions

    @Option(help: "Where to write the site (default: Output/ in the site folder).")
    var output: String?

    @Flag(help: "Replace the output folder even when it holds files Broadsheet did not write.")
    var force = false

    @Flag(name: .customLong("no-cache"), help: "Build from scratch and keep no cache in .broadsheet/cache/.")
    var noCache = false

    @Flag(help: "Print the wall time of each build step to standard error.")
    var timings = false

    @OptionGroup var reportOptions: ReportOptions

    func run() throws {
        let outputURL = output.map { URL(fileURLWithPath: $0) }
        let siteOptions = siteOptions
        let useCache = !noCache
        let force = force
        // Named before the build runs, so that the report of a build that cannot start names it too.
        let outputFolder = BuildOptions(site: siteOptions.siteURL, output: outputURL).output
        let report = Report(command: "build", site: siteOptions.siteURL, output: outputFolder, strict: siteOptions.strict) {
            () throws(BuildError) in
            var options = try siteOptions.buildOptions(output: outputURL, useCache: useCache)
            options.force = force
            return try Build(options).run()
        }
        ReportWriter(format: reportOptions.format).write(report, timings: timings)
        if report.status != 0 { throw ExitCode(report.status) }
    }
}
