import ContentGraph
import Dispatch
import Foundation
import Ingest
import SiteConfig
import Templating

/// What a build is asked to do.
public struct BuildOptions: Sendable {
    /// The site folder: `Content/`, optional `Templates/` and `site.yml`.
    public var site: URL
    /// Where the site is written; replaced as a whole.
    public var output: URL
    /// Overrides `baseURL` of `site.yml`.
    public var baseURL: String?
    /// Builds drafts too.
    public var includeDrafts: Bool
    /// Reports every missing template variable (a theme author's check).
    public var strict: Bool
    /// Builds articles dated after "now" too.
    public var includeFuture: Bool
    /// "Now", seconds since 1970, when the caller fixes it (`SOURCE_DATE_EPOCH`); else the newest article's date.
    public var now: Int64?
    /// Uses and keeps the build cache in `.broadsheet/cache/` (off: a cold build that leaves no cache).
    public var useCache: Bool
    /// URLs per sitemap file before a sitemap index is written (the protocol's 50,000).
    public var sitemapLimit: Int

    /// The options that change what is built, for the input stamp.
    var fingerprint: [String] {
        [baseURL ?? "", String(includeDrafts), String(includeFuture), now.map(String.init) ?? "", output.standardizedFileURL.path,
         String(sitemapLimit)]
    }

    /// Makes options; the output defaults to `Output/` in the site folder.
    public init(site: URL, output: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false, strict: Bool = false,
                includeFuture: Bool = false, now: Int64? = nil, useCache: Bool = true, sitemapLimit: Int = 50_000) {
        self.useCache = useCache
        self.sitemapLimit = sitemapLimit
        self.includeFuture = includeFuture
        self.now = now
        self.site = site
        self.output = output ?? site.appendingPathComponent("Output")
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.strict = strict
    }
}

/// What a build did.
public struct BuildSummary: Sendable {
    /// Articles in the site.
    public var articles: Int
    /// Pages rendered (articles, lists, redirects).
    public var pages: Int
    /// Files copied (images, theme assets).
    public var copied: Int
    /// Everything found wrong, errors and warnings, sorted by path and line.
    public var diagnostics: [Diagnostic]
    /// Pages rendered this time (the others were unchanged since the last build).
    public var rendered: Int
    /// Files written this time (the others kept their previous file and modification time).
    public var written: Int
    /// Wall time of each step (read, graph, plan, render, copy, commit).
    public var timings = PhaseClock()
}

/// A build that could not produce a site at all (bad config, bad theme, unwritable output).
public struct BuildError: Error, Sendable, CustomStringConvertible {
    /// Each problem, as `path:line:column: error: message`.
    public var messages: [String]

    /// The problems, one per line.
    public var description: String { messages.joined(separator: "\n") }
}

