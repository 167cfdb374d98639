import Foundation
import Infrastructure

/// The typed form of `site.yml`: every stage takes the part it needs as a plain value.
public struct SiteConfig: Sendable {
    /// The site's name, shown in the header and in feeds.
    public var title: String
    /// A sentence about the site, for meta descriptions and feeds.
    public var description: String
    /// The absolute URL the site is served from, always ending in `/`.
    public var baseURL: String
    /// The site's language code (`vi`, `en`): UI strings, date names, `lang` on `<html>`.
    public var language: String
    /// The zone of dates written without one, and the zone pages show dates in: `timeZone` in
    /// `site.yml`, else the zone of the site's language (see `defaultTimeZone(language:)`).
    public var timeZone: TimeZone
    /// Whether `site.yml` named the time zone; when not, a build that read dates without an
    /// offset says which zone it took.
    public var timeZoneIsSet = false
    /// Articles per list page.
    public var pageSize: Int
    /// Where the home list's later pages live (`page:num/`, `:num` the page number), as Jekyll's
    /// `paginate_path` puts them; nil for `page/N/`, as every other list's.
    public private(set) var homePaging: String?
    /// Sections in display order; sections found only in content follow, by name.
    public var sections: [SectionConfig]
    /// URL pattern of article pages.
    public var articlePermalink: Permalink
    /// URL patterns of the articles of some sections, by the name of their content folder or
    /// their section's slug (Hugo's `permalinks: {posts: …}`); the others use `articlePermalink`.
    public var sectionPermalinks: [String: Permalink] = [:]
    /// Whether a URL path without a trailing `/` and without an extension (`/about`, a permalink
    /// `:title`) is written as an `.html` file (`about.html`), as Jekyll writes it, rather than
    /// as a folder (`about/index.html`), Broadsheet's own rule: `extensionlessPaths: file` in
    /// `site.yml`, and always for a site whose config is Jekyll's `_config.yml`.
    public var extensionlessPathsAreFiles = false
    /// Hugo's `uglyURLs` (`uglyURLs: true`): articles and pages are written as `.html` files
    /// (`/2023/a.html`, also where their permalink ends in `/`), and each list, still a folder,
    /// gets a redirect from the file Hugo wrote beside it (`/tags/x.html`).
    public var uglyURLs = false
    /// Whether each list also answers at `page/1/` with a redirect to its first page, as Hugo
    /// writes it (`pagination.firstPageAlias`; on for a Hugo config).
    public var firstPageAliases = false
    /// How written slugs and file names become URLs (`slugify.paths`).
    public var slugifyPaths = SlugStyle.safe
    /// Whether a permalink's `:year`, `:month` and `:day` read the date in the offset its source
    /// wrote (`permalinkDates: written`, as Hugo does: `2012-02-18T00:08+08:00` is in `/2012/02/18/`)
    /// rather than in the site's zone (`site`, the default, as Jekyll does).
    public var permalinkDatesAsWritten = false
    /// How tag, category and author names become URLs (`slugify.taxonomies`): folded by default
    /// (`Chuyển đổi số` → `chuyen-doi-so`); a Hugo config's `lower` keeps `chuyển-đổi-số`, `asp.net`.
    public var slugifyTaxonomies = SlugStyle.on
    /// Where the tag, section and author lists live.
    public var taxonomies = TaxonomyPaths()
    /// Items in each feed.
    public var feedItems: Int = 20
    /// The file name of each list's RSS feed (`feeds.rss`): `feed.xml`, or Hugo's `index.xml`, so
    /// that a moved site's subscribers keep their feed.
    public var rssFile = "feed.xml"
    /// Whether feeds carry whole articles (else summaries).
    public var feedFullContent = false
    /// Categories (section and tags) each feed item lists: every tag's feeds repeat an article's
    /// categories, so without a bound the output grows with the square of its tag count.
    public var feedCategories = 10
    /// Related articles shown on each article page.
    public var relatedCount = 5
    /// Keeps raw HTML in Markdown as written (`markup.unsafe: true`); by default it is sanitized.
    public var unsafeMarkup = false
    /// What ends a Markdown article's summary when written in its body (`excerptSeparator`,
    /// Jekyll's `excerpt_separator`); a file's front matter may name its own.
    public var excerptSeparator = "<!--more-->"
    /// Tags an article keeps; more are reported and dropped. A page with 20,000 `article:tag`
    /// metas would otherwise make 20,000 tag pages and feeds, each listing all of them.
    public var tagsPerArticle = 100
    /// Bytes a content page may have; larger pages are reported and not read.
    public var fileSizeLimit = 16 << 20
    /// Per-site hints for reading crawled pages.
    public var extractionRules: [ExtractionRule] = []
    /// The crawls the site mirrors, when it mirrors any.
    public var mirror: MirrorConfig?
    /// The folder of the site's content, relative to the site folder: `Content`, or what a Hugo
    /// config's `contentDir` or Jekyll's `source` names, or Hugo's `content` when only that
    /// exists, or the site folder itself (`.`) for a Jekyll site with `_posts/` at its top.
    public var contentFolder = "Content"
    /// Names at the top of a content folder that is the site folder itself which are not
    /// content: Jekyll's `exclude:` and the files Jekyll leaves out by default.
    public var excludedContent: Set<String> = []

