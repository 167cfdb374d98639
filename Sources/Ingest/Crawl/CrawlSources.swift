import Foundation

/// The crawls a mirror reads, opened: every capture of every crawl folder (and WARC file), in the
/// order the crawls were given, and the site's host.
public struct CrawlSources: Sendable {
    /// Every capture, crawl after crawl.
    public var entries: [CrawlEntry] = []
    /// The site's host: the origin's when given, else the host with the most pages.
    public var siteHost: String

    /// Opens the crawls at `paths` (absolute, with how messages name them). A path that is not
    /// a crawl stops the mirror: a mistyped path must not publish an empty site.
    public init(_ paths: [(absolute: String, shown: String)], origin: CrawlURL?) throws(MirrorError) {
        var pagesByHost: [String: Int] = [:]
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path.absolute, isDirectory: &isFolder) else {
                throw MirrorError(path: path.shown, message: "no crawl folder or WARC file here")
            }
            guard isFolder.boolValue else {
                throw MirrorError(path: path.shown, message: "not a crawl folder; WARC files are not read yet")
            }
            let folder = try CrawlFolder(folder: path.absolute, origin: origin, shownAs: path.shown)
            entries += folder.entries
        }
        for entry in entries where entry.kind == .page { pagesByHost[entry.url.siteHost, default: 0] += 1 }
        guard let host = origin?.siteHost ?? pagesByHost.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else {
            throw MirrorError(path: paths.first?.shown ?? "mirror", message: "the crawl holds no HTML page")
        }
        siteHost = host
    }
}
