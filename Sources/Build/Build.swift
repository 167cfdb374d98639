import ContentGraph
import Dispatch
import Foundation
import Infrastructure
import Ingest
import Rendering
import SiteConfig

/// One build of a site, start to end: read → graph → plan → render and write (the graph saved to
/// the cache meanwhile) → commit → save the rest of the cache. A `Build` holds only its options, so
/// it can be run again in the same process (a preview server runs it on every save), and
/// `check()` does everything but write.
public struct Build: Sendable {
    /// What the build is asked to do.
    public let options: BuildOptions

    /// A build of `options.site` into `options.output`.
    public init(_ options: BuildOptions) {
        var options = options
        // A symlinked output folder is built where it points, not replaced by a folder.
        options.output = Self.resolved(options.output)
        self.options = options
    }

    /// Builds the site into its output folder: nothing when no input changed, only what changed
    /// when the cache allows it, else the whole site into a staging folder swapped in at the end.
    public func run() throws(BuildError) -> BuildSummary {
        var clock = PhaseClock()
        try checkSiteExists()
        try checkOutputIsSafe()
        let lock = try BuildLock(output: options.output)
        defer { withExtendedLifetime(lock) {} }
        let config = try SiteConfig.load(options)
        let inputs = InputStamp(site: options.site, config: config, options: options.fingerprint,
                                crawls: config.mirror.map(crawlPaths) ?? [])
        var cache = BuildCache(options: options, inputs: inputs)
        if let summary = cache.upToDate(strict: options.strict) {
            // Ten thousand listed files are let go on another thread, as a full build's graph is.
            Self.releaseInBackground((consume inputs, consume cache))
            return summary
        }
        let site = try loadSite(config)
        clock.lap("config and theme")
        options.progress?.enter(.reading)
        // A mirror's crawls are read whole on every build that is not a no-op: an incremental
        // build knows only the content folder's files.
        if config.mirror == nil, var incremental = cache.incremental(site: site) {
            if let summary = try incremental.run(clock: clock) {
                Self.releaseInBackground((consume incremental, consume cache, consume inputs, consume site))
                return summary
            }
        }
        let (graph, waiting, mirror) = readGraph(inputs.content, site: site, clock: &clock)
        let plan = planPages(graph, site: site, mirror: mirror)
        clock.lap("plan pages")
        // Every way out waits for the graph being saved: no half-written file is left behind.
        let graphSaved = options.useCache ? cache.saveGraph(graph, claimsClean: plan.diagnostics.isEmpty) : nil
        defer { graphSaved?.value }
        // Waits for the check of the output's files, which must see them before they change.
        let previous = cache.previous
        let writer: OutputWriter
        do { writer = try OutputWriter(output: options.output, progress: options.progress) } catch { throw BuildError(error.diagnostic) }
        let written: Written
        do {
            written = try write(plan, site: site, into: writer, previous: previous, payloads: mirror?.payloads ?? [:], clock: &clock)
        } catch {
            writer.discard()
            throw BuildError(error.diagnostic)
        }
        let content = inputs.linkDiagnostics + waiting + Self.shownFromSite(graph.diagnostics, config: config, mirror: mirror)
            + Self.shownFromCrawls(plan.diagnostics, mirror: mirror)
        let files = plan.outputFiles
        options.progress?.enter(.finishing)
        if let graphSaved {
            cache.save(graph: graph, graphSaved: graphSaved, plan: plan, written: written, files: files, contentDiagnostics: content)
            clock.lap("save cache")
        }
        let summary = BuildSummary(articles: graph.stories.count, pages: plan.pages.count, copied: written.copied,
                                   diagnostics: cache.restoredDiagnostics + content
                                       + RenderReports(issues: written.pages.issues).diagnostics(strict: options.strict),
                                   rendered: written.pages.rendered, written: written.pages.written, timings: clock,
                                   changedFiles: Self.changed(files, now: written.pages.files, before: previous?.files),
                                   mirror: mirror?.merged.report)
        // The process usually ends with the build: the graph and the pages are let go on another
        // thread. Torn down here they were the last 45 ms of a build of 10,000 articles, on one core.
        Self.releaseInBackground((consume graph, consume plan, consume written, consume inputs, consume files))
        return summary
    }

    /// Removes what the build cache keeps for this output folder: a preview server's private
    /// output folder is deleted when it stops, and a cache describing it would never be read again.
    public func forgetCache() {
        BuildManifest.remove(site: options.site, output: options.output, everything: true)
    }

