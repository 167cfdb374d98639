import ContentGraph
import SiteConfig

/// JSON-LD for article pages: a schema.org `NewsArticle` and its `BreadcrumbList`, what search
/// engines read to show a story as news.
struct StructuredData {
    let graph: ContentGraph
    let config: SiteConfig
    let routes: Routes

    /// The two `<script type="application/ld+json">` blocks of an article page, as UTF-8.
    func scripts(for index: Int, homeName: String) -> [UInt8] {
        let article = graph.articles[index]
        let permalink = routes.permalink(article.path)
        let section = article.section.map { graph.sections[$0] }
        var json = JSONWriter(capacity: 2048)
        json.raw("<script type=\"application/ld+json\">")
        json.object { news in
            news.field("@context", "https://schema.org")
            news.field("@type", "NewsArticle")
            news.field("headline", article.title)
            news.field("url", permalink)
            news.field("mainEntityOfPage", permalink)
            news.field("datePublished", article.date.iso8601)
            news.field("dateModified", (article.updated ?? article.date).iso8601)
            news.key("author")
            news.array { authors in
                if article.authors.isEmpty { publisher(&authors) }
                for author in article.authors.map({ graph.authors[$0] }) {
                    authors.object { person in
                        person.field("@type", "Person")
                        person.field("name", author.name)
                        person.field("url", routes.permalink(routes.author(author.slug)))
                    }
                }
            }
            news.key("publisher")
            publisher(&news)
            news.field("articleSection", section?.name)
            news.field("keywords", strings: article.tags.isEmpty ? nil : article.tags.map { graph.tags[$0].name })
            news.field("image", strings: article.image.map { [routes.absolute($0)] })
            news.field("description", article.summary.isEmpty ? nil : article.summary)
            news.field("inLanguage", article.language ?? config.language)
        }
        json.raw("</script>\n<script type=\"application/ld+json\">")
        var crumbs: [(String, String)] = [(homeName, config.baseURL)]
        if let section { crumbs.append((section.name, routes.permalink(section.path))) }
        crumbs.append((article.title, permalink))
        json.object { list in
            list.field("@context", "https://schema.org")
            list.field("@type", "BreadcrumbList")
            list.key("itemListElement")
            list.array { items in
                for (position, crumb) in crumbs.enumerated() {
                    items.object { item in
                        item.field("@type", "ListItem")
                        item.key("position")
                        item.number(position + 1)
                        item.field("name", crumb.0)
                        item.field("item", crumb.1)
                    }
                }
            }
        }
        json.raw("</script>")
        return json.bytes
    }

    private func publisher(_ json: inout JSONWriter) {
        json.object { organization in
            organization.field("@type", "Organization")
            organization.field("name", config.title)
            organization.field("url", config.baseURL)
        }
    }
}
