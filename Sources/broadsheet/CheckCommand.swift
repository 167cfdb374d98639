import ArgumentParser
import Build

/// `broadsheet check`: everything `build` finds wrong with a site, without writing anything —
/// for an editor before publishing, or a CI job on every pull request.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the site as a build would, writing nothing: no Output/, no cache.",
        discussion: """
        Reads every article, resolves links (to articles, files and their sections) and images, \
        and renders every page with the theme, reporting what `build` reports. Exit status: 0 when \
        the site is clean; 1 when there are errors or, with --strict, warnings; 2 when nothing \
        could be checked (a bad site.yml or theme).

        Examples:
          broadsheet check
          broadsheet check --site my-paper --strict
          broadsheet check --format json
        """
    )

    @OptionGroup var siteOptions: SiteOptions

    @OptionGroup var reportOptions: ReportOptions

    @OptionGroup var logOptions: LogOptions

    func run() throws {
        let siteOptions = siteOptions
        let progress = BuildProgress()
        let report = Report(command: "check", site: siteOptions.siteURL, output: nil, strict: siteOptions.strict) {
            () throws(BuildError) in
            var options = try siteOptions.buildOptions()
            options.progress = progress
            return try Build(options).check()
        }
        ReportWriter(format: reportOptions.format, log: logOptions).write(report, progress: progress.snapshot)
        if report.status != 0 { throw ExitCode(report.status) }
    }
}