    /// Everything `run` finds wrong, without writing anything: the site is read, its graph made,
    /// and every page rendered (so template problems are found), then thrown away. Neither the
    /// output folder nor the cache is touched.
    public func check() throws(BuildError) -> BuildSummary {
        var clock = PhaseClock()
        try checkSiteExists()
        let config = try SiteConfig.load(options)
        let site = try loadSite(config)
        clock.lap("config and theme")
        options.progress?.enter(.reading)
        let inputs = InputStamp(site: options.site, config: config, options: options.fingerprint, crawls: [])
        let (graph, waiting, mirror) = readGraph(inputs.content, site: site, clock: &clock)
        let plan = planPages(graph, site: site, mirror: mirror)
        clock.lap("plan pages")
        options.progress?.enter(.rendering)
        let rendered: PageRenderer.Result
        do {
            rendered = try PageRenderer(templates: site.templates, model: plan.model, sink: DiscardingSink(),
                                        themeFingerprint: site.theme.fingerprint, previous: nil).render(plan.pages)
        } catch {
            throw BuildError(error.diagnostic)
        }
        clock.lap("render")
        let changedByHand = OutputState.load(site: options.site, output: options.output)?.changed(in: options.output).count ?? 0
        return BuildSummary(articles: graph.stories.count, pages: plan.pages.count, copied: 0,
                            diagnostics: OutputState.handChanges(changedByHand, in: options.output, writtenNow: false) + inputs.linkDiagnostics + waiting + Self.shownFromSite(graph.diagnostics, config: config, mirror: mirror) + Self.shownFromCrawls(plan.diagnostics, mirror: mirror)
                                + RenderReports(issues: rendered.issues).diagnostics(strict: options.strict),
                            rendered: rendered.rendered, written: 0, timings: clock, mirror: mirror?.merged.report)
    }

    /// Reads the listed content files and the site's crawls, and makes the graph of the articles
    /// to build; with it, a warning when articles dated after "now" were left out, and what the
    /// crawls gave (their documents moved into the graph).
    func readGraph(_ files: [SourceFile], site: SiteInputs, clock: inout PhaseClock) -> (ContentGraph, [Diagnostic], MirrorContent?) {
        // Bodies wait in a spill file in the temporary folder, from their reading to their page: at
        // 100,000 articles they would be most of a gigabyte of heap (see `SpillFile`).
        let spill = SpillFile(in: FileManager.default.temporaryDirectory.path)
        var reader = site.reader
        reader.spill = spill
        var folder = reader.read(listed: files)
        if Self.hugoConfigFiles.contains(where: { FileManager.default.fileExists(atPath: options.site.appendingPathComponent($0).path) }) {
            folder.hasHugoLayout = true
        }
        var mirror: MirrorContent?
        if let config = site.config.mirror, let sources = site.crawls {
            mirror = readMirror(config, sources: sources, site: site, into: &folder, clock: &clock)
            clock.lap("merge crawls")
        }
        var waiting: [Diagnostic] = []
        if let now = options.now {
            // Scheduled articles wait for their date and expired ones are taken down, as in Hugo;
            // without a fixed "now" nothing is in the future or past its expiry.
            func seconds(_ date: ParsedDate?) -> Int64? { date.map { Int64($0.date.timeIntervalSince1970) } }
            let count = folder.documents.count
            if !options.includeFuture {
                folder.documents.removeAll { (seconds($0.date) ?? 0) > now }
                if folder.documents.count < count {
                    // Said once: a wrong SOURCE_DATE_EPOCH (0 in some CI set-ups) otherwise builds an empty site without a word.
                    waiting.append(Diagnostic(path: "SOURCE_DATE_EPOCH", severity: .warning, code: Self.futureCode,
                                              message: "\(count - folder.documents.count) of \(count) documents are dated after "
                                                + "\(site.civilDate(now).iso8601) and were left out; --future builds them"))
                }
            }
            // Taken down on purpose, as a draft is kept back: left out without a word.
            folder.documents.removeAll { seconds($0.expires).map { $0 <= now } ?? false }
        }
        if let warning = Self.zoneWarning(folder.documents, config: site.config) { waiting.append(warning) }
        waiting += site.config.notes
        clock.lap("read content")
        let graph = GraphBuilder(config: site.config, includeDrafts: options.includeDrafts, spill: spill).build(consume folder)
        clock.lap("content graph")
        return (graph, waiting, mirror)
    }

