import Foundation
import SiteConfig

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
    /// Replaces an output folder that holds files Broadsheet did not write.
    public var force = false
    /// Crawls to mirror, replacing `mirror:` of `site.yml` (`broadsheet mirror`).
    public var mirror: MirrorConfig?
    /// Where the build counts what it has read and written, for a progress line; nil counts nothing.
    public var progress: BuildProgress?

    /// The options that change what is built, for the input stamp.
    var fingerprint: [String] {
        [baseURL ?? "", String(includeDrafts), String(includeFuture), now.map(String.init) ?? "", output.standardizedFileURL.path,
         String(sitemapLimit), mirror.map { ["mirror", $0.origin ?? "", $0.urls.rawValue] + $0.paths }?.joined(separator: "\u{0}") ?? ""]
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
