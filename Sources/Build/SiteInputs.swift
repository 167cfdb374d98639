import ContentGraph
import Foundation
import Infrastructure
import Ingest
import Rendering
import SiteConfig
import Templating

/// What every page of a build depends on besides the content: the config, the theme and its
/// compiled templates, and the reader set up with the site's zone and extraction rules.
struct SiteInputs: Sendable {
    let config: SiteConfig
    let theme: Theme
    let templates: TemplateLibrary
    let reader: ContentReader
    /// The crawls the site mirrors, opened (a WARC file indexed) once for the whole build.
    let crawls: CrawlSources?

    /// The wall time of an instant in the site's zone.
    func civilDate(_ secondsSince1970: Int64) -> CivilDate {
        CivilDate(Date(timeIntervalSince1970: TimeInterval(secondsSince1970)), in: config.timeZone)
    }
}

extension Build {
    /// Opens the site's crawls, reads the theme and compiles the templates for `config`; any
    /// problem stops the build. A mirror with no `site.yml` takes its title and language from
    /// the crawl.
    func loadSite(_ config: SiteConfig) throws(BuildError) -> SiteInputs {
        var config = config
        let crawls = try config.mirror.map(openCrawls)
        if let crawls, !FileManager.default.fileExists(atPath: options.site.appendingPathComponent("site.yml").path) {
            sniff(crawls, into: &config)
        }
        let theme = try loadTheme()
        let templates: TemplateLibrary
        do {
            templates = try theme.templateLibrary(language: config.language)
        } catch {
            throw BuildError(error.diagnostic())
        }
        var reader = ContentReader(timeZone: config.timeZone, extractor: try extractor(for: config),
                                   // What Vietnamese Windows saved text in; Western Europe's elsewhere.
                                   legacyEncoding: config.language.hasPrefix("vi") ? "WINDOWS-1258" : "WINDOWS-1252",
                                   keepsUnsafeHTML: config.unsafeMarkup, excerptSeparator: config.excerptSeparator, fileSizeLimit: config.fileSizeLimit,
                                   includes: JekyllIncludes(site: options.site, content: options.site.appendingPathComponent(config.contentFolder)))
        if let progress = options.progress { reader.onRead = progress.fileRead }
        return SiteInputs(config: config, theme: theme, templates: templates, reader: reader, crawls: crawls)
    }

    /// The captures of a mirror's crawls.
    private func openCrawls(_ mirror: MirrorConfig) throws(BuildError) -> CrawlSources {
        do {
            return try CrawlSources(crawlPaths(mirror), origin: mirror.origin.flatMap(CrawlURL.init))
        } catch {
            throw BuildError(error.diagnostic)
        }
    }

    /// The crawled site's name (`og:site_name`) and language (`<html lang>`), for a mirror with no
    /// `site.yml`: those most of its plainest pages (the home page and sections first) state.
    private func sniff(_ sources: CrawlSources, into config: inout SiteConfig) {
        // Sorted as keys and indexes: moving whole entries about was most of this step on a large crawl.
        let entries = sources.entries
        let pages = entries.indices.filter { entries[$0].kind == .page && entries[$0].url.siteHost == sources.siteHost && entries[$0].status == 200 }
            .map { (depth: entries[$0].url.folderPath.count, query: entries[$0].url.query.count, path: entries[$0].url.path, index: $0) }
            .sorted { ($0.depth, $0.query, $0.path, $0.index) < ($1.depth, $1.query, $1.path, $1.index) }
            .prefix(Self.sniffedPages).map { entries[$0.index] }
        let found = ConcurrentMap.map(Array(pages)) { entry -> (site: String?, language: String?) in
            guard let bytes = entry.bytes(),
                  let page = try? HTMLExtractor().extract(bytes, pageURL: entry.url.text, defaultTimeZone: TimeZone(identifier: "UTC")!)
            else { return (nil, nil) }
            return (page.site?.trimmingCharacters(in: .whitespacesAndNewlines),
                    page.lang?.split(separator: "-").first.map { $0.lowercased() })
        }
        if let site = Self.mostCommon(found.compactMap(\.site)) { config.title = site }
        if let language = Self.mostCommon(found.compactMap(\.language)) {
            config.language = language
            // Dates printed without a zone are read in the zone of the site's language.
            config.timeZone = SiteConfig.defaultTimeZone(language: language)
        }
    }

    /// Pages read to find a mirror's name and language.
    private static let sniffedPages = 12

    /// The value given most often (the first of those tied), ignoring empty ones.
    private static func mostCommon(_ values: [String]) -> String? {
        var counts: [String: Int] = [:]
        for value in values where !value.isEmpty { counts[value, default: 0] += 1 }
        return values.first { counts[$0] == counts.values.max() }
    }

    /// The site's `Templates/` folder when it has one, else the theme built into the binary.
    private func loadTheme() throws(BuildError) -> Theme {
        let folder = options.site.appendingPathComponent("Templates")
        do {
            return FileManager.default.fileExists(atPath: folder.path) ? try Theme.load(folder: folder) : try Theme.builtIn()
        } catch {
            var diagnostic = error.diagnostic
            diagnostic.path = diagnostic.path.isEmpty ? folder.path : "Templates/" + diagnostic.path
            throw BuildError(diagnostic)
        }
    }

    /// The extractor with the site's rules; a selector it cannot use is a config error at its rule.
    private func extractor(for config: SiteConfig) throws(BuildError) -> HTMLExtractor {
        var diagnostics: [Diagnostic] = []
        for rule in config.extractionRules {
            for selector in rule.unsupportedSelectors {
                diagnostics.append(ConfigError(path: "site.yml", line: rule.line, column: rule.column,
                                               message: "extraction rule for \(rule.host): unsupported CSS selector '\(selector)' "
                                                + "(supported: type, .class, #id, [attr], [attr=value], descendant and child combinators, ',')").diagnostic)
            }
        }
        guard diagnostics.isEmpty else { throw BuildError(diagnostics) }
        return HTMLExtractor(rules: config.extractionRules)
    }
}
