import ContentGraph
import Infrastructure
import SiteConfig
import Templating

/// Turns the graph into template values: the `site` object shared by every page, one card per
/// article (built once and reused by every list that shows it), and the contexts of each page kind.
///
/// A class, though never changed after it is made: each of the site's pages keeps it in its
/// context closure, and a reference is cheaper to keep 17,000 times than a copy of every field.
public final class ViewModel: Sendable {
    let graph: ContentGraph
    let config: SiteConfig
    let routes: Routes
    let labels: Labels
    let language: String
    let siteDescription: String
    let site: TemplateValue
    /// The `t` object of pages in the site's language.
    let strings: TemplateValue
    /// `t` for each language the theme has: an article in another language gets its own labels.
    let uiStrings: UIStrings
    /// One card per article, in graph order: every field of `article` but the body.
    let cards: [[String: TemplateValue]]
    /// Each card's sum of field hashes, and its hash as an object: computed once, used by every
    /// page that shows the card.
    let cardSums: [UInt64]
    let cardHashes: [UInt64]
    /// Each category's `{name, url}`, for the article pages that list their categories.
    let categoryLinks: [TemplateValue]
    /// Hashes of the context fields every page shares (`site`, `t`), for page fingerprints.
    let sharedFields: [String: UInt64]
    /// The section navigation of `page.nav`, for no section (first) and with each section marked
    /// current for `aria-current`, with its field hash: built once, not per page.
    let navigation: [(value: TemplateValue, fieldHash: UInt64)]
    let structuredData: StructuredData
    /// Feed items written so far, shared by every worker copy.
    let feedItems: FeedItems
    /// What "now" means for this build, in the site's zone: the front page prints its day.
    let now: CivilDate
    /// The pixel sizes of the site's image files, for `width` and `height` on `<img>`.
    let imageSizes: ImageSize.Lookup
    /// The widths of the resized copies of the site's image files, for `srcset` on `<img>`.
    let imageVariants: ImageVariants.Lookup