    /// Every page of the site, with the URLs each claims resolved, and the sitemaps of those kept;
    /// a mirror's redirect maps too.
    func planPages(_ graph: ContentGraph, site: SiteInputs, mirror: MirrorContent? = nil) -> SitePlan {
        let now = options.now ?? graph.newestTimestamp ?? 0
        let images = ImageSizeReader(assets: graph.assets, payloads: mirror?.payloads ?? [:])
        let model = ViewModel(graph: graph, config: site.config, theme: site.theme, now: site.civilDate(now),
                              imageSizes: images.lookup, imageVariants: images.variantLookup)
        let planner = PagePlanner(graph: graph, model: model, config: site.config, templates: site.templates,
                                  sitemapLimit: options.sitemapLimit)
        let redirects = mirror.map { Self.redirectMap($0.merged.queryRedirects, graph: graph, root: site.config.rootPath) } ?? []
        let claims = PageClaims(graph: graph, config: site.config).resolve(pages: planner.pages() + RedirectMap.pages(redirects), themeAssets: site.theme.assets.keys.sorted(),
                                                      contentAssets: graph.assets)
        return SitePlan(model: model, pages: claims.pages + planner.sitemaps(listing: claims.pages, now: now), folders: claims.folders,
                        contentAssets: claims.contentAssets, themeAssets: claims.themeAssets, images: images, diagnostics: claims.diagnostics)
    }

    /// The files among `files` whose bytes differ from the previous build's (or that it did not
    /// have), sorted: records hold a hash of each file's bytes, so nothing is read back.
    static func changed(_ files: [String], now: PageRecords, before: PageRecords?) -> [String] {
        files.filter { before?[$0]?.bytes != now[$0]?.bytes }.sorted()
    }

    /// `url` with every link resolved, also when its last folders do not exist yet (as a first
    /// build's output): `resolvingSymlinksInPath` leaves such a path as written, and a link in
    /// it could lead into the site's own `Content/`.
    static func resolved(_ url: URL) -> URL {
        var existing = url.standardizedFileURL
        var missing: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            missing.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        return missing.reduce(existing.resolvingSymlinksInPath()) { $0.appendingPathComponent($1) }
    }

    /// The code of the warning that dates without an offset were read in a zone the site did not name.
    static let zoneCode = "config.time-zone"

    /// Said once a build when dates without an offset were read and `site.yml` names no zone:
    /// they were read in the language's zone, which moves posts by a day when it is the wrong one.
    /// Named at the file where the zone is set: `site.yml`, or a Jekyll site's `_config.yml`.
    static func zoneWarning(_ documents: [SourceDocument], config: SiteConfig) -> Diagnostic? {
        guard !config.timeZoneIsSet else { return nil }
        let count = documents.count { $0.date?.tookDefaultZone ?? false }
        guard count > 0 else { return nil }
        let file = config.notes.first { $0.code == MigratedConfig.code }?.path ?? "site.yml"
        return Diagnostic(path: file, severity: .warning, code: zoneCode,
                          message: "\(count) of \(documents.count) documents give a date without an offset; they were read in "
                            + "\(config.timeZone.identifier), the default for language '\(config.language)': "
                            + "set \(file == "site.yml" ? "timeZone" : "timezone") to the site's zone")
    }

    /// Hugo's config files: beside `Content/`, they say the site is laid out as Hugo lays one out.
    static let hugoConfigFiles = MigratedConfig.hugoFiles

    /// The code of the warning that articles dated after "now" were left out.
    static let futureCode = "content.future"

    /// Content diagnostics with their paths shown from the site folder, as a user would open them;
    /// a mirrored article's are shown at the capture it was read from, and the crawls' own
    /// problems are added.
    static func shownFromSite(_ diagnostics: [Diagnostic], config: SiteConfig, mirror: MirrorContent? = nil) -> [Diagnostic] {
        let crawled = mirror?.merged.shownPaths ?? [:]
        let shownCaptures = Set(crawled.values)
        func shown(_ diagnostic: Diagnostic) -> Diagnostic {
            var shown = diagnostic
            if let capture = crawled[diagnostic.path] {
                shown.path = capture
            } else if !shownCaptures.contains(diagnostic.path) {
                shown.path = config.sitePath(ofContent: diagnostic.path)
            }
            return shown
        }
        return diagnostics.map(shown) + (mirror?.merged.diagnostics ?? []).map { diagnostic in
            var own = diagnostic
            own.path = crawled[diagnostic.path] ?? diagnostic.path
            return own
        }
    }

    /// Planning's diagnostics name an article by its content file (`Content/<id>`); a mirrored
    /// article's are named at the capture it was read from.
    static func shownFromCrawls(_ diagnostics: [Diagnostic], mirror: MirrorContent?) -> [Diagnostic] {
        guard let crawled = mirror?.merged.shownPaths, !crawled.isEmpty else { return diagnostics }
        return diagnostics.map { diagnostic in
            var shown = diagnostic
            if diagnostic.path.hasPrefix("Content/"), let capture = crawled[String(diagnostic.path.dropFirst(8))] { shown.path = capture }
            return shown
        }
    }

