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
        still written without them) or, with --strict, warnings; 2 when nothing could be built. \
        On a terminal, a build that takes over a second shows its progress on one line.

        Examples:
          broadsheet build
          broadsheet build --site my-paper --output /var/www/paper
          broadsheet build --base-url https://paper.example/
          broadsheet build --strict --format github
          broadsheet build --verbose --no-cache
        """
    )

    @OptionGroup var siteOptions: SiteOptions

    @OptionGroup var outputOptions: OutputOptions

    @OptionGroup var reportOptions: ReportOptions

    @OptionGroup var logOptions: LogOptions

    func run() throws {
        let outputURL = outputOptions.outputURL
        let siteOptions = siteOptions
        let useCache = !outputOptions.noCache
        let force = outputOptions.force
        // Named before the build runs, so that the report of a build that cannot start names it too.
        let outputFolder = BuildOptions(site: siteOptions.siteURL, output: outputURL).output
        let progress = BuildProgress()
        let line = logOptions.quiet ? nil : ProgressLine.start(progress)
        let report = Report(command: "build", site: siteOptions.siteURL, output: outputFolder, strict: siteOptions.strict) {
            () throws(BuildError) in
            var options = try siteOptions.buildOptions(output: outputURL, useCache: useCache)
            options.force = force
            options.progress = progress
            return try Build(options).run()
        }
        line?.finish()
        ReportWriter(format: reportOptions.format, log: logOptions).write(report, timings: outputOptions.timings, progress: progress.snapshot)
        if report.status != 0 { throw ExitCode(report.status) }
    }
}
