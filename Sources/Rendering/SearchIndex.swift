import ContentGraph

/// `search-index.json`: what the search page needs to find an article without a server — title,
/// URL, date, section, tags and summary — as compact JSON, newest first.
struct SearchIndex {
    let graph: ContentGraph
    let model: ViewModel

    func page() -> Page {
        Page(file: "search-index.json", kind: .machine, content: .bytes({ [self] in bytes() }), articles: Array(graph.articles.indices))
    }

    /// Keys in sorted order, as `JSONEncoder` wrote them before.
    private func bytes() -> [UInt8] {
        var json = JSONWriter(capacity: graph.articles.count * 512)
        json.array { entries in
            for article in graph.articles {
                entries.object { entry in
                    entry.field("date", article.date.iso8601)
                    entry.field("section", article.section.map { graph.sections[$0].name })
                    entry.field("summary", article.summary)
                    entry.field("tags", strings: article.tags.map { graph.tags[$0].name })
                    entry.field("title", article.title)
                    entry.field("url", model.routes.url(article.path))
                }
            }
        }
        return json.bytes
    }
}
