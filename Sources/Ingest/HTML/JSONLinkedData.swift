import Foundation

/// The article facts a page states in schema.org JSON-LD (`<script type="application/ld+json">`):
/// the first object of an article type (NewsArticle, BlogPosting, …) found in document order.
struct JSONLinkedData {
    var name: String?
    var headline: String?
    var authors: [String] = []
    var description: String?
    var publisher: String?
    var datePublished: String?
    var dateModified: String?
    /// Less trusted than `datePublished` (often the CMS's UTC record time), so only a late fallback.
    var dateCreated: String?
    var sections: [String] = []
    var keywords: [String] = []
    var image: String?
    var url: String?
    /// Breadcrumb item names, in order, from a BreadcrumbList anywhere in the page's JSON-LD.
    var breadcrumb: [String] = []

    static let articleTypes: Set<String> = [
        "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle",
        "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "Report",
        "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting",
        "LiveBlogPosting", "DiscussionForumPosting", "TechArticle", "APIReference",
    ]

    /// Types of a page that lists or describes other pages rather than telling a story.
    static let listingTypes: Set<String> = ["CollectionPage", "ItemList", "SearchResultsPage", "ProfilePage", "ContactPage"]

    /// Whether the scripts' texts describe the page as a listing (a `CollectionPage`, an `ItemList`,
    /// search results) and as no article.
    static func describesListing(scripts: [String]) -> Bool {
        var listing = false
        for script in scripts {
            guard let data = script.whitespaceTrimmed.data(using: .utf8),
                  let parsed = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { continue }
            for object in objects(in: parsed) {
                let types = types(of: object)
                if !types.isDisjoint(with: articleTypes) { return false }
                if !types.isDisjoint(with: listingTypes) { listing = true }
            }
        }
        return listing
    }

    /// Reads the scripts' texts; nil when none holds an article object.
    init?(scripts: [String]) {
        var found: [String: Any]?
        var crumbs: [String] = []
        for script in scripts {
            var text = script.whitespaceTrimmed
            if text.hasPrefix("<![CDATA[") { text = String(text.dropFirst(9)) }
            if text.hasSuffix("]]>") { text = String(text.dropLast(3)) }
            guard let data = text.data(using: .utf8),
                  let parsed = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { continue }
            for object in Self.objects(in: parsed) {
                let types = Self.types(of: object)
                if types.contains("BreadcrumbList"), crumbs.isEmpty { crumbs = Self.breadcrumbNames(object) }
                if found == nil, !types.isDisjoint(with: Self.articleTypes), Self.hasSchemaContext(object, parsed) {
                    found = object
                }
            }
        }
        guard let object = found else { return nil }
        name = Self.string(object["name"])
        headline = Self.string(object["headline"])
        authors = Self.names(object["author"])
        description = Self.string(object["description"])
        publisher = Self.names(object["publisher"]).first
        datePublished = Self.string(object["datePublished"])
        dateCreated = Self.string(object["dateCreated"])
        dateModified = Self.string(object["dateModified"])
        sections = Self.strings(object["articleSection"])
        keywords = Self.strings(object["keywords"]).flatMap(PageMetadata.splitList)
        image = Self.url(object["image"]) ?? Self.url(object["thumbnailUrl"])
        url = Self.string(object["url"]) ?? Self.url(object["mainEntityOfPage"])
        breadcrumb = crumbs
    }

    /// Top-level objects, arrays of them, and `@graph` members.
    static func objects(in value: Any) -> [[String: Any]] {
        if let array = value as? [Any] { return array.flatMap { objects(in: $0) } }
        guard let object = value as? [String: Any] else { return [] }
        var result = [object]
        if let graph = object["@graph"] { result += objects(in: graph) }
        return result
    }

    static func types(of object: [String: Any]) -> Set<String> {
        Set(strings(object["@type"]).map { $0.replacingOccurrences(of: "http://schema.org/", with: "")
            .replacingOccurrences(of: "https://schema.org/", with: "") })
    }

    /// schema.org context on the object or on the document it came from; `@vocab` objects count too.
    static func hasSchemaContext(_ object: [String: Any], _ root: Any) -> Bool {
        func isSchema(_ context: Any?) -> Bool {
            if let text = context as? String { return text.lowercased().contains("schema.org") }
            if let dictionary = context as? [String: Any] { return isSchema(dictionary["@vocab"]) }
            if let array = context as? [Any] { return array.contains { isSchema($0) } }
            return false
        }
        if isSchema(object["@context"]) { return true }
        if let rootObject = root as? [String: Any] { return isSchema(rootObject["@context"]) }
        if let array = root as? [Any] { return array.contains { isSchema(($0 as? [String: Any])?["@context"]) } }
        return false
    }

    static func string(_ value: Any?) -> String? {
        guard let text = value as? String else { return nil }
        // Sites escape entities inside JSON strings as they do in meta contents.
        let trimmed = MetaTags.unescape(text).whitespaceTrimmed
        return trimmed.isEmpty ? nil : trimmed
    }

    static func strings(_ value: Any?) -> [String] {
        if let text = string(value) { return [text] }
        if let array = value as? [Any] { return array.compactMap { string($0) } }
        return []
    }

    /// Names of people or organizations: `{"name": …}`, an array of those, or plain strings.
    static func names(_ value: Any?) -> [String] {
        if let object = value as? [String: Any] { return string(object["name"]).map { [$0] } ?? [] }
        if let array = value as? [Any] { return array.flatMap { names($0) } }
        if let text = string(value), !text.hasPrefix("http") { return [text] }
        return []
    }

    static func url(_ value: Any?) -> String? {
        if let text = string(value) { return text }
        if let object = value as? [String: Any] { return string(object["url"]) ?? string(object["@id"]) }
        if let array = value as? [Any] { return array.lazy.compactMap { url($0) }.first }
        return nil
    }

    static func breadcrumbNames(_ list: [String: Any]) -> [String] {
        guard let items = list["itemListElement"] as? [Any] else { return [] }
        return items.compactMap { item -> String? in
            guard let object = item as? [String: Any] else { return nil }
            if let name = string(object["name"]) { return name }
            if let inner = object["item"] as? [String: Any] { return string(inner["name"]) }
            return nil
        }
    }
}
