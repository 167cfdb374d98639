import ContentGraph

/// `sitemap.xml`: every HTML page of the site with the date it last changed, so search engines
/// find the archive and re-crawl only what moved.
struct Sitemap {
    let graph: ContentGraph
    let routes: Routes

    /// The sitemap of the pages planned so far (redirects, feeds and machine files are not pages).
    func page(listing pages: [Page]) -> Page {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages where page.file.hasSuffix(".html") && page.kind != .alias {
            let path = page.file.hasSuffix("index.html") ? String(page.file.dropLast("index.html".count)) : page.file
            xml += "<url><loc>\(XMLText.escape(routes.permalink(path)))</loc>"
            if let lastModified = lastModified(page.articles) { xml += "<lastmod>\(lastModified.iso8601)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return Page(file: "sitemap.xml", kind: .machine, template: nil, context: nil, bytes: Array(xml.utf8), articles: [])
    }

    private func lastModified(_ articles: [Int]) -> CivilDate? {
        articles.map { graph.articles[$0].updated ?? graph.articles[$0].date }.max { $0.secondsSince1970 < $1.secondsSince1970 }
    }
}
