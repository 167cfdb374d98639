/// Whether a crawled page is an article, and if not, why it was left out: home pages, section and
/// tag listings, search, login and error pages are part of a crawl but not of a mirror's articles.
public enum PageVerdict: Sendable, Hashable {
    /// A news article: mirrored as one.
    case article
    /// Not an article, for this reason.
    case skipped(SkipReason)

    /// Why a crawled page is not an article. The raw values are the report's keys.
    public enum SkipReason: String, Sendable, Hashable, CaseIterable, Codable {
        /// A list of headlines: a home page, a section, tag or search page.
        case listing
        /// Too little text to be an article (a login form, a gallery, an empty page).
        case tooShort = "too-short"
        /// No publication date found.
        case noDate = "no-date"
        /// No headline found.
        case noTitle = "no-title"
        /// The server answered with an error (4xx, 5xx).
        case httpError = "http-error"
        /// A redirect capture: its target is the page.
        case redirect
        /// The page could not be read or parsed.
        case unreadable
    }

    /// Words an article has at least: below it a page is a stub, a form or a gallery.
    static let minimumWords = 40
    /// The share of a body's text inside links above which it is a list of headlines.
    static let listingLinkDensity = 0.45

    /// Judges an extracted page by what it says of itself and by its shape: a page that calls
    /// itself an article is one when it has a body; a page that calls itself something else
    /// (`og:type` `website`, a schema.org `CollectionPage`) is a listing unless its metadata dates it
    /// and it has a body of prose; a page that
    /// says nothing is judged by its date, its length and its link density.
    static func judge(_ page: ExtractedPage, words: Int) -> PageVerdict {
        guard let title = page.title, !title.allSatisfy(\.isWhitespace) else { return .skipped(.noTitle) }
        if page.linkDensity > listingLinkDensity { return .skipped(.listing) }
        // A listing prints its items' dates; only a date the page states of itself counts here.
        if page.declaresArticle == false && !page.publishedInMetadata { return .skipped(.listing) }
        if words < minimumWords { return .skipped(page.declaresArticle == true ? .tooShort : (page.links.count >= 5 ? .listing : .tooShort)) }
        if page.published == nil { return .skipped(page.declaresArticle == true ? .noDate : .listing) }
        return .article
    }
}
