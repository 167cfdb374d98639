import ContentGraph

/// What the first page of the home list shows, chosen from the graph: a lead story, a block per
/// section and a column of the latest articles. Chosen once when pages are planned, so the page
/// lists every article it shows and an incremental build renders it again when one of them changes.
public struct FrontPage: Sendable, Equatable {
    /// One section's block: the section's index in the graph and its newest articles.
    public struct Block: Sendable, Equatable {
        /// Index into `ContentGraph.sections`.
        public var section: Int
        /// Indexes of the articles shown: the newest with an image first (the block's top story),
        /// then the others newest first.
        public var articles: [Int]
    }

    /// The lead story: the newest featured article, else the newest with an image, else the newest.
    public var lead: Int?
    /// The sections that have articles besides the lead, in the graph's (the config's) order,
    /// each with its newest few.
    public var blocks: [Block]
    /// The newest articles but the lead, for the "latest" column.
    public var latest: [Int]

    /// Articles a section block shows: five fill a top story and four headlines beside it.
    static let perSection = 5
    /// Articles in the latest column: about the height of the lead story beside it.
    static let latestCount = 8

    /// The front page of `graph`.
    public init(graph: ContentGraph) {
        let articles = graph.articles
        // Stories are newest first, so the first match is the newest; pages (about, contact) are
        // on no list.
        let stories = graph.stories
        let lead = stories.first { articles[$0].featured }
            ?? stories.first { articles[$0].image != nil }
            ?? stories.first
        self.lead = lead
        blocks = graph.sections.indices.compactMap { section in
            var shown = Array(graph.sections[section].articles.lazy.filter { $0 != lead && stories.contains($0) }.prefix(Self.perSection))
            // The block's top story is shown with its image: the newest that has one goes first.
            if let pictured = shown.firstIndex(where: { articles[$0].image != nil }) { shown.insert(shown.remove(at: pictured), at: 0) }
            return shown.isEmpty ? nil : Block(section: section, articles: shown)
        }
        latest = Array(stories.lazy.filter { $0 != lead }.prefix(Self.latestCount))
    }

    /// Every article the page shows, each once, ascending: what `Page.articles` holds for it.
    public var shown: [Int] {
        Array(Set((lead.map { [$0] } ?? []) + blocks.flatMap(\.articles) + latest)).sorted()
    }
}
