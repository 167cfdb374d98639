import ContentGraph
import Foundation
import SiteConfig

/// JSON-LD for article pages: a schema.org `NewsArticle` and its `BreadcrumbList`, what search
/// engines read to show a story as news.
struct StructuredData {
    let graph: ContentGraph
    let config: SiteConfig
    let routes: Routes

    private struct Thing: Encodable {
        var type: String
        var name: String?
        var url: String?
        enum CodingKeys: String, CodingKey { case type = "@type", name, url }
    }

    private struct NewsArticle: Encodable {
        let context = "https://schema.org"
        let type = "NewsArticle"
        var headline: String
        var url: String
        var mainEntityOfPage: String
        var datePublished: String
        var dateModified: String
        var author: [Thing]
        var publisher: Thing
        var articleSection: String?
        var keywords: [String]?
        var image: [String]?
        var description: String?
        var inLanguage: String
        enum CodingKeys: String, CodingKey {
            case context = "@context", type = "@type", headline, url, mainEntityOfPage, datePublished, dateModified, author,
                 publisher, articleSection, keywords, image, description, inLanguage
        }
    }

    private struct Crumb: Encodable {
        let type = "ListItem"
        var position: Int
        var name: String
        var item: String
        enum CodingKeys: String, CodingKey { case type = "@type", position, name, item }
    }

    private struct Breadcrumbs: Encodable {
        let context = "https://schema.org"
        let type = "BreadcrumbList"
        var itemListElement: [Crumb]
        enum CodingKeys: String, CodingKey { case context = "@context", type = "@type", itemListElement }
    }

    /// The two `<script type="application/ld+json">` blocks of an article page.
    func scripts(for index: Int, homeName: String) -> String {
        let article = graph.articles[index]
        let permalink = routes.permalink(article.path)
        let section = article.section.map { graph.sections[$0] }
        let authors = article.authors.map { graph.authors[$0] }.map {
            Thing(type: "Person", name: $0.name, url: routes.permalink(Routes.author($0.slug)))
        }
        let image = article.image.map { $0.hasPrefix(routes.root) ? routes.permalink(String($0.dropFirst(routes.root.count))) : $0 }
        let news = NewsArticle(
            headline: article.title, url: permalink, mainEntityOfPage: permalink, datePublished: article.date.iso8601,
            dateModified: (article.updated ?? article.date).iso8601,
            author: authors.isEmpty ? [Thing(type: "Organization", name: config.title, url: config.baseURL)] : authors,
            publisher: Thing(type: "Organization", name: config.title, url: config.baseURL), articleSection: section?.name,
            keywords: article.tags.isEmpty ? nil : article.tags.map { graph.tags[$0].name }, image: image.map { [$0] },
            description: article.summary.isEmpty ? nil : article.summary, inLanguage: article.language ?? config.language)
        var crumbs = [Crumb(position: 1, name: homeName, item: config.baseURL)]
        if let section { crumbs.append(Crumb(position: 2, name: section.name, item: routes.permalink(Routes.section(section.slug)))) }
        crumbs.append(Crumb(position: crumbs.count + 1, name: article.title, item: permalink))
        return script(news) + "\n" + script(Breadcrumbs(itemListElement: crumbs))
    }

    /// JSON made safe inside `<script>`: no `</script>` or `<!--` can appear in it.
    private func script<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        let safe = json.replacing("<", with: "\\u003c").replacing(">", with: "\\u003e").replacing("&", with: "\\u0026")
        return "<script type=\"application/ld+json\">\(safe)</script>"
    }
}
