import CLibXML2
import Foundation

/// What a page says about itself outside its body text: JSON-LD, `<meta>`, `<link>`, `<html lang>`,
/// and the dates, sections and bylines it prints in its header.
struct PageMetadata {
    var title: String?
    var byline: String?
    var published: String?
    var modified: String?
    var section: String?
    var tags: [String] = []
    var canonical: String?
    var image: String?
    var description: String?
    var lang: String?
    var site: String?
    /// See `ExtractedPage.declaresArticle`.
    var declaresArticle: Bool?

    /// Reads the page before scripts are removed (JSON-LD lives in scripts). `found` holds the page's
    /// `script`, `meta` and `link` elements (among others) in document order.
    init(document: HTMLDocument, found: [DOMNode]) {
        let meta = MetaTags(found: found)
        let scripts = found.filter { $0.isTag("script") && ($0.attribute("type") ?? "").lowercased() == "application/ld+json" }
        let linked = JSONLinkedData(scripts: scripts.map(\.textContent))
        let values = meta.values

        title = Self.linkedTitle(linked, document: document) ?? values["dc:title"] ?? values["dcterm:title"]
            ?? values["og:title"] ?? values["weibo:article:title"] ?? values["weibo:webpage:title"] ?? values["title"]
            ?? values["twitter:title"] ?? values["parsely-title"]
        if title?.isEmpty ?? true { title = DocumentTitle.title(document) }

        let linkedAuthors = linked?.authors ?? []
        byline = (linkedAuthors.isEmpty ? nil : linkedAuthors.joined(separator: ", ")) ?? values["dc:creator"]
            ?? values["dcterm:creator"] ?? values["author"] ?? values["parsely-author"]
            ?? values["article:author"].flatMap { Self.isAddress($0) ? nil : $0 }
        if let found = byline, Self.isAddress(found) { byline = nil }

        description = linked?.description ?? values["dc:description"] ?? values["dcterm:description"]
            ?? values["og:description"] ?? values["weibo:article:description"] ?? values["weibo:webpage:description"]
            ?? values["description"] ?? values["twitter:description"]
        site = linked?.publisher ?? values["og:site_name"] ?? meta.first("application-name")

        published = linked?.datePublished ?? values["article:published_time"] ?? values["parsely-pub-date"]
            ?? meta.first("article:published_time", "datepublished", "og:published_time", "pubdate", "publishdate",
                          "publish-date", "publish_date", "dc:date", "dc:date:issued", "dcterms:created", "date",
                          "sailthru:date", "article:published", "published_time", "citation_publication_date",
                          "dc:date:created", "pub_date", "article_date_original", "original-publish-date")
            ?? linked?.dateCreated
        modified = linked?.dateModified ?? meta.first("article:modified_time", "datemodified", "og:updated_time",
                                                      "dcterms:modified", "last-modified", "lastmod", "modified")

        section = linked?.sections.first ?? meta.first("article:section", "section", "category", "parsely-section")
        if let found = section, ["nil", "null", "none", "undefined"].contains(found.lowercased()) { section = nil }
        var tags = meta.all["article:tag"] ?? []
        // One tag holding a comma list is a list the CMS failed to split.
        if tags.count == 1 { tags = Self.splitList(tags[0]) }
        if tags.isEmpty { tags = linked?.keywords ?? [] }
        if tags.isEmpty, let keywords = meta.first("news_keywords", "keywords") { tags = Self.splitList(keywords) }
        self.tags = Self.unique(tags.filter { !$0.isEmpty })

        canonical = meta.links["canonical"]?.first ?? meta.first("og:url") ?? linked?.url
        image = meta.first("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src")
            ?? linked?.image ?? meta.links["image_src"]?.first
        if linked != nil {
            declaresArticle = true
        } else if let type = meta.all["og:type"]?.last?.lowercased() {
            declaresArticle = type == "article" || type.hasSuffix(".article") || type == "news"
        } else if JSONLinkedData.describesListing(scripts: scripts.map(\.textContent)) {
            declaresArticle = false
        }
        lang = document.root?.attribute("lang")?.whitespaceTrimmed ?? meta.first("content-language", "language", "og:locale")
        if lang?.isEmpty ?? false { lang = nil }
        if section == nil, let crumbs = linked?.breadcrumb, crumbs.count >= 2 {
            section = crumbs.dropFirst().first { $0 != title }
        }
    }

    /// JSON-LD's `name` or `headline`: when both exist and differ, the one closer to `<title>` (some sites put
    /// their own name in `name`), else `name`.
    static func linkedTitle(_ linked: JSONLinkedData?, document: HTMLDocument) -> String? {
        guard let linked else { return nil }
        if let name = linked.name, let headline = linked.headline, name != headline {
            let pageTitle = DocumentTitle.title(document)
            let nameMatches = TextMeasure.similarity(name, pageTitle) > 0.75
            let headlineMatches = TextMeasure.similarity(headline, pageTitle) > 0.75
            return headlineMatches && !nameMatches ? headline : name
        }
        return linked.name ?? linked.headline
    }

    /// A profile link given where a name belongs (`article:author` often holds one).
    static func isAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.")
    }

    /// `a, b; c` and the ideographic commas of Chinese and Japanese pages.
    static func splitList(_ text: String) -> [String] {
        text.split { ",;，、；".contains($0) }.map { String($0).whitespaceTrimmed }.filter { !$0.isEmpty }
    }

    static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0.lowercased()).inserted }
    }
}
