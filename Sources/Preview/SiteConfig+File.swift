import Foundation
import SiteConfig

extension SiteConfig {
    /// The `site.yml` of the site at `site`, when it is there and can be read. The server reads it
    /// for what it needs before a build (the base path, a mirror's crawls); a `site.yml` that
    /// cannot be read is the build's to report.
    static func read(site: URL) -> SiteConfig? {
        guard let data = FileManager.default.contents(atPath: site.appendingPathComponent("site.yml").path) else { return nil }
        return try? SiteConfig(yaml: String(decoding: data, as: UTF8.self), path: "site.yml")
    }
}
