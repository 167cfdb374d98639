import ContentGraph
import Foundation
import Infrastructure
import SiteConfig

/// Writes the feeds of one list of articles (the home page, a section, a tag) in the three
/// formats feed readers take: RSS 2.0, Atom 1.0 and JSON Feed 1.1. URLs are absolute, dates come
/// from the articles (never the clock), GUIDs are the articles' permalinks, which do not change.
struct FeedWriter {
    let graph: ContentGraph
    let config: SiteConfig
    let routes: Routes
    let items: FeedItems
    private var limit: Int { config.feedItems }

    /// The writer of a view model's graph.
    init(model: ViewModel) {
        graph = model.graph
        config = model.config
        routes = model.routes
        items = model.feedItems
    }

    /// The three feed pages of a list whose pages live at `path` (`""` for home, `tag/x/`).
    func pages(title: String, path: String, articles: [Int]) -> [Page] {
        let items = Array(articles.prefix(limit))
        // Feeds are written when rendered, not held: with whole articles they are the largest files.
        return [
            Page(file: path + config.rssFile, kind: .feed, content: .bytes({ FeedWriter(model: $0).rss(title, path, items) }),
                 articles: items),
            Page(file: path + "atom.xml", kind: .feed, content: .bytes({ FeedWriter(model: $0).atom(title, path, items) }),
                 articles: items),
            Page(file: path + "feed.json", kind: .feed, content: .bytes({ FeedWriter(model: $0).json(title, path, items) }), articles: items),
        ]
    }

    private func feedTitle(_ title: String) -> String {
        title == config.title ? title : "\(title) – \(config.title)"
    }

    /// The newest date shown: the feed's own "updated", stable from build to build.
    private func updated(_ items: [Int]) -> CivilDate? {
        items.map { graph.articles[$0].updated ?? graph.articles[$0].date }.max { $0.secondsSince1970 < $1.secondsSince1970 }
    }

