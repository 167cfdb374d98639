import ContentGraph
import Foundation

/// `search-index.json`: what the search page needs to find an article without a server — title,
/// URL, date, section, tags and summary — as compact JSON, newest first.
struct SearchIndex {
    let graph: ContentGraph
    let model: ViewModel

    private struct Entry: Encodable {
        let title: String
        let url: String
        let date: String
        let section: String?
        let tags: [String]
        let summary: String
    }

    func page() -> Page {
        Page(file: "search-index.json", kind: .machine, content: .bytes({ [self] in bytes() }), articles: Array(graph.articles.indices))
    }

    private func bytes() -> [UInt8] {
        let entries = graph.articles.map { article in
            Entry(title: article.title, url: model.routes.url(article.path), date: article.date.iso8601,
                  section: article.section.map { graph.sections[$0].name }, tags: article.tags.map { graph.tags[$0].name },
                  summary: article.summary)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(entries)).map { Array($0) } ?? Array("[]".utf8)
    }
}
