import Foundation
import Ingest
import SiteConfig

extension SiteConfig {
    /// The `site.yml` of the site at `site` (without one, a Hugo or Jekyll site's own config file, as
    /// a build reads it), when it is there and can be read. The server reads it for what it needs
    /// before a build (the base path, a mirror's crawls); a config that cannot be read is the
    /// build's to report.
    static func read(site: URL) -> SiteConfig? {
        guard let data = FileManager.default.contents(atPath: site.appendingPathComponent("site.yml").path) else {
            guard let migrated = try? MigratedConfig.read(site: site) else { return nil }
            return migrated.config
        }
        return try? SiteConfig(yaml: String(decoding: data, as: UTF8.self), path: "site.yml")
    }
}
