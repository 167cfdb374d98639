/// Everything read from one scraped page: its metadata and its article body, sanitized.
public struct ExtractedPage: Sendable, Hashable {
    /// The article's title, without the site name.
    public var title: String?
    /// The author or authors as the page names them.
    public var byline: String?
    /// When the article was first published.
    public var published: ParsedDate?
    /// When the article was last changed.
    public var modified: ParsedDate?
    /// The section or category the page files the article under.
    public var section: String?
    /// The article's tags or keywords, in page order, without duplicates.
    public var tags: [String] = []
    /// The canonical URL the page declares.
    public var canonical: String?
    /// The lead image's URL.
    public var image: String?
    /// The page's summary of the article, else the body's first paragraph.
    public var description: String?
    /// The language the page declares, e.g. `vi`.
    public var lang: String?
    /// The publication's name.
    public var site: String?
    /// The body as plain text, one paragraph (or heading, list item, caption) per line.
    public var text: String = ""
    /// The body as sanitized HTML: an allowlist of elements and attributes, no scripts, no event handlers.
    public var html: String = ""
    /// The `src` of each image kept in `html`, as written there.
    public var images: [String] = []
    /// The `href` of each link kept in `html`, as written there.
    public var links: [String] = []
    /// Whether the page calls itself an article (`og:type` `article`, a schema.org article in its
    /// JSON-LD), calls itself something else (`og:type` `website`), or says nothing (nil).
    public var declaresArticle: Bool?
    /// Whether `published` comes from the page's metadata (a meta tag, JSON-LD, a `<time>`), not
    /// from a date printed in its text: a listing prints its items' dates too.
    public var publishedInMetadata = false
    /// The share of the body's text that sits inside links: near 0 for an article, high for a
    /// list of headlines.
    public var linkDensity = 0.0
    /// Things worth telling the user that did not stop extraction, e.g. repaired invalid UTF-8.
    public var warnings: [String] = []
    /// The line where the page's elements nest deeper than the parser reads (`HTMLDocument.depthLimit`):
    /// it stops there, and the rest of the page is not read.
    public var cutOffAtLine: Int?

    /// An empty page; the extractor fills it in.
    public init() {}
}
