import Templating

/// One output file: where it goes, what it is rendered from, and which inputs it shows.
public struct Page: Sendable {
    /// What kind of page it is, as templates see it in `page.kind`.
    public enum Kind: String, Sendable {
        /// One article.
        case article
        /// A page that is not a story (about, contact): see `Article.isPage`.
        case page
        /// The home page and its later pages.
        case home
        /// A section's list.
        case section
        /// A tag's list.
        case tag
        /// The list of all tags, and the other lists of names (authors, categories).
        case tags
        /// A category's list, when the site lists categories (`taxonomies.category`).
        case category
        /// An author's list.
        case author
        /// A year's list.
        case year
        /// A month's list.
        case month
        /// A day's list.
        case day
        /// The archive: years and months with their counts.
        case archive
        /// The search page, which reads `search-index.json` in the browser.
        case search
        /// The page a server shows for a missing URL.
        case notFound = "404"
        /// A redirect from an old path.
        case alias
        /// An RSS, Atom or JSON feed.
        case feed
        /// A sitemap or another file for machines (`robots.txt`).
        case machine
    }

    /// Output file path relative to the output folder (`2021/11/30/slug/index.html`).
    public var file: String
    /// The page's kind.
    public var kind: Kind
    /// What the page is made from, computed only when the page is rendered (from the view model
    /// it is rendered with), so a build holds a few pages' contexts at a time rather than the
    /// whole site's, and a page planned from one graph can be rendered from a patched one.
    var content: Content
    /// Indexes of the articles the page shows (for sitemap dates).
    public var articles: [Int]

    /// How a page's bytes come about.
    enum Content: Sendable {
        /// A template and a function making its context (and the context's fingerprint).
        case template(String, @Sendable (ViewModel) -> PageContext)
        /// A function making the bytes (redirects, feeds, sitemaps).
        case bytes(@Sendable (ViewModel) -> [UInt8])
    }

    /// Makes a page.
    init(file: String, kind: Kind, content: Content, articles: [Int]) {
        self.file = file
        self.kind = kind
        self.content = content
        self.articles = articles
    }
}
