import Foundation
import Infrastructure
import Ingest
import SiteConfig

extension SiteConfig {
    /// The config a build of `options.site` works with, read the one way every command reads it
    /// (`build`, `check`, `serve`, `new`): `site.yml`, or without one a Hugo or Jekyll site's own
    /// config file (with a note of what was read); the content folder the site actually has; and
    /// the options that override the file.
    public static func load(_ options: BuildOptions) throws(BuildError) -> SiteConfig {
        var config = SiteConfig()
        let data = FileTree.contents(of: options.site.appendingPathComponent("site.yml").path)
        do {
            if let data {
                // Named from the site folder, as content files are.
                config = try SiteConfig(yaml: String(decoding: data, as: UTF8.self), path: "site.yml")
            } else if options.mirror == nil, let migrated = try MigratedConfig.read(site: options.site) {
                // A Hugo or Jekyll site built as it is: its own config file, and a word on what was read.
                config = migrated.config
                config.notes += migrated.diagnostics
            }
        } catch {
            throw BuildError(error.diagnostic)
        }
        if config.contentFolder == "Content", !exists(options.site, "Content") {
            // A Hugo site folder built as it is; a Jekyll one, whose posts are at its top.
            if exists(options.site, "content") {
                config.contentFolder = "content"
            } else if ["_posts", "_drafts", MigratedConfig.jekyllFile].contains(where: { exists(options.site, $0) }) {
                config.contentFolder = "."
            }
        }
        if config.contentFolder == "." {
            // The site's own files and the build's output are not content.
            config.excludedContent.formUnion(["Templates", "site.yml"])
            let site = options.site.standardizedFileURL.path + "/"
            let output = options.output.standardizedFileURL.path
            if output.hasPrefix(site), let top = output.dropFirst(site.count).split(separator: "/").first { config.excludedContent.insert(String(top)) }
        }
        if let mirror = options.mirror { config.mirror = mirror }
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

    private static func exists(_ site: URL, _ name: String) -> Bool {
        FileManager.default.fileExists(atPath: site.appendingPathComponent(name).path)
    }
}
