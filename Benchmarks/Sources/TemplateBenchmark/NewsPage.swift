// Deterministic fixture data for the news listing page, copied from shared/bench/templates
// (Sources/NewsBench/Data.swift) so both engines render exactly the benchmark's page.
//
// The same logical data is exposed in two shapes:
//  * `NewsPage.anyContext` - plain `[String: Any]` / `[Any]` values, what swift-mustache reads;
//  * `NewsPage.templateValue` (NewsPage+TemplateValue.swift) - what Broadsheet's engine reads.

struct Author {
    var name: String
    var url: String
}

struct Tag {
    var name: String
    var slug: String
}

struct Article {
    var title: String
    var url: String
    var date: String
    var isoDate: String
    var summary: String
    var author: Author
    var tags: [Tag]
}

struct NavItem {
    var title: String
    var url: String
    var active: Bool
}

struct PagerPage {
    var number: Int
    var url: String
    var current: Bool
}

struct Pager {
    var hasPrev: Bool
    var prevURL: String
    var hasNext: Bool
    var nextURL: String
    var pages: [PagerPage]
}

struct NewsPage {
    var siteName: String
    var baseURL: String
    var tagline: String
    var nav: [NavItem]
    var pageTitle: String
    var year: Int
    var articles: [Article]
    var pager: Pager

    /// Builds the fixture: 20 articles, 0-5 tags each, summaries with & < > " characters.
    static func make(articleCount: Int = 20, currentPage: Int = 3, totalPages: Int = 7) -> NewsPage {
        let baseURL = "https://news.example.org"
        let months = ["January", "February", "March", "April", "May", "June",
                      "July", "August", "September", "October", "November", "December"]
        let authors = [
            Author(name: "Ada Lovelace", url: baseURL + "/authors/ada-lovelace/"),
            Author(name: "Grace Hopper", url: baseURL + "/authors/grace-hopper/"),
            Author(name: "Alan Turing", url: baseURL + "/authors/alan-turing/"),
            Author(name: "Edsger Dijkstra", url: baseURL + "/authors/edsger-dijkstra/"),
            Author(name: "Barbara Liskov", url: baseURL + "/authors/barbara-liskov/"),
        ]
        let tagPool = [
            Tag(name: "Politics", slug: "politics"), Tag(name: "Science & Tech", slug: "science-tech"),
            Tag(name: "Climate", slug: "climate"), Tag(name: "Economy", slug: "economy"),
            Tag(name: "Health", slug: "health"), Tag(name: "Culture", slug: "culture"),
            Tag(name: "Sport", slug: "sport"), Tag(name: "World", slug: "world"),
        ]
        let topics = ["City council", "Research team", "Central bank", "Local school", "Hospital board",
                      "Football club", "Startup", "Museum", "Weather service", "University"]
        let verbs = ["approves", "rejects", "announces", "delays", "reviews"]
        let objects = ["new budget", "\"green\" plan", "R&D grant", "stadium deal", "pilot program"]

        var articles: [Article] = []
        articles.reserveCapacity(articleCount)
        for i in 0..<articleCount {
            let day = 28 - (i % 28)
            let month = 10 - (i / 28)
            let topic = topics[i % topics.count]
            let title = "\(topic) \(verbs[i % verbs.count]) \(objects[(i * 3) % objects.count])"
            let slug = title.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
            let summary = "After a long debate, the \(topic.lowercased()) said costs would be < \(100 + i * 7)M & "
                + "benefits > expected; critics called it \"a gamble\" & asked for an independent review "
                + "of item #\(i + 1) (see p. \(i % 9 + 2))."
            let tagCount = i % 6  // 0...5 tags
            var tags: [Tag] = []
            for t in 0..<tagCount { tags.append(tagPool[(i + t * 3) % tagPool.count]) }
            articles.append(Article(
                title: title,
                url: "\(baseURL)/2025/\(month)/\(day)/\(String(slug))/",
                date: "\(months[month - 1]) \(day), 2025",
                isoDate: "2025-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)",
                summary: summary,
                author: authors[i % authors.count],
                tags: tags
            ))
        }

        let nav = [
            NavItem(title: "Home", url: baseURL + "/", active: true),
            NavItem(title: "World", url: baseURL + "/world/", active: false),
            NavItem(title: "Business & Economy", url: baseURL + "/economy/", active: false),
            NavItem(title: "Science", url: baseURL + "/science/", active: false),
            NavItem(title: "Opinion", url: baseURL + "/opinion/", active: false),
        ]
        let pages = (1...totalPages).map { n in
            PagerPage(number: n, url: n == 1 ? baseURL + "/" : "\(baseURL)/page/\(n)/", current: n == currentPage)
        }
        let pager = Pager(
            hasPrev: currentPage > 1,
            prevURL: currentPage == 2 ? baseURL + "/" : "\(baseURL)/page/\(currentPage - 1)/",
            hasNext: currentPage < totalPages,
            nextURL: "\(baseURL)/page/\(currentPage + 1)/",
            pages: pages
        )
        return NewsPage(
            siteName: "The Daily <Example>",
            baseURL: baseURL,
            tagline: "All the news that's fit to \"print\" & more.",
            nav: nav,
            pageTitle: "Latest news - page \(currentPage)",
            year: 2025,
            articles: articles,
            pager: pager
        )
    }

    /// The same data as nested `[String: Any]` dictionaries and `[Any]` arrays.
    var anyContext: [String: Any] {
        let navAny: [Any] = nav.map { ["title": $0.title, "url": $0.url, "active": $0.active] as [String: Any] }
        let articlesAny: [Any] = articles.map { a -> [String: Any] in
            [
                "title": a.title,
                "url": a.url,
                "date": a.date,
                "isoDate": a.isoDate,
                "summary": a.summary,
                "author": ["name": a.author.name, "url": a.author.url] as [String: Any],
                "hasTags": !a.tags.isEmpty,
                "tags": a.tags.map { ["name": $0.name, "slug": $0.slug] as [String: Any] } as [Any],
            ]
        }
        let pagesAny: [Any] = pager.pages.map {
            ["number": $0.number, "url": $0.url, "current": $0.current] as [String: Any]
        }
        return [
            "site": [
                "name": siteName,
                "baseURL": baseURL,
                "tagline": tagline,
                "nav": navAny,
            ] as [String: Any],
            "page": ["title": pageTitle] as [String: Any],
            "year": year,
            "articles": articlesAny,
            "pager": [
                "hasPrev": pager.hasPrev,
                "prevURL": pager.prevURL,
                "hasNext": pager.hasNext,
                "nextURL": pager.nextURL,
                "pages": pagesAny,
            ] as [String: Any],
        ]
    }
}