    /// `now` is what "now" means for this build: `SOURCE_DATE_EPOCH`, else the newest article's date.
    /// Cards are made for every article, or only for `cardsFor` when the caller renders only
    /// pages showing those (an incremental build); the other cards are then empty. `imageSizes`
    /// gives the size of an image file of the site by its output path (none: no sizes are written),
    /// `imageVariants` the widths of its resized copies (none: no `srcset`).
    public init(graph: ContentGraph, config: SiteConfig, theme: Theme, now: CivilDate, cardsFor: Set<Int>? = nil,
                imageSizes: @escaping ImageSize.Lookup = { _ in nil }, imageVariants: @escaping ImageVariants.Lookup = { _ in [] }) {
        self.graph = graph
        self.now = now
        self.imageSizes = imageSizes
        self.imageVariants = imageVariants
        self.config = config
        routes = Routes(config: config)
        labels = Labels(language: config.language)
        language = config.language
        siteDescription = config.description
        let routes = routes
        let sections: [TemplateValue] = graph.sections.map { section in
            ["name": .string(section.name), "slug": .string(section.slug),
             "url": .string(routes.url(section.path)), "count": .int(section.articles.count)]
        }
        site = [
            "title": .string(config.title), "description": .string(config.description), "lang": .string(config.language),
            "baseURL": .string(config.baseURL), "root": .string(config.rootPath), "sections": .list(sections),
            "tagsURL": .string(routes.url(routes.tagsIndex)), "feedURL": .string(routes.url(config.rssFile)),
            "generator": "Broadsheet", "year": .int(now.year),
        ]
        uiStrings = UIStrings(theme: theme, siteLanguage: config.language)
        strings = uiStrings.site.value
        let language = config.language
        // Each tag, author and section object is made once and shared by every card that shows
        // it: made per card, they were most of a card's memory (half a gigabyte at 100,000 articles).
        categoryLinks = graph.categories.map { ["name": .string($0.name), "url": .string(routes.url(routes.category($0.slug)))] }
        let names = SharedNames(
            tags: graph.tags.map { ["name": .string($0.name), "url": .string(routes.url(routes.tag($0.slug)))] },
            authors: graph.authors.map { ["name": .string($0.name), "url": .string(routes.url(routes.author($0.slug)))] },
            sections: graph.sections.map { ["name": .string($0.name), "url": .string(routes.url($0.path))] })
        // Only the cards asked for are made (an incremental build's few, or none to plan pages).
        let wanted = cardsFor.map { $0.filter(graph.articles.indices.contains).sorted() } ?? Array(graph.articles.indices)
        let made = ConcurrentMap.map(wanted) { index -> ([String: TemplateValue], UInt64) in
            let card = Self.card(for: graph.articles[index], graph: graph, routes: routes, language: language, names: names,
                                 imageSizes: imageSizes, imageVariants: imageVariants)
            return (card, StableHasher.fieldSum(card))
        }
        var cards = [[String: TemplateValue]](repeating: [:], count: graph.articles.count)
        var cardSums = [UInt64](repeating: 0, count: graph.articles.count)
        for (index, (card, sum)) in zip(wanted, made) {
            cards[index] = card
            cardSums[index] = sum
        }
        self.cards = cards
        self.cardSums = cardSums
        cardHashes = cardSums.map { StableHasher.object(hashSum: $0) }
        structuredData = StructuredData(graph: graph, config: config, routes: routes)
        feedItems = FeedItems()
        sharedFields = ["site": StableHasher.field("site", site), "t": uiStrings.site.fieldHash]
        navigation = ([nil] + graph.sections.indices.map { Optional($0) }).map { current in
            let nav = TemplateValue.list(graph.sections.enumerated().map { index, item in
                ["name": .string(item.name), "url": .string(routes.url(item.path)), "current": .bool(index == current),
                 "more": .bool(index >= Self.sectionsInline)]
            })
            return (nav, StableHasher.field("nav", nav))
        }
    }

    /// A model whose values every page reads (`site`, `t`, the navigation) are copies of `other`'s
    /// sharing no storage with them; the rest, cards included, is shared.
    private init(copying other: ViewModel) {
        graph = other.graph
        config = other.config
        routes = other.routes
        labels = other.labels
        language = other.language
        siteDescription = other.siteDescription
        site = other.site.unshared()
        uiStrings = other.uiStrings.unshared()
        strings = uiStrings.site.value
        cards = other.cards
        cardSums = other.cardSums
        cardHashes = other.cardHashes
        categoryLinks = other.categoryLinks
        sharedFields = other.sharedFields
        navigation = other.navigation.map { ($0.value.unshared(), $0.fieldHash) }
        structuredData = other.structuredData
        feedItems = other.feedItems
        now = other.now
        imageSizes = other.imageSizes
        imageVariants = other.imageVariants
    }

    /// The same model for one rendering thread: see `TemplateValue.unshared`.
    func workerCopy() -> ViewModel { ViewModel(copying: self) }

    /// Sections a wide screen shows in the navigation's strip; the others are under "more". Five,
    /// with the home link and the "more" menu, fit the 1,120 px column in Vietnamese (13 items
    /// were clipped from 1,024 px to 1,440 px).
    static let sectionsInline = 5

    /// The tag, author and section objects cards point to.
    private struct SharedNames: Sendable {
        var tags: [TemplateValue]
        var authors: [TemplateValue]
        var sections: [TemplateValue]
    }

