import Templating

extension NewsPage {
    /// The page's data as Broadsheet's view models are built: straight into `TemplateValue`,
    /// with the same names and values as `anyContext`.
    var templateValue: TemplateValue {
        .object([
            "site": .object([
                "name": .string(siteName),
                "baseURL": .string(baseURL),
                "tagline": .string(tagline),
                "nav": .list(nav.map { .object(["title": .string($0.title), "url": .string($0.url), "active": .bool($0.active)]) }),
            ]),
            "page": .object(["title": .string(pageTitle)]),
            "year": .int(year),
            "articles": .list(articles.map { article in
                .object([
                    "title": .string(article.title),
                    "url": .string(article.url),
                    "date": .string(article.date),
                    "isoDate": .string(article.isoDate),
                    "summary": .string(article.summary),
                    "author": .object(["name": .string(article.author.name), "url": .string(article.author.url)]),
                    "hasTags": .bool(!article.tags.isEmpty),
                    "tags": .list(article.tags.map { .object(["name": .string($0.name), "slug": .string($0.slug)]) }),
                ])
            }),
            "pager": .object([
                "hasPrev": .bool(pager.hasPrev),
                "prevURL": .string(pager.prevURL),
                "hasNext": .bool(pager.hasNext),
                "nextURL": .string(pager.nextURL),
                "pages": .list(pager.pages.map {
                    .object(["number": .int($0.number), "url": .string($0.url), "current": .bool($0.current)])
                }),
            ]),
        ])
    }
}