    /// The redirect map's lines: each old address with a query, to its article's mirrored path.
    static func redirectMap(_ redirects: [(from: String, document: String)], graph: ContentGraph, root: String) -> [(from: String, to: String)] {
        let indexes = graph.articleIndexes()
        return redirects.compactMap { redirect in
            indexes[redirect.document].map { (redirect.from, root + graph.articles[$0].path) }
        }.sorted { $0.from < $1.from }
    }

    /// Lets go of a build's large values on another thread: a command-line build exits right
    /// after, and freeing ten thousand articles one by one would only delay it.
    static func releaseInBackground<Value: Sendable>(_ value: Value) {
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(value) {} }
    }

    /// A folder with neither `Content/` nor `site.yml` is not a site: a mistyped `--site` would
    /// otherwise build an empty one and report success.
    private func checkSiteExists() throws(BuildError) {
        let manager = FileManager.default
        // A mirror needs no site folder of its own: its crawls are its content.
        if options.mirror != nil && manager.fileExists(atPath: options.site.path) { return }
        // A Hugo or Jekyll site folder is a site too: its config file says so.
        let marks = ["Content", "site.yml", "content", "_posts"] + Self.hugoConfigFiles + [MigratedConfig.jekyllFile]
        guard !marks.contains(where: { manager.fileExists(atPath: options.site.appendingPathComponent($0).path) }) else { return }
        let what = manager.fileExists(atPath: options.site.path) ? "holds no Content/ and no site.yml" : "does not exist"
        throw BuildError(Diagnostic(path: options.site.path, severity: .error, code: "site.missing",
                                    message: "the site folder \(what); give the folder of a site with --site"))
    }

    /// The output folder is replaced as a whole, so it must not be, hold or sit inside the site's
    /// sources (a build would read its own output back in), be the home folder, or be a folder of
    /// the user's that a mistyped `--output` named.
    private func checkOutputIsSafe() throws(BuildError) {
        let output = options.output.standardizedFileURL.path
        let site = options.site.resolvingSymlinksInPath().standardizedFileURL.path
        let sources = [site, site + "/Content", site + "/content", site + "/Templates", site + "/site.yml"]
        let home = FileManager.default.homeDirectoryForCurrentUser.resolvingSymlinksInPath().standardizedFileURL.path
        let holdsSources = sources.contains { $0 == output || $0.hasPrefix(output + "/") }
        let insideSources = sources.dropFirst().contains { output.hasPrefix($0 + "/") }
        if output == "/" || output == home || holdsSources || insideSources {
            throw BuildError(Diagnostic(path: options.output.path, severity: .error, code: "output.unsafe",
                                        message: "the output folder would replace the site's own files; choose another --output"))
        }
        // An output that a build before the marker wrote is known by the manifest it left.
        let builtBefore = FileManager.default.fileExists(atPath: BuildManifest.location(site: options.site, output: options.output).path)
        if !options.force && !builtBefore && !OutputWriter.mayReplace(options.output) {
            throw BuildError(Diagnostic(path: options.output.path, severity: .error, code: "output.not-ours",
                                        message: "the output folder holds files Broadsheet did not write (no \(OutputWriter.marker)); "
                                            + "choose another --output, empty it, or pass --force to replace it"))
        }
    }
}

/// Every page a full build writes and what it copies: planned once, rendered in parallel.
struct SitePlan {
    /// What the pages are rendered from.
    let model: ViewModel
    /// The pages, in the order they are rendered (sitemaps last).
    let pages: [Page]
    /// Every folder the pages go in, made before rendering.
    let folders: Set<String>
    /// Content files copied as they are.
    let contentAssets: [SourceFile]
    /// Theme files written below `assets/`.
    let themeAssets: [String]
    /// The content images' sizes, and the widths of the resized copies written beside them.
    let images: ImageSizeReader
    /// URLs claimed twice, and what was left out for it.
    let diagnostics: [Diagnostic]
}

extension SitePlan {
    /// The path of every file the build writes or keeps in the output, below it.
    var outputFiles: [String] {
        pages.map(\.file) + contentFiles + themeAssets.map { "assets/" + $0 }
    }

    /// The output paths of the content files: each asset, then its resized copies.
    var contentFiles: [String] {
        contentAssets.flatMap { asset in
            [asset.path] + images.variantWidths(of: asset.path).compactMap { ImageVariants.path(asset.path, width: $0) }
        }
    }
}

/// Where rendered pages go when a build only checks: nowhere.
struct DiscardingSink: PageSink {
    func keepPrevious(_ file: String) -> Bool { false }
    func keepIfSame(_ bytes: [UInt8], at file: String) -> Bool { false }
    func write(_ bytes: [UInt8], to file: String) throws(OutputError) {}
}
