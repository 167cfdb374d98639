import ContentGraph

/// `search-index.json`: what the search page needs to find an article without a server — title,
/// URL, date, section, tags and summary — as compact JSON, newest first.
public struct SearchIndex {
    let graph: ContentGraph
    let routes: Routes

    /// The index of `graph`'s articles at `routes`' URLs.
    public init(graph: ContentGraph, routes: Routes) {
        self.graph = graph
        self.routes = routes
    }

    /// What the index shows of one article.
    public struct Entry: Equatable {
        var date: String
        var section: String?
        var summary: String
        var tags: [String]
        var title: String
        var url: String
    }

    /// Where the index is written.
    public static let file = "search-index.json"

    /// The index's page, listing the stories `articles`.
    static func page(articles: Range<Int>) -> Page {
        Page(file: file, kind: .machine, content: .bytes({ model in SearchIndex(graph: model.graph, routes: model.routes).bytes() }),
             articles: Array(articles))
    }

    /// The entry of an article of the graph (an incremental build compares an article's entries
    /// before and after a change to know whether the index changed at all).
    public func entry(for article: Article) -> Entry {
        Entry(date: article.date.iso8601, section: article.section.map { graph.sections[$0].name }, summary: article.summary,
              tags: article.tags.map { graph.tags[$0].name }, title: article.title, url: routes.url(article.path))
    }

    /// Keys in sorted order, as `JSONEncoder` wrote them before.
    func bytes() -> [UInt8] {
        var json = JSONWriter(capacity: graph.articles.count * 512)
        json.array { entries in
            for article in graph.articles[graph.stories] {
                let shown = entry(for: article)
                entries.object { entry in
                    entry.field("date", shown.date)
                    entry.field("section", shown.section)
                    entry.field("summary", shown.summary)
                    entry.field("tags", strings: shown.tags)
                    entry.field("title", shown.title)
                    entry.field("url", shown.url)
                }
            }
        }
        return json.bytes
    }
}
