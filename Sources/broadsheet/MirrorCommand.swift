import ArgumentParser
import Build
import Foundation
import SiteConfig

/// `broadsheet mirror`: builds a site from crawls of a news site, with no other set-up.
struct MirrorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mirror",
        abstract: "Build a mirror site from crawls: folders (wget, HTTrack) or WARC files.",
        discussion: """
        Each article keeps its original address (or, with --urls clean, gets the site's permalink and \
        a redirect from it); duplicates (AMP and print copies, tracking variants) become redirects; links \
        between crawled pages point at the mirror; images are copied. Without a site.yml, the site's \
        title and language come from the crawl. The same crawls can be named in site.yml \
        (mirror: {paths, origin, urls}) so that `broadsheet build` mirrors them beside Content/.
        Exit status: 0 clean; 1 some pages had errors (the mirror is still written); 2 nothing could be built.

        Examples:
          broadsheet mirror crawl/example.org --output Mirror
          broadsheet mirror crawl.warc.gz --origin https://example.org/ --urls clean
        """
    )

    @Argument(help: "Crawls: a host folder (example.org/) as wget saves it, a folder holding host folders, or a .warc or .warc.gz file.")
    var crawls: [String]

    @Option(help: "The crawled site's address, like https://example.org/ (default: from the crawl's host folder).")
    var origin: String?

    @Option(help: "original: articles keep their original addresses; clean: permalinks, with redirects from the originals.",
            completion: .list(["original", "clean"]))
    var urls: String = "original"

    @OptionGroup var outputOptions: OutputOptions

    @OptionGroup var siteOptions: SiteOptions

    @OptionGroup var reportOptions: ReportOptions

    @OptionGroup var logOptions: LogOptions

    func validate() throws {
        guard MirrorConfig.URLs(rawValue: urls) != nil else { throw ValidationError("--urls must be original or clean") }
        if let origin, !(origin.hasPrefix("http://") || origin.hasPrefix("https://")) {
            throw ValidationError("--origin must be an http or https address, like https://example.org/")
        }
    }

    func run() throws {
        let outputURL = outputOptions.outputURL
        let siteOptions = siteOptions
        let useCache = !outputOptions.noCache
        let force = outputOptions.force
        let working = FileManager.default.currentDirectoryPath
        // Paths as the user typed them are relative to where the command runs, not to the site.
        let paths = crawls.map { $0.hasPrefix("/") ? $0 : URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: working + "/")).standardizedFileURL.path }
        let mirror = MirrorConfig(paths: paths, origin: origin, urls: MirrorConfig.URLs(rawValue: urls) ?? .original)
        let outputFolder = BuildOptions(site: siteOptions.siteURL, output: outputURL).output
        let progress = BuildProgress()
        let line = logOptions.quiet ? nil : ProgressLine.start(progress)
        let report = Report(command: "mirror", site: siteOptions.siteURL, output: outputFolder, strict: siteOptions.strict) {
            () throws(BuildError) in
            var options = try siteOptions.buildOptions(output: outputURL, useCache: useCache)
            options.force = force
            options.mirror = mirror
            options.progress = progress
            return try Build(options).run()
        }
        line?.finish()
        ReportWriter(format: reportOptions.format, log: logOptions).write(report, timings: outputOptions.timings, progress: progress.snapshot)
        if report.status != 0 { throw ExitCode(report.status) }
    }
}