    /// A content file's path as a user opens it from the site folder (`Content/a.md`, `_posts/a.md`).
    public func sitePath(ofContent path: String) -> String {
        contentFolder == "." ? path : contentFolder + "/" + path
    }
    /// What reading the configuration had to say that stopped nothing (which keys of a Hugo or
    /// Jekyll config file were read): reported with the build's other diagnostics.
    public var notes: [Diagnostic] = []

    /// The defaults a site with no `site.yml` gets.
    public init(
        title: String = "Broadsheet",
        description: String = "",
        baseURL: String = "http://localhost:8080/",
        language: String = "vi",
        timeZone: TimeZone? = nil,
        pageSize: Int = 10,
        sections: [SectionConfig] = [],
        articlePermalink: Permalink = .defaultArticle
    ) {
        self.title = title
        self.description = description
        self.baseURL = Self.normalizedBaseURL(baseURL)
        self.language = language
        self.timeZone = timeZone ?? Self.defaultTimeZone(language: language)
        self.pageSize = pageSize
        self.sections = sections
        self.articlePermalink = articlePermalink
    }

    /// The path part of the base URL, with leading and trailing `/`: the prefix of every
    /// root-relative link, so a site can live under `/mirror/`.
    public var rootPath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let afterHost = baseURL[schemeEnd.upperBound...]
        guard let slash = afterHost.firstIndex(of: "/") else { return "/" }
        return String(afterHost[slash...])
    }

    /// Sets the base URL, which must be absolute (`https://example.org/news/`).
    public mutating func setBaseURL(_ url: String) throws(ConfigError) {
        guard let schemeEnd = url.range(of: "://"), !url[schemeEnd.upperBound...].isEmpty else {
            throw ConfigError(path: "baseURL", message: "base URL '\(url)' must be absolute, like https://example.org/")
        }
        baseURL = Self.normalizedBaseURL(url)
    }

    /// Sets where the home list's later pages live from a pattern such as `/page:num/`: always a
    /// folder, relative to the site root. It must hold `:num`, else every page would be at one URL.
    public mutating func setHomePaging(_ pattern: String) throws(ConfigError) {
        guard pattern.contains(":num") else {
            throw ConfigError(path: "pagination.homePath", message: "the home list's page path '\(pattern)' must hold :num, the page number")
        }
        let folder = pattern.trimmingCharacters(in: ["/"])
        homePaging = folder.isEmpty ? nil : folder + "/"
    }

    /// The zone dates without one are read in when the site names none: a Vietnamese site's
    /// (`vi`, `vi-VN`) is `Asia/Ho_Chi_Minh`, any other language's UTC, as a site's language says
    /// little about where it is.
    public static func defaultTimeZone(language: String) -> TimeZone {
        let base = language.prefix { $0 != "-" && $0 != "_" }.lowercased()
        return TimeZone(identifier: base == "vi" ? "Asia/Ho_Chi_Minh" : "UTC")!
    }

    /// The pattern of an article's URL: its content folder's (`folder`, the first folder of its
    /// path), else its section's, else the site's.
    public func permalink(folder: String?, section: String?) -> Permalink {
        folder.flatMap { sectionPermalinks[$0] } ?? section.flatMap { sectionPermalinks[$0] } ?? articlePermalink
    }

    /// Adds the trailing slash every URL join relies on.
    static func normalizedBaseURL(_ url: String) -> String {
        url.hasSuffix("/") ? url : url + "/"
    }
}

/// A section named in `site.yml`.
public struct SectionConfig: Sendable, Hashable {
    /// Display name (`Thời sự`).
    public var name: String
    /// URL slug (`thoi-su`); when nil, the graph folds the name.
    public var slug: String?

    /// Makes a section entry.
    public init(name: String, slug: String? = nil) {
        self.name = name
        self.slug = slug
    }
}
