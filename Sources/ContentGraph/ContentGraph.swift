import Infrastructure
import Ingest

/// The whole site's content, built once per build and then only read: articles newest first,
/// with indexes by tag, section, author and date, and the site's assets. Only this module changes
/// a graph once made, and only one an incremental build owns alone (read from the cache, then
/// patched in place: `applyChanges`, `GraphBuilder.patch(_:inout)`).
public struct ContentGraph: Sendable {
    /// Articles, newest first; ties broken by slug, then source path; then the pages (see
    /// `Article.isPage`), by source path.
    public internal(set) var articles: [Article]
    /// The indexes of `articles` that are stories, not pages: what the home page, feeds, date
    /// pages, the archive and the search index go through.
    public let stories: Range<Int>
    /// Tags, by slug.
    public let tags: [Tag]
    /// Categories, by slug, when the site lists them apart from sections (`taxonomies.category`);
    /// each is listed as a tag is.
    public let categories: [Tag]
    /// Sections: those named in the config in its order, then the others by slug.
    public let sections: [Section]
    /// Authors, by slug.
    public let authors: [Author]
    /// Year buckets, newest first.
    public let years: [DateBucket]
    /// Month buckets, newest first.
    public let months: [DateBucket]
    /// Day buckets, newest first.
    public let days: [DateBucket]
    /// The home page's title and text, from the content folder's own `_index.md`.
    public let home: HomeText
    /// Files copied as they are.
    public let assets: [SourceFile]
    /// Everything found wrong while reading and linking, sorted by path and line.
    public internal(set) var diagnostics: [Diagnostic]

    /// The newest publication instant, what "now" means when `SOURCE_DATE_EPOCH` is not set.
    public var newestTimestamp: Int64? { stories.isEmpty ? nil : articles[0].timestamp }

    /// Each article's index by its identity (source path).
    public func articleIndexes() -> [String: Int] {
        var indexes: [String: Int] = [:]
        indexes.reserveCapacity(articles.count)
        for index in articles.indices { indexes[articles[index].id] = index }
        return indexes
    }

    init(articles: [Article], tags: [Tag], categories: [Tag], sections: [Section], authors: [Author], years: [DateBucket],
         months: [DateBucket], days: [DateBucket], assets: [SourceFile], diagnostics: [Diagnostic], home: HomeText) {
        self.articles = articles
        stories = 0..<(articles.firstIndex(where: \.isPage) ?? articles.count)
        self.tags = tags
        self.categories = categories
        self.sections = sections
        self.authors = authors
        self.years = years
        self.months = months
        self.days = days
        self.assets = assets
        self.home = home
        self.diagnostics = diagnostics
    }
}
