/// The crawls a site mirrors (`mirror:` in `site.yml`, or `broadsheet mirror`'s arguments): read
/// beside `Content/` on every build, joined by address, the newest capture of each winning.
public struct MirrorConfig: Sendable, Hashable {
    /// How mirrored articles are addressed.
    public enum URLs: String, Sendable, Hashable {
        /// At their original paths (`/thoi-su/abc-20211130225800.htm`): every old link keeps working.
        case original
        /// At the site's permalinks, the original paths redirecting there.
        case clean
    }

    /// Crawl folders and WARC files, relative to the site folder or absolute.
    public var paths: [String]
    /// The crawled site's address (`https://toquoc.vn/`); without it, the crawl's host folder names it.
    public var origin: String?
    /// How mirrored articles are addressed.
    public var urls: URLs

    /// Makes a mirror configuration.
    public init(paths: [String], origin: String? = nil, urls: URLs = .original) {
        self.paths = paths
        self.origin = origin
        self.urls = urls
    }
}
