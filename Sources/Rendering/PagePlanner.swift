import ContentGraph
import SiteConfig
import Templating

/// Lists every page of the site from the graph: articles, home, sections, tags, authors, date
/// archives and redirects. Planning is cheap; rendering happens later, in parallel.
public struct PagePlanner {
    let graph: ContentGraph
    let model: ViewModel
    let config: SiteConfig
    let templates: TemplateLibrary
    let sitemapLimit: Int

    /// A planner for the site `model` shows; sitemaps hold up to `sitemapLimit` URLs a file.
    public init(graph: ContentGraph, model: ViewModel, config: SiteConfig, templates: TemplateLibrary, sitemapLimit: Int) {
        self.graph = graph
        self.model = model
        self.config = config
        self.templates = templates
        self.sitemapLimit = sitemapLimit
    }

    private var pageSize: Int { config.pageSize }
    private var feeds: FeedWriter { FeedWriter(model: model) }

    /// The sitemaps of the pages that will be written (after `PageClaims` kept them).
    public func sitemaps(listing pages: [Page], now: Int64) -> [Page] {
        Sitemap(graph: graph, routes: model.routes, urlsPerFile: sitemapLimit).pages(listing: pages) + [newsSitemap(now: now)]
    }

    /// The Google News sitemap alone: unlike the others, it shows articles' titles.
    public func newsSitemap(now: Int64) -> Page {
        Sitemap(graph: graph, routes: model.routes, urlsPerFile: sitemapLimit).newsPage(publication: config.title, language: config.language, now: now)
    }

    /// Every page but the sitemaps, in a stable order; with `keep`, only the pages it keeps, given
    /// each page's kind and the articles it shows (`Page.articles`), in the same order. An
    /// incremental build keeps those that show a changed article: the thousands of others are
    /// never made.
    public func pages(keeping keep: ((Page.Kind, [Int]) -> Bool)? = nil) -> [Page] {
        var pages: [Page] = []
        // The lists other than home and dates, for `uglyURLs`.
        var listPaths: [String] = []
        // Read field by field: a copy of each article took a reference count of every string it
        // holds, on one thread, a third of this plan.
        let articles = graph.articles
        for index in articles.indices {
            let kind: Page.Kind = articles[index].isPage ? .page : .article
            if keep?(kind, [index]) ?? true {
                pages.append(Page(file: Routes.file(for: articles[index].path), kind: kind,
                                  content: .template(template(for: kind), { model in model.articleContext(index) }), articles: [index]))
            }
            for alias in articles[index].aliases where keep?(.alias, [index]) ?? true {
                pages.append(redirect(from: alias, to: articles[index].path, language: articles[index].language, articles: [index]))
            }
        }
        let allArticles = Array(graph.stories)
        pages += list(.home, title: graph.home.title ?? model.labels.home, path: "", articles: allArticles, keeping: keep)
        pages += feeds.pages(title: config.title, path: "", articles: allArticles)
        for (index, section) in graph.sections.enumerated() {
            pages += list(.section, title: section.name, path: section.path, articles: section.articles, section: index, keeping: keep)
            pages += feeds.pages(title: section.name, path: section.path, articles: section.articles)
            for alias in section.aliases { pages.append(redirect(from: alias, to: section.path)) }
        }
        for tag in graph.tags {
            pages += list(.tag, title: tag.name, path: model.routes.tag(tag.slug), articles: tag.articles, keeping: keep)
            listPaths.append(model.routes.tag(tag.slug))
            pages += feeds.pages(title: tag.name, path: model.routes.tag(tag.slug), articles: tag.articles)
        }
        for category in graph.categories {
            pages += list(.category, title: category.name, path: model.routes.category(category.slug), articles: category.articles, keeping: keep)
            listPaths.append(model.routes.category(category.slug))
            pages += feeds.pages(title: category.name, path: model.routes.category(category.slug), articles: category.articles)
        }
        for author in graph.authors {
            pages += list(.author, title: author.name, path: model.routes.author(author.slug), articles: author.articles, keeping: keep)
            listPaths.append(model.routes.author(author.slug))
        }
        for granularity in [DateBucket.Granularity.year, .month, .day] {
            for (index, bucket) in model.buckets(granularity).enumerated() {
                let kind: Page.Kind
                switch granularity {
                case .year: kind = .year
                case .month: kind = .month
                case .day: kind = .day
                }
                pages += list(kind, title: title(of: bucket), path: bucket.path, articles: bucket.articles,
                              period: ViewModel.Period(granularity: granularity, index: index), keeping: keep)
            }
        }
        pages.append(Page(file: Routes.file(for: model.routes.tagsIndex), kind: .tags,
                          content: .template(template(for: .tags), { model in
                              PageContext(hashing: model.tagsContext(), shared: model.sharedFields)
                          }), articles: []))
        let indexes: [(String?, @Sendable (ViewModel, String) -> TemplateValue)] = [
            (model.routes.authorsIndex, { model, path in model.authorsContext(path: path) }),
            (model.routes.categoriesIndex, { model, path in model.categoriesContext(path: path) }),
        ]
        listPaths += graph.sections.map(\.path) + [model.routes.tagsIndex] + indexes.compactMap(\.0)
        if config.uglyURLs {
            // Hugo's `uglyURLs` gave each list a file beside its folder (`/tags/x.html`): a redirect there keeps it.
            pages += listPaths.filter { $0.hasSuffix("/") }.map { redirect(from: String($0.dropLast()) + ".html", to: $0) }
        }
        if config.firstPageAliases {
            pages += ([""] + listPaths).filter { $0.isEmpty || $0.hasSuffix("/") }.map { redirect(from: $0 + "page/1/", to: $0) }
        }
        for case let (path?, context) in indexes {
            pages.append(Page(file: Routes.file(for: path), kind: .tags,
                              content: .template(template(for: .tags), { model in
                                  PageContext(hashing: context(model, path), shared: model.sharedFields)
                              }), articles: []))
        }
        let optional: [(Page.Kind, String, @Sendable (ViewModel) -> PageContext)] = [
            (.archive, "archive/", { model in PageContext(hashing: model.archiveContext(), shared: model.sharedFields) }),
            (.search, "search/", { model in PageContext(hashing: model.simpleContext(kind: .search, path: "search/"), shared: model.sharedFields) }),
            (.notFound, "404.html", { model in
                PageContext(hashing: model.simpleContext(kind: .notFound, path: "404.html"), shared: model.sharedFields)
            }),
        ]
        // A site's own `404.html` (Jekyll writes a `404.md` there) replaces the generated one, as its robots.txt does.
        let ownsNotFound = graph.articles.contains { $0.path == "404.html" }
        for (kind, path, context) in optional where templates.contains(kind.rawValue) && !(kind == .notFound && ownsNotFound) {
            // Optional pages: a theme without their template simply has none.
            pages.append(Page(file: Routes.file(for: path), kind: kind, content: .template(kind.rawValue, context), articles: []))
        }
        pages.append(SearchIndex.page(articles: graph.stories))
        let robots = "User-agent: *\nAllow: /\nSitemap: \(model.routes.permalink("sitemap.xml"))\n"
        pages.append(Page(file: "robots.txt", kind: .machine, content: .bytes({ _ in Array(robots.utf8) }), articles: []))
        // Articles and lists, thousands, were left out before they were made; the few others (feeds,
        // redirects, indexes) are made whatever `keep` says, and filtered here.
        guard let keep else { return pages }
        return pages.filter { keep($0.kind, $0.articles) }
    }

