import ContentGraph
import Infrastructure

/// `sitemap.xml` (every HTML page with the date it last changed, split into a sitemap index past
/// the protocol's 50,000 URLs per file) and `news-sitemap.xml` (Google News: the articles of the
/// last two days of the site's newest article).
struct Sitemap {
    let graph: ContentGraph
    let routes: Routes
    /// URLs per sitemap file (the sitemap protocol allows 50,000).
    let urlsPerFile: Int

    /// The sitemap files of the pages planned so far (redirects, feeds and machine files are not pages).
    func pages(listing pages: [Page]) -> [Page] {
        // Which pages are listed is decided here; their entries are written when the sitemap is
        // rendered, beside the other pages, rather than before rendering starts.
        let listed = pages.filter { $0.file.hasSuffix(".html") && $0.kind != .alias && $0.kind != .notFound }
        let chunks = stride(from: 0, to: max(listed.count, 1), by: urlsPerFile).map { listed[$0..<min(listed.count, $0 + urlsPerFile)] }
        guard chunks.count > 1 else {
            let chunk = chunks[0]
            return [Page(file: "sitemap.xml", kind: .machine, content: .bytes({ [urlsPerFile] in
                Sitemap(model: $0, urlsPerFile: urlsPerFile).urlset(chunk)
            }), articles: [])]
        }
        var index = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        var files: [Page] = []
        for (number, chunk) in chunks.enumerated() {
            let name = "sitemap-\(number + 1).xml"
            index += "<sitemap><loc>\(XMLText.escape(routes.permalink(name)))</loc></sitemap>\n"
            files.append(Page(file: name, kind: .machine, content: .bytes({ [urlsPerFile] in
                Sitemap(model: $0, urlsPerFile: urlsPerFile).urlset(chunk)
            }), articles: []))
        }
        index += "</sitemapindex>\n"
        let bytes = Array(index.utf8)
        return files + [Page(file: "sitemap.xml", kind: .machine, content: .bytes({ _ in bytes }), articles: [])]
    }

    /// One sitemap file listing `pages`.
    func urlset(_ pages: ArraySlice<Page>) -> [UInt8] {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages {
            let path = page.file.hasSuffix("index.html") ? String(page.file.dropLast("index.html".count)) : page.file
            xml += "<url><loc>\(XMLText.escape(routes.permalink(path)))</loc>"
            if let lastModified = lastModified(page.articles) { xml += "<lastmod>\(lastModified.iso8601)</lastmod>" }
            xml += "</url>\n"
        }
        return Array((xml + "</urlset>\n").utf8)
    }

    /// The Google News sitemap: articles published within the two days before `now`.
    func newsPage(publication: String, language: String, now: Int64) -> Page {
        let shown = graph.stories.filter { graph.articles[$0].timestamp <= now && now - graph.articles[$0].timestamp <= 2 * 86_400 }
        return Page(file: "news-sitemap.xml", kind: .machine, content: .bytes({ [urlsPerFile] model in
            Sitemap(model: model, urlsPerFile: urlsPerFile).news(shown, publication: publication, language: language)
        }), articles: shown)
    }

    private func news(_ shown: [Int], publication: String, language: String) -> [UInt8] {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
            + "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n"
        for index in shown {
            let article = graph.articles[index]
            xml += "<url><loc>\(XMLText.escape(routes.permalink(article.path)))</loc><news:news><news:publication>"
                + "<news:name>\(XMLText.escape(publication))</news:name><news:language>\(XMLText.escape(article.language ?? language))</news:language>"
                + "</news:publication><news:publication_date>\(article.date.iso8601)</news:publication_date>"
                + "<news:title>\(XMLText.escape(article.title))</news:title></news:news></url>\n"
        }
        xml += "</urlset>\n"
        return Array(xml.utf8)
    }

    private func lastModified(_ articles: [Int]) -> CivilDate? {
        // An undated page's date is the epoch, no change of the page's.
        articles.compactMap { graph.articles[$0].updated ?? (graph.articles[$0].isDated ? graph.articles[$0].date : nil) }.max { $0.secondsSince1970 < $1.secondsSince1970 }
    }
}

extension Sitemap {
    /// The sitemaps of a view model's graph (what a page's content is rendered from).
    init(model: ViewModel, urlsPerFile: Int) {
        self.init(graph: model.graph, routes: model.routes, urlsPerFile: urlsPerFile)
    }
}
