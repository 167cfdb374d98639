import Infrastructure
import Ingest

/// A normalized document in the graph. References to tags, sections and authors are indexes
/// into the graph's arrays, not copies, so the graph stays small and `Sendable`.
public struct Article: Sendable {
    /// Stable identity: the source path relative to the content folder.
    public var id: String
    /// Which reader produced it.
    public var kind: SourceDocument.Kind
    /// Headline, NFC-normalized.
    public var title: String {
        get { titleText.text }
        set { titleText = LazyText(newValue) }
    }
    /// The headline, perhaps still in the build cache's bytes (see `LazyText`).
    var titleText: LazyText
    /// URL slug, unique among articles of the same URL.
    public var slug: String
    /// Output path relative to the site root: `2021/11/30/slug/` (a folder) or `a/b.html` (a file).
    public var path: String
    /// Publication time, shown in the site's zone.
    public var date: CivilDate
    /// False when the source gave only a day (`2021-11-30`): pages then show no time of day.
    public var dateHasTime: Bool
    /// Publication instant, seconds since 1970, for ordering and feeds.
    public var timestamp: Int64
    /// Last modification, when given and different from the publication time.
    public var updated: CivilDate?
    /// Indexes into `ContentGraph.authors`, in the order given.
    public var authors: [Int]
    /// Indexes into `ContentGraph.tags`, in the order given, without repeats.
    public var tags: [Int]
    /// Index into `ContentGraph.sections`.
    public var section: Int?
    /// Indexes into `ContentGraph.categories`, in the order given, without repeats; empty
    /// unless the site lists categories of their own (`taxonomies.category`).
    public var categories: [Int] = []
    /// Plain-text summary.
    public var summary: String {
        get { summaryText.text }
        set { summaryText = LazyText(newValue) }
    }
    /// The summary, perhaps still in the build cache's bytes.
    var summaryText: LazyText
    /// Lead image URL: root-relative (already prefixed with the site root) or absolute.
    public var image: String?
    /// Body HTML with internal links and images pointing at their output URLs, in memory or in
    /// the build's spill file: read it once per page (`text` and `bytes` read the file each time).
    public var body: SpillableText
    /// Words in the body, for reading time.
    public var wordCount: Int
    /// The original URL a mirrored page was saved from.
    public var canonical: String?
    /// Old paths that redirect here, relative to the site root.
    public var aliases: [String]
    /// Language code, when the document gives one.
    public var language: String?
    /// Whether it is a draft (only present when drafts were asked for).
    public var draft: Bool
    /// Whether its editor asked for it to lead the front page (`featured: true`).
    public var featured = false
    /// Hash of the source file's bytes.
    public var contentHash: UInt64
    /// Indexes of the articles that link here, ascending.
    public var incomingLinks: [Int]
    /// Indexes of related articles, best first (shared rare tags, same section, close in time).
    public var related: [Int] = []
    /// Problems found in the article's own file: reading it, its links, image and aliases.
    public var diagnostics: [Diagnostic] = []
    /// Whether another article links to one of its sections (`this.md#id`): those links were
    /// checked against its headings, so it cannot be patched alone (see `GraphBuilder.patch`).
    public var hasIncomingSectionLinks = false
    /// A page (about, contact, a Hugo section's `_index.md`), not a story: written at its own URL
    /// and listed in the sitemap, but in no list, feed, archive, search index or related box.
    /// An undated Markdown file is one, and so is one whose front matter says `type: page`.
    public var isPage = false
    /// False for a page whose source gives no date: its `date` and `timestamp` are then the epoch,
    /// and nothing shows them.
    public var isDated = true
    /// Hash of everything in the source that places the article in the graph: date, names, slug,
    /// URL, aliases, link targets, and what makes it a candidate for the front page's lead (the
    /// `featured` flag, having an image). Two versions of a file with the same placement differ only in
    /// what pages show of the article (title, summary, body), never in which pages list it.
    public var placement: UInt64 = 0
}
