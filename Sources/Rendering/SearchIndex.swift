import ContentGraph

/// `search-index.json`: what the search page needs to find an article without a server — title,
/// URL, date, section, tags and summary — as compact JSON, newest first.
struct SearchIndex {
    let graph: ContentGraph
    let model: ViewModel

    func page() -> Page {
        Page(file: "search-index.json", kind: .machine, content: .bytes({ [self] in bytes() }), articles: Array(graph.articles.indices))
    }

    /// Sorted keys, written with the build's small JSON writer (`JSONEncoder` reflects over every entry).
    private func bytes() -> [UInt8] {
        let entries = graph.articles.map { article in
            JSONText.object([
                "date": JSONText.quoted(article.date.iso8601),
                "section": article.section.map { JSONText.quoted(graph.sections[$0].name) },
                "summary": JSONText.quoted(article.summary),
                "tags": JSONText.array(article.tags.map { JSONText.quoted(graph.tags[$0].name) }),
                "title": JSONText.quoted(article.title),
                "url": JSONText.quoted(model.routes.url(article.path)),
            ])
        }
        return Array(JSONText.array(entries).utf8)
    }
}
