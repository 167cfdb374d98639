import Build
import Foundation
import SiteConfig

extension SiteConfig {
    /// The config of the site at `site`, read as a build reads it (`SiteConfig.load`), when it can
    /// be read. The server reads it for what it needs before a build (the base path, a mirror's
    /// crawls, the folders to watch); a config that cannot be read is the build's to report.
    static func read(site: URL, output: URL? = nil) -> SiteConfig? {
        try? load(BuildOptions(site: site, output: output))
    }
}