/// The whole pipeline: read → graph → pages → write.
public enum Build {
    /// Builds a site folder into its output folder.
    public static func run(_ options: BuildOptions) throws(BuildError) -> BuildSummary {
        var options = options
        var clock = PhaseClock()
        // A symlinked output folder is built where it points, not replaced by a folder.
        options.output = options.output.resolvingSymlinksInPath()
        try checkOutputIsSafe(options)
        let lock = try BuildLock(output: options.output)
        defer { withExtendedLifetime(lock) {} }
        let inputs = InputStamp(site: options.site, options: options.fingerprint)
        var previous = options.useCache ? BuildManifest.load(site: options.site, output: options.output) : nil
        let outputExists = FileManager.default.fileExists(atPath: options.output.path)
        if let previous, previous.inputs == inputs.value, outputExists {
            return BuildSummary(articles: previous.articles, pages: previous.pages, copied: previous.copied,
                                diagnostics: previous.contentDiagnostics + RenderReports(issues: previous.issues).diagnostics(strict: options.strict),
                                rendered: 0, written: 0)
        }
        previous = previous?.loadingFiles(site: options.site, output: options.output)
        let cached = previous != nil && outputExists ? GraphCache.load(site: options.site, output: options.output) : nil
        let graphMatches = cached?.state == previous?.inputs
        // The manifest describes the output folder: once the output changes, the old one is wrong.
        BuildManifest.remove(site: options.site, output: options.output, everything: !options.useCache)
        let config = try loadConfig(options)
        let theme = try loadTheme(options.site)
        let templates = try compile(theme, language: config.language)
        let reader = ContentReader(timeZone: config.timeZone, extractor: try extractor(for: config))
        clock.lap("config and theme")
        if let previous, let cached, graphMatches {
            let incremental = IncrementalBuild(options: options, config: config, theme: theme, templates: templates, reader: reader,
                                               inputs: inputs, previous: previous, cached: cached)
            if let summary = try incremental.run(clock: clock) {
                releaseInBackground(incremental)
                return summary
            }
        }
        var folder = reader.read(listed: inputs.content)
        if let now = options.now, !options.includeFuture {
            // Scheduled articles wait for their date, as in Hugo; without a fixed "now" nothing is in the future.
            folder.documents.removeAll { ($0.date.map { Int64($0.date.timeIntervalSince1970) } ?? 0) > now }
        }
        clock.lap("read content")
        let graph = GraphBuilder(config: config, includeDrafts: options.includeDrafts).build(consume folder)
        clock.lap("content graph")
        let now = options.now ?? graph.newestTimestamp ?? 0
        let model = ViewModel(graph: graph, config: config, theme: theme, now: CivilDate(Date(timeIntervalSince1970: TimeInterval(now)), in: config.timeZone))
        let planner = PagePlanner(graph: graph, model: model, config: config, templates: templates, sitemapLimit: options.sitemapLimit)
        let claims = PageClaims(graph: graph).resolve(pages: planner.pages(), themeAssets: theme.assets.keys.sorted(), contentAssets: graph.assets)
        let pages = claims.pages + planner.sitemaps(listing: claims.pages, now: now)
        clock.lap("plan pages")
        let writer: OutputWriter
        do { writer = try OutputWriter(output: options.output) } catch { throw BuildError(messages: [error.description]) }
        do {
            writer.prepareFolders(claims.folders)
            let renderer = PageRenderer(templates: templates, model: model, writer: writer, themeFingerprint: theme.fingerprint, previous: previous)
            var result = try renderer.render(pages)
            clock.lap("render and write")
            let copied = try copyFiles(claims.contentAssets, themeAssets: claims.themeAssets, theme: theme, writer: writer,
                                       previous: previous, into: &result)
            clock.lap("copy files")
            try writer.commit()
            clock.lap("swap output")
            let content = shownFromSite(graph.diagnostics) + claims.diagnostics
            if options.useCache {
                GraphCache(settings: inputs.settings, content: inputs.content, claimsClean: claims.diagnostics.isEmpty, graph: graph,
                           base: inputs.value, state: inputs.value).save(site: options.site, output: options.output)
                BuildManifest(inputs: inputs.value, output: options.output.path, articles: graph.articles.count,
                              pages: pages.count, copied: copied, contentDiagnostics: content, files: result.files,
                              issues: result.issues).save(site: options.site, output: options.output)
                clock.lap("save cache")
            }
            let diagnostics = content + RenderReports(issues: result.issues).diagnostics(strict: options.strict)
            return BuildSummary(articles: graph.articles.count, pages: pages.count, copied: copied, diagnostics: diagnostics,
                                rendered: result.rendered, written: result.written, timings: clock)
        } catch {
            writer.discard()
            throw BuildError(messages: [error.description])
        }
    }