    private static func card(for article: Article, graph: ContentGraph, routes: Routes, language: String,
                             names: SharedNames, imageSizes: ImageSize.Lookup, imageVariants: ImageVariants.Lookup) -> [String: TemplateValue] {
        var card: [String: TemplateValue] = [
            "title": .string(article.title),
            "url": .string(routes.url(article.path)),
            "permalink": .string(routes.permalink(article.path)),
            "date": .date(TemplateDate(secondsSince1970: article.timestamp, utcOffsetSeconds: article.date.utcOffsetSeconds)),
            "dateText": .string(article.dateHasTime ? article.date.dayMonthYearTime : article.date.dayMonthYear),
            "hasTime": .bool(article.dateHasTime),
            "lang": .string(article.language ?? language),
            "dateISO": .string(article.date.iso8601),
            "dayURL": .string(routes.url(Routes.day(year: article.date.year, month: article.date.month, day: article.date.day))),
            "authors": .list(article.authors.map { names.authors[$0] }),
            "byline": .string(article.authors.map { graph.authors[$0].name }.joined(separator: ", ")),
            "tags": .list(article.tags.map { names.tags[$0] }),
            "summary": .string(article.summary),
            "readingMinutes": .int(max(1, (article.wordCount + 100) / 200)),
            // Optional fields are present as null, so `--strict` reports only names a theme got wrong.
            "updated": .null, "updatedText": .null, "updatedISO": .null, "section": .null, "image": .null, "imagePermalink": .null,
            "imageWidth": .null, "imageHeight": .null, "imageSrcset": .null, "source": .null,
        ]
        if let updated = article.updated {
            card["updated"] = .date(TemplateDate(secondsSince1970: updated.secondsSince1970, utcOffsetSeconds: updated.utcOffsetSeconds))
            card["updatedText"] = .string(updated.dayMonthYearTime)
            card["updatedISO"] = .string(updated.iso8601)
        }
        if let index = article.section { card["section"] = names.sections[index] }
        if let image = article.image {
            card["image"] = .string(image)
            card["imagePermalink"] = .string(routes.absolute(image))
            let file = routes.outputPath(ofURL: image)
            if let file, let size = imageSizes(file) {
                card["imageWidth"] = .int(size.width)
                card["imageHeight"] = .int(size.height)
                if let srcset = ImageVariants.srcset(url: image, ownWidth: size.width, widths: imageVariants(file)) {
                    card["imageSrcset"] = .string(srcset)
                }
            }
        }
        if let canonical = article.canonical, article.kind == .scrapedHTML { card["source"] = .string(canonical) }
        return card
    }

    /// The `page` object.
    func page(kind: Page.Kind, title: String, path: String, language: String? = nil, description: String? = nil,
              section: Int? = nil) -> TemplateValue {
        pageContext(kind: kind, title: title, path: path, language: language, description: description, section: section).value
    }

    /// The `page` object, fingerprinted.
    func pageContext(kind: Page.Kind, title: String, path: String, language: String? = nil, description: String? = nil,
                     section: Int? = nil) -> PageContext {
        let isList = [.home, .section, .tag, .category, .author, .year, .month, .day].contains(kind)
        var page = PageContext(capacity: 13)
        let nav = section.map { $0 + 1 } ?? 0
        page.set("nav", navigation[nav].value, fieldHash: navigation[nav].fieldHash)
        for (key, value) in [
            ("kind", TemplateValue.string(kind.rawValue)), ("title", .string(title)), ("url", .string(routes.url(path))),
            ("lang", .string(language ?? self.language)), ("description", .string(description ?? siteDescription)),
            ("permalink", .string(routes.permalink(path))), ("isArticle", .bool(kind == .article)),
            ("isHome", .bool(kind == .home)), ("isList", .bool(isList)),
            // Which of the navigation's fixed items (topics, archive, search) the page belongs to,
            // for `aria-current`: a template cannot compare `kind` with a name.
            ("isTags", .bool(kind == .tags || kind == .tag || kind == .category)),
            ("isArchive", .bool([.archive, .year, .month, .day].contains(kind))), ("isSearch", .bool(kind == .search)),
        ] {
            page.set(key, value)
        }
        return page
    }

