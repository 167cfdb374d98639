import ContentGraph
import SiteConfig

/// JSON-LD for article pages: a schema.org `NewsArticle` and its `BreadcrumbList`, what search
/// engines read to show a story as news.
struct StructuredData {
    let graph: ContentGraph
    let config: SiteConfig
    let routes: Routes

    /// The two `<script type="application/ld+json">` blocks of an article page.
    func scripts(for index: Int, homeName: String) -> String {
        let article = graph.articles[index]
        let permalink = routes.permalink(article.path)
        let section = article.section.map { graph.sections[$0] }
        let publisher = JSONText.object(["@type": JSONText.quoted("Organization"), "name": JSONText.quoted(config.title),
                                         "url": JSONText.quoted(config.baseURL)])
        let authors = article.authors.map { graph.authors[$0] }.map {
            JSONText.object(["@type": JSONText.quoted("Person"), "name": JSONText.quoted($0.name),
                             "url": JSONText.quoted(routes.permalink(Routes.author($0.slug)))])
        }
        let image = article.image.map(routes.absolute)
        let news = JSONText.object([
            "@context": JSONText.quoted("https://schema.org"),
            "@type": JSONText.quoted("NewsArticle"),
            "headline": JSONText.quoted(article.title),
            "url": JSONText.quoted(permalink),
            "mainEntityOfPage": JSONText.quoted(permalink),
            "datePublished": JSONText.quoted(article.date.iso8601),
            "dateModified": JSONText.quoted((article.updated ?? article.date).iso8601),
            "author": JSONText.array(authors.isEmpty ? [publisher] : authors),
            "publisher": publisher,
            "articleSection": section.map { JSONText.quoted($0.name) },
            "keywords": article.tags.isEmpty ? nil : JSONText.array(article.tags.map { JSONText.quoted(graph.tags[$0].name) }),
            "image": image.map { JSONText.array([JSONText.quoted($0)]) },
            "description": article.summary.isEmpty ? nil : JSONText.quoted(article.summary),
            "inLanguage": JSONText.quoted(article.language ?? config.language),
        ])
        var crumbs: [(String, String)] = [(homeName, config.baseURL)]
        if let section { crumbs.append((section.name, routes.permalink(Routes.section(section.slug)))) }
        crumbs.append((article.title, permalink))
        let list = crumbs.enumerated().map { position, crumb in
            JSONText.object(["@type": JSONText.quoted("ListItem"), "position": String(position + 1),
                             "name": JSONText.quoted(crumb.0), "item": JSONText.quoted(crumb.1)])
        }
        let breadcrumbs = JSONText.object(["@context": JSONText.quoted("https://schema.org"),
                                           "@type": JSONText.quoted("BreadcrumbList"), "itemListElement": JSONText.array(list)])
        return "<script type=\"application/ld+json\">\(news)</script>\n<script type=\"application/ld+json\">\(breadcrumbs)</script>"
    }
}