    /// An article body for readers outside the site: root-relative links and images made
    /// absolute, in tags only (code that shows an `href` is text).
    private func absoluteBody(_ index: Int) -> String {
        let bytes = graph.articles[index].body.bytes
        let root = Array(routes.root.utf8)
        var result: [UInt8] = []
        var copied = 0
        // Searched byte for byte: Foundation's `range(of:)` went through CFString and Unicode
        // decomposition, a twentieth of a mirror's rendering.
        for offset in bytes.byteOffsets(of: "=\"" + routes.root) {
            let name = bytes[..<offset]
            guard name.suffix(4).elementsEqual("href".utf8) || name.suffix(3).elementsEqual("src".utf8),
                  name.last(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }) == UInt8(ascii: "<") else { continue }
            let after = offset + 2 + root.count
            // `//host/x` is protocol-relative, not ours.
            if root == [UInt8(ascii: "/")] && after < bytes.count && bytes[after] == UInt8(ascii: "/") { continue }
            result += bytes[copied..<offset + 2]
            result += routes.baseURL.utf8
            copied = after
        }
        guard copied > 0 else { return String(decoding: bytes, as: UTF8.self) }
        result += bytes[copied...]
        return String(decoding: result, as: UTF8.self)
    }

    func rss(_ title: String, _ path: String, _ articles: [Int]) -> [UInt8] {
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel>
        <title>\(XMLText.escape(feedTitle(title)))</title>
        <link>\(XMLText.escape(routes.permalink(path)))</link>
        <description>\(XMLText.escapeAsHTMLText(config.description.isEmpty ? feedTitle(title) : config.description))</description>
        <language>\(XMLText.escape(config.language))</language>
        <generator>Broadsheet</generator>
        <atom:link href="\(XMLText.escape(routes.permalink(path + config.rssFile)))" rel="self" type="application/rss+xml"/>

        """
        if let updated = updated(articles) { xml += "<lastBuildDate>\(updated.rfc822)</lastBuildDate>\n" }
        var bytes = Array(xml.utf8)
        for index in articles { bytes += items.item(.rss, article: index) { Array(rssItem(index).utf8) } }
        return bytes + "</channel>\n</rss>\n".utf8
    }

    /// One article's `<item>`, the same in every RSS feed it is in.
    private func rssItem(_ index: Int) -> String {
        let article = graph.articles[index]
        let link = XMLText.escape(routes.permalink(article.path))
        var xml = "<item>\n<title>\(XMLText.escape(article.title))</title>\n<link>\(link)</link>\n"
        xml += "<guid isPermaLink=\"true\">\(link)</guid>\n<pubDate>\(article.date.rfc822)</pubDate>\n"
        for author in article.authors { xml += "<dc:creator>\(XMLText.escape(graph.authors[author].name))</dc:creator>\n" }
        if let section = article.section { xml += "<category>\(XMLText.escape(graph.sections[section].name))</category>\n" }
        for tag in article.tags.prefix(config.feedCategories - (article.section == nil ? 0 : 1)) {
            xml += "<category>\(XMLText.escape(graph.tags[tag].name))</category>\n"
        }
        xml += "<description>\(XMLText.escapeAsHTMLText(article.summary))</description>\n"
        if config.feedFullContent { xml += "<content:encoded>\(XMLText.escape(absoluteBody(index)))</content:encoded>\n" }
        return xml + "</item>\n"
    }

    func atom(_ title: String, _ path: String, _ articles: [Int]) -> [UInt8] {
        let updatedText = updated(articles)?.iso8601 ?? "1970-01-01T00:00:00+00:00"
        let xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XMLText.escape(config.language))">
        <title>\(XMLText.escape(feedTitle(title)))</title>
        <id>\(XMLText.escape(routes.permalink(path)))</id>
        <link href="\(XMLText.escape(routes.permalink(path)))"/>
        <link rel="self" type="application/atom+xml" href="\(XMLText.escape(routes.permalink(path + "atom.xml")))"/>
        <updated>\(updatedText)</updated>
        <generator>Broadsheet</generator>

        """
        var bytes = Array(xml.utf8)
        for index in articles { bytes += items.item(.atom, article: index) { Array(atomEntry(index).utf8) } }
        return bytes + "</feed>\n".utf8
    }

    /// One article's `<entry>`, the same in every Atom feed it is in.
    private func atomEntry(_ index: Int) -> String {
        let article = graph.articles[index]
        let link = XMLText.escape(routes.permalink(article.path))
        var xml = "<entry>\n<title>\(XMLText.escape(article.title))</title>\n<id>\(link)</id>\n<link href=\"\(link)\"/>\n"
        xml += "<published>\(article.date.iso8601)</published>\n<updated>\((article.updated ?? article.date).iso8601)</updated>\n"
        let authors = article.authors.isEmpty ? [config.title] : article.authors.map { graph.authors[$0].name }
        for author in authors { xml += "<author><name>\(XMLText.escape(author))</name></author>\n" }
        for tag in article.tags.prefix(config.feedCategories) { xml += "<category term=\"\(XMLText.escape(graph.tags[tag].name))\"/>\n" }
        xml += "<summary>\(XMLText.escape(article.summary))</summary>\n"
        if config.feedFullContent { xml += "<content type=\"html\">\(XMLText.escape(absoluteBody(index)))</content>\n" }
        return xml + "</entry>\n"
    }

    /// JSON Feed 1.1, keys in sorted order.
    func json(_ title: String, _ path: String, _ articles: [Int]) -> [UInt8] {
        var json = JSONWriter(capacity: 4096 * max(1, articles.count))
        json.object { feed in
            feed.field("feed_url", routes.permalink(path + "feed.json"))
            feed.field("home_page_url", routes.permalink(path))
            feed.key("items")
            feed.array { entries in
                for index in articles { entries.json(items.item(.json, article: index) { jsonItem(index) }) }
            }
            feed.field("language", config.language)
            feed.field("title", feedTitle(title))
            feed.field("version", "https://jsonfeed.org/version/1.1")
        }
        json.raw("\n")
        return json.bytes
    }

    /// One article's item object, the same in every JSON Feed it is in.
    private func jsonItem(_ index: Int) -> [UInt8] {
        let article = graph.articles[index]
        let permalink = routes.permalink(article.path)
        var json = JSONWriter(capacity: 1024)
        json.object { item in
            if !article.authors.isEmpty {
                item.key("authors")
                item.array { authors in
                    for author in article.authors { authors.object { $0.field("name", graph.authors[author].name) } }
                }
            }
            item.field("content_html", config.feedFullContent ? absoluteBody(index) : nil)
            item.field("content_text", config.feedFullContent ? nil : article.summary)
            item.field("date_modified", article.updated?.iso8601)
            item.field("date_published", article.date.iso8601)
            item.field("id", permalink)
            item.field("image", article.image.map(routes.absolute))
            item.field("summary", article.summary)
            item.field("tags", strings: article.tags.isEmpty ? nil : article.tags.prefix(config.feedCategories).map { graph.tags[$0].name })
            item.field("title", article.title)
            item.field("url", permalink)
        }
        return json.bytes
    }
}