    /// Content diagnostics with their paths shown from the site folder, as a user would open them.
    static func shownFromSite(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            var shown = diagnostic
            shown.path = "Content/" + diagnostic.path
            return shown
        }
    }

    /// Lets go of a build's large values on another thread: a command-line build exits right
    /// after, and freeing ten thousand articles one by one would only delay it.
    static func releaseInBackground<Value: Sendable>(_ value: Value) {
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(value) {} }
    }

    /// The output folder is replaced as a whole, so it must not be, or hold, the site's sources.
    private static func checkOutputIsSafe(_ options: BuildOptions) throws(BuildError) {
        let output = options.output.standardizedFileURL.path
        let site = options.site.resolvingSymlinksInPath().standardizedFileURL.path
        let sources = [site, site + "/Content", site + "/Templates", site + "/site.yml"]
        if output == "/" || sources.contains(where: { $0 == output || $0.hasPrefix(output + "/") }) {
            throw BuildError(messages: ["\(options.output.path): error: the output folder would replace the site's own files; choose another --output"])
        }
    }

    private static func loadConfig(_ options: BuildOptions) throws(BuildError) -> SiteConfig {
        let path = options.site.appendingPathComponent("site.yml").path
        var config = SiteConfig()
        if let data = FileManager.default.contents(atPath: path) {
            do {
                config = try SiteConfig(yaml: String(decoding: data, as: UTF8.self), path: path)
            } catch {
                throw BuildError(messages: [error.description])
            }
        }
        if let baseURL = options.baseURL {
            do {
                try config.setBaseURL(baseURL)
            } catch {
                throw BuildError(messages: ["--base-url: error: \(error.message)"])
            }
        }
        return config
    }

    /// The extractor with the site's rules; a selector it cannot use is a config error at its rule.
    private static func extractor(for config: SiteConfig) throws(BuildError) -> HTMLExtractor {
        var messages: [String] = []
        for rule in config.extractionRules {
            for selector in rule.unsupportedSelectors {
                messages.append(ConfigError(path: "site.yml", line: rule.line, column: rule.column,
                                            message: "extraction rule for \(rule.host): unsupported CSS selector '\(selector)' "
                                                + "(supported: type, .class, #id, [attr], [attr=value], descendant and child combinators, ',')").description)
            }
        }
        guard messages.isEmpty else { throw BuildError(messages: messages) }
        return HTMLExtractor(rules: config.extractionRules)
    }

    private static func loadTheme(_ site: URL) throws(BuildError) -> Theme {
        let folder = site.appendingPathComponent("Templates")
        do {
            return FileManager.default.fileExists(atPath: folder.path) ? try Theme.load(folder: folder) : try Theme.builtIn()
        } catch {
            throw BuildError(messages: [error.description])
        }
    }

    private static func compile(_ theme: Theme, language: String) throws(BuildError) -> TemplateLibrary {
        var filters = FilterRegistry.standard
        if language.hasPrefix("vi") { filters.dateLanguage = .vietnamese }
        filters.register("slug", TemplateFilter { value, _ in
            guard case .string(let text) = value else { return value }
            return .string(Slug.fold(text))
        })
        do {
            return try TemplateLibrary(sources: theme.templates, filters: filters)
        } catch {
            throw BuildError(messages: [error.description])
        }
    }

    /// Copies content assets and writes theme assets, keeping the previous file where the
    /// source is unchanged (same path, size and modification time, or same bytes).
    private static func copyFiles(_ assets: [Asset], themeAssets: [String], theme: Theme, writer: OutputWriter,
                                  previous: BuildManifest?, into result: inout PageRenderer.Result) throws(OutputError) -> Int {
        for asset in assets {
            var hasher = StableHasher()
            hasher.combine(asset.sourcePath)
            hasher.combine(UInt64(asset.size))
            hasher.combine(UInt64(bitPattern: Int64(asset.modified)))
            let record = BuildManifest.FileRecord(source: hasher.value, bytes: hasher.value)
            if previous?.files[asset.path]?.source != record.source || !writer.keepPrevious(asset.path) {
                try writer.copy(from: asset.sourcePath, to: asset.path)
                result.written += 1
            }
            result.files[asset.path] = record
        }
        for path in themeAssets {
            let bytes = theme.assets[path] ?? []
            let hash = ContentHash.of(bytes)
            let file = "assets/" + path
            if previous?.files[file]?.bytes != hash || !writer.keepPrevious(file) {
                try writer.write(bytes, to: file)
                result.written += 1
            }
            result.files[file] = BuildManifest.FileRecord(source: hash, bytes: hash)
        }
        return assets.count + themeAssets.count
    }
}
