import ArgumentParser
import Build
import Foundation
import Infrastructure

/// The options `build` and `check` share: which site, and which of its articles count.
struct SiteOptions: ParsableArguments {
    @Option(help: "The site folder, holding Content/, Templates/ and site.yml.", completion: .directory)
    var site: String = "."

    @Option(name: .customLong("base-url"), help: "The absolute URL the site is served from, overriding site.yml.")
    var baseURL: String?

    @Flag(help: "Include drafts.")
    var drafts = false

    @Flag(help: "Include articles dated after SOURCE_DATE_EPOCH.")
    var future = false

    @Flag(help: "Treat warnings as errors, and report every template variable missing from a page's context.")
    var strict = false

    /// The site folder.
    var siteURL: URL { URL(fileURLWithPath: site) }

    /// What to build, with "now" from the environment; an unusable `SOURCE_DATE_EPOCH` stops the
    /// command as a bad config does, with a diagnostic that every report format can show.
    func buildOptions(output: URL? = nil, useCache: Bool = true) throws(BuildError) -> BuildOptions {
        BuildOptions(site: siteURL, output: output, baseURL: baseURL, includeDrafts: drafts, strict: strict,
                     includeFuture: future, now: try Self.sourceDateEpoch(), useCache: useCache)
    }

    /// Nothing reads the clock, so builds are reproducible: "now" is `SOURCE_DATE_EPOCH` when set
    /// (the reproducible-builds convention), else the newest article's date.
    static func sourceDateEpoch() throws(BuildError) -> Int64? {
        guard let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] else { return nil }
        // Years 1000 to 9999, the dates the rest of the build can show.
        guard let seconds = Int64(text), (-30_610_224_000...253_402_300_799).contains(seconds) else {
            throw BuildError(Diagnostic(path: "SOURCE_DATE_EPOCH", severity: .error, code: "environment.invalid",
                                        message: "'\(text)' is not a number of seconds since 1970 between the years 1000 and 9999"))
        }
        return seconds
    }
}
