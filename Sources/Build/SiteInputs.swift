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

    /// The wall time of an instant in the site's zone.
    func civilDate(_ secondsSince1970: Int64) -> CivilDate {
        CivilDate(Date(timeIntervalSince1970: TimeInterval(secondsSince1970)), in: config.timeZone)
    }
}

extension Build {
    /// Reads `site.yml` and the theme and compiles the templates; any problem stops the build.
    func loadSite() throws(BuildError) -> SiteInputs {
        let config = try loadConfig()
        let theme = try loadTheme()
        let templates: TemplateLibrary
        do {
            templates = try theme.templateLibrary(language: config.language)
        } catch {
            throw BuildError(error.diagnostic())
        }
        return SiteInputs(config: config, theme: theme, templates: templates,
                          reader: ContentReader(timeZone: config.timeZone, extractor: try extractor(for: config),
                                                // What Vietnamese Windows saved text in; Western Europe's elsewhere.
                                                legacyEncoding: config.language.hasPrefix("vi") ? "WINDOWS-1258" : "WINDOWS-1252",
                                                keepsUnsafeHTML: config.unsafeMarkup, fileSizeLimit: config.fileSizeLimit))
    }

    private func loadConfig() throws(BuildError) -> SiteConfig {
        var config = SiteConfig()
        if let data = FileManager.default.contents(atPath: options.site.appendingPathComponent("site.yml").path) {
            do {
                // Named from the site folder, as content files are.
                config = try SiteConfig(yaml: String(decoding: data, as: UTF8.self), path: "site.yml")
            } catch {
                throw BuildError(error.diagnostic)
            }
        }
        if let baseURL = options.baseURL {
            do {
                try config.setBaseURL(baseURL)
            } catch {
                var diagnostic = error.diagnostic
                diagnostic.path = "--base-url"
                (diagnostic.line, diagnostic.column) = (0, 0)
                throw BuildError(diagnostic)
            }
        }
        return config
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
