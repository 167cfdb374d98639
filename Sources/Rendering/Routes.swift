import Foundation
import Infrastructure
import SiteConfig

/// Where each page kind lives. Paths are relative to the site root (`tag/chuyen-doi-so/`); URLs
/// add the base URL's path (`/mirror/tag/chuyen-doi-so/`) or the whole base URL (permalinks).
public struct Routes: Sendable {
    /// The base URL's path, with leading and trailing `/`.
    public let root: String
    /// The absolute base URL, ending in `/`.
    public let baseURL: String

    /// Where the tag and author lists live.
    public let taxonomies: TaxonomyPaths
    /// Where the home list's later pages live (`page:num/`), when not at `page/N/`.
    public let homePaging: String?

    /// Makes routes for a site.
    public init(config: SiteConfig) {
        root = config.rootPath
        baseURL = config.baseURL
        taxonomies = config.taxonomies
        homePaging = config.homePaging
    }

    /// Root-relative URL of a path.
    public func url(_ path: String) -> String { root + path }

    /// Absolute URL of a path.
    public func permalink(_ path: String) -> String { baseURL + path }

    /// An URL as readers outside the site need it (feeds, JSON-LD, OpenGraph): a root-relative URL
    /// of this site becomes a permalink; absolute and protocol-relative URLs stay as they are.
    public func absolute(_ url: String) -> String {
        if url.hasPrefix("//") || url.containsBytes("://") { return url }
        if url.hasPrefix(root) { return permalink(String(url.dropFirst(root.count))) }
        if url.hasPrefix("/"), let schemeEnd = baseURL.range(of: "://") {
            // Rooted at the host, not at the site: the base URL's scheme and host, then the path.
            let afterScheme = baseURL[schemeEnd.upperBound...]
            return String(baseURL[..<(afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex)]) + url
        }
        return permalink(url)
    }

    /// The output path (`images/a.png`) of a root-relative URL of this site, percent-decoded,
    /// without its query or fragment; nil for an URL of another host or outside the site's root.
    public func outputPath(ofURL url: String) -> String? {
        guard url.hasPrefix(root), !url.hasPrefix("//") else { return nil }
        // The rest read as bytes, and decoded only when it has an escape: every image of every page
        // asks this, and characters and Foundation's decoding were most of planning a mirror.
        let start = url.index(url.startIndex, offsetBy: root.count)
        let end = url.utf8[start...].firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? url.endIndex
        let path = url[start..<end]
        return path.utf8.contains(UInt8(ascii: "%")) ? path.removingPercentEncoding : String(path)
    }

    /// The tags index (`tags/`).
    public var tagsIndex: String { taxonomies.tagsIndex + "/" }

    /// The authors index, when the site has one.
    public var authorsIndex: String? { taxonomies.authorsIndex.map { $0 + "/" } }

    /// The first page of a tag (`tag/slug/`).
    public func tag(_ slug: String) -> String { "\(taxonomies.tag)/\(slug)/" }

    /// The categories index, when the site lists categories (`categories/`).
    public var categoriesIndex: String? { taxonomies.category.map { $0 + "/" } }

    /// The first page of a category (`categories/slug/`); only asked for when the site lists them.
    public func category(_ slug: String) -> String { "\(taxonomies.category ?? "category")/\(slug)/" }

    /// The first page of an author (`author/slug/`).
    public func author(_ slug: String) -> String { "\(taxonomies.author)/\(slug)/" }

    /// The page of a day's articles: `2021/11/30/`, as the graph's day buckets are written.
    public static func day(year: Int, month: Int, day: Int) -> String {
        func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
        return "\(year)/\(twoDigits(month))/\(twoDigits(day))/"
    }

    /// Page `number` of a list whose first page is `path` (numbers start at 1); the home list's
    /// (`path` empty) where `homePaging` says, as a Jekyll site had them (`page2/`).
    public func page(_ number: Int, of path: String) -> String {
        guard number > 1 else { return path }
        if path.isEmpty, let homePaging { return homePaging.replacingOccurrences(of: ":num", with: String(number)) }
        return path + "page/\(number)/"
    }

    /// The file a page path is written to: a folder path gets `index.html`.
    public static func file(for path: String) -> String {
        path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }
}