    /// The context of an article page, or of a page (see `Article.isPage`).
    func articleContext(_ index: Int) -> PageContext {
        let article = graph.articles[index]
        var fields = PageContext(fields: cards[index], hashSum: cardSums[index])
        // The card is shared: the first field set copies it, once, with room for the nine below.
        fields.reserveCapacity(adding: 9)
        // Read once, as bytes: a body read back from the build's spill file is written out as it is,
        // never made a `String`, which would check every byte again.
        let body = article.body.bytes
        let anchored = HeadingAnchors(body)
        fields.set("body", .htmlBytes(BodyImages.annotate(anchored.html, routes: routes, sizes: imageSizes, variants: imageVariants)))
        // On the article's page only: a card's 25th field would double every card's storage
        // (Swift's dictionaries grow in powers of two), 15 MB at 10,000 articles.
        fields.set("categories", .list(article.categories.map { categoryLinks[$0] }))
        fields.set("toc", .list(anchored.entries.map {
            ["level": .int($0.level), "text": .string($0.text), "id": .string($0.id), "url": .string("#" + $0.id)]
        }))
        // One heading needs no table of contents.
        fields.set("hasToc", .bool(anchored.entries.count >= 2))
        // A crawled page often shows its lead image (its og:image) again as the body's first figure.
        let image = fields.fields["image"].flatMap { value -> String? in if case .string(let url) = value { return url } else { return nil } }
        fields.set("leadImage", image.map { body.containsBytes("src=\"\($0)\"") ? .null : .string($0) } ?? .null)
        fields.set("lede", article.summary.isEmpty || Lede.opens(body, with: article.summary) ? .null : .string(article.summary))
        fields.set("related", objects: article.related.map { cards[$0] }, hashes: article.related.map { cardHashes[$0] })
        fields.set("hasRelated", .bool(!article.related.isEmpty))
        // A page is no `NewsArticle`.
        fields.set("jsonLD", .htmlBytes(article.isPage ? [] : structuredData.scripts(for: index, homeName: Labels(language: article.language ?? language).home)))
        var context = shared(language: article.language)
        context.set("page", pageContext(kind: article.isPage ? .page : .article, title: article.title, path: article.path, language: article.language,
                                 description: article.summary.isEmpty ? nil : article.summary, section: article.section))
        context.set("article", fields)
        context.set("list", Self.noList)
        context.set("pagination", Self.noPagination)
        return context
    }

    /// The context of one page of a list of articles whose first page is at `path`.
    func listContext(kind: Page.Kind, title: String, path: String, articles: [Int], pagination: Pagination,
                     section: Int? = nil, period: Period? = nil, front: FrontPage? = nil) -> PageContext {
        let pagePath = routes.page(pagination.current, of: path)
        var paging: [String: TemplateValue] = [
            "current": .int(pagination.current), "total": .int(pagination.total),
            "isPaginated": .bool(pagination.total > 1), "prev": .null, "next": .null,
            "pages": .list(pagination.window.map { number in
                guard let number else { return ["number": .null, "url": .null, "current": false, "gap": true] }
                return ["number": .int(number), "url": .string(routes.url(routes.page(number, of: path))),
                        "current": .bool(number == pagination.current), "gap": false]
            }),
        ]
        if pagination.current > 1 { paging["prev"] = .string(routes.url(routes.page(pagination.current - 1, of: path))) }
        if pagination.current < pagination.total { paging["next"] = .string(routes.url(routes.page(pagination.current + 1, of: path))) }
        var context = shared()
        context.set("page", pageContext(kind: kind, title: title, path: pagePath, section: section))
        // The text of the section's (or the home page's) `_index.md`.
        let text = kind == .home ? graph.home.text : kind == .section ? section.flatMap { graph.sections[$0].text } : nil
        let list = ["title": TemplateValue.string(title), "kind": .string(kind.rawValue), "feeds": feeds(for: kind, path: path),
                    "text": text.map { .html($0) } ?? .null]
        context.set("list", .object(list.merging(periodFields(period)) { own, _ in own }))
        let shown = Array(articles[pagination.range])
        context.set("articles", objects: shown.map { cards[$0] }, hashes: shown.map { cardHashes[$0] })
        context.set("pagination", .object(paging))
        if let front { context.set("front", frontContext(front)) } else { context.set("front", .null) }
        return context
    }