    /// A date list's title: its year, month or day, in the site's language.
    private func title(of bucket: DateBucket) -> String {
        switch bucket.granularity {
        case .year: model.labels.year(bucket.year)
        case .month: model.labels.month(bucket.year, bucket.month)
        case .day: model.labels.day(bucket.year, bucket.month, bucket.day)
        }
    }

    /// The page at `alias` that sends readers on to `target`, in `language` (the site's by default).
    private func redirect(from alias: String, to target: String, language: String? = nil, articles: [Int] = []) -> Page {
        let language = language ?? config.language
        return Page(file: Routes.file(for: alias), kind: .alias,
                    content: .bytes({ model in Redirect.page(to: target, language: language, routes: model.routes) }), articles: articles)
    }

    /// The pages of a list. Its title and path are made only for pages kept: an incremental build
    /// keeps a few of the site's two thousand date lists, and naming them all was a fifth of its plan.
    private func list(_ kind: Page.Kind, title: @autoclosure () -> String, path: @autoclosure () -> String, articles: [Int],
                      section: Int? = nil, period: ViewModel.Period? = nil, keeping keep: ((Page.Kind, [Int]) -> Bool)?) -> [Page] {
        Pagination.pages(count: articles.count, pageSize: pageSize).compactMap { pagination in
            // The home list's first page is the front page; its later pages stay plain lists.
            let front = kind == .home && pagination.current == 1 ? FrontPage(graph: graph) : nil
            let listed = Array(articles[pagination.range])
            // Every article it shows, so an incremental build renders it again when one changes.
            let shown = front.map { Array(Set($0.shown + listed)).sorted() } ?? listed
            guard keep?(kind, shown) ?? true else { return nil }
            let (title, path) = (title(), path())
            return Page(file: Routes.file(for: model.routes.page(pagination.current, of: path)), kind: kind,
                        content: .template(template(for: kind), { model in
                            model.listContext(kind: kind, title: title, path: path, articles: articles, pagination: pagination,
                                              section: section, period: period, front: front)
                        }),
                        articles: shown)
        }
    }

    /// A kind's own template when the theme has one (`tag.mustache`), else the shared one, as Hugo
    /// looks templates up.
    func template(for kind: Page.Kind) -> String {
        switch kind {
        case .article: return "article"
        // A theme written before pages existed shows them with its article template.
        case .page: return templates.contains("page") ? "page" : "article"
        case .tags: return "tags"
        case .year, .month, .day: return templates.contains("date") ? "date" : "list"
        default: return templates.contains(kind.rawValue) ? kind.rawValue : "list"
        }
    }
}

/// The page written at an old path: a meta refresh and a canonical link, which every browser and
/// search engine understands without a server. The refresh is root-relative, so it stays on the
/// host that serves the site (a preview, a mirror published before its base URL was set); the
/// canonical link is absolute, as search engines need it. It names its language, as every page
/// must (WCAG 3.1.1; axe's `html-has-lang` is a serious violation): the article's, else the site's.
enum Redirect {
    static func page(to path: String, language: String, routes: Routes) -> [UInt8] {
        func escaped(_ url: String) -> String {
            url.replacing("&", with: "&amp;").replacing("\"", with: "&quot;").replacing("<", with: "&lt;")
        }
        let (local, canonical) = (escaped(routes.url(path)), escaped(routes.permalink(path)))
        return Array("""
        <!doctype html>
        <html lang="\(escaped(language))"><head><meta charset="utf-8"><title>\(local)</title>
        <link rel="canonical" href="\(canonical)">
        <meta http-equiv="refresh" content="0; url=\(local)">
        <meta name="robots" content="noindex"></head>
        <body><a href="\(local)">\(local)</a></body></html>

        """.utf8)
    }
}