    /// `list` and `pagination` of pages that are not lists: the names the shared layout tests for,
    /// present as null so that `--strict` reports only names a theme got wrong.
    static let noList: TemplateValue = ["feeds": .null, "text": .null]
    static let noPagination: TemplateValue = ["prev": .null, "next": .null]

    /// A context holding the fields every page has: `site`, and `t` in the page's language
    /// (nil: the site's).
    private func shared(language: String? = nil) -> PageContext {
        // These two, and the page's own five or six.
        var context = PageContext(capacity: 8)
        context.set("site", site, fieldHash: sharedFields["site"]!)
        let strings = uiStrings.page(language: language)
        context.set("t", strings.value, fieldHash: strings.fieldHash)
        return context
    }

    /// The feeds of a list that has them (home, sections, tags, categories), for `<link rel="alternate">`.
    private func feeds(for kind: Page.Kind, path: String) -> TemplateValue {
        guard [.home, .section, .tag, .category].contains(kind) else { return .null }
        return ["rss": .string(routes.url(path + config.rssFile)), "atom": .string(routes.url(path + "atom.xml")),
                "json": .string(routes.url(path + "feed.json"))]
    }

    /// The context of the archive: every year with its months, newest first, and their counts.
    func archiveContext() -> TemplateValue {
        let years: [TemplateValue] = graph.years.map { year in
            let months: [TemplateValue] = graph.months.filter { $0.year == year.year }.map { month in
                ["title": .string(labels.month(month.year, month.month)), "url": .string(routes.url(month.path)),
                 "count": .int(month.articles.count)]
            }
            return ["year": .int(year.year), "title": .string(labels.year(year.year)), "url": .string(routes.url(year.path)),
                    "count": .int(year.articles.count), "months": .list(months)]
        }
        return ["site": site, "t": strings, "page": page(kind: .archive, title: labels.archive, path: "archive/"),
                "years": .list(years), "total": .int(graph.stories.count), "list": Self.noList, "pagination": Self.noPagination]
    }

    /// The context of a page with no content of its own (search, 404).
    func simpleContext(kind: Page.Kind, path: String) -> TemplateValue {
        let title = kind == .search ? labels.search : labels.notFound
        return ["site": site, "t": strings, "page": page(kind: kind, title: title, path: path),
                "searchIndex": .string(routes.url("search-index.json")), "list": Self.noList, "pagination": Self.noPagination]
    }

    /// The context of the tags index.
    func tagsContext() -> TemplateValue {
        // The graph keeps tags by slug: alphabetical with diacritics folded, as a Vietnamese reader expects.
        indexContext(title: labels.tags, path: routes.tagsIndex,
                     names: graph.tags.map { (name: $0.name, path: routes.tag($0.slug), count: $0.articles.count) })
    }

    /// The context of the authors index (`taxonomies.authors`), shown with the tags index's template.
    func authorsContext(path: String) -> TemplateValue {
        indexContext(title: labels.authors, path: path,
                     names: graph.authors.map { (name: $0.name, path: routes.author($0.slug), count: $0.articles.count) })
    }

    /// The context of the categories index (`taxonomies.category`), shown with the tags index's template.
    func categoriesContext(path: String) -> TemplateValue {
        indexContext(title: labels.categories, path: path,
                     names: graph.categories.map { (name: $0.name, path: routes.category($0.slug), count: $0.articles.count) })
    }

    private func indexContext(title: String, path: String, names: [(name: String, path: String, count: Int)]) -> TemplateValue {
        [
            "site": site, "t": strings, "page": page(kind: .tags, title: title, path: path),
            "list": Self.noList, "pagination": Self.noPagination,
            "tags": .list(names.map { ["name": .string($0.name), "url": .string(routes.url($0.path)), "count": .int($0.count)] }),
        ]
    }
}
