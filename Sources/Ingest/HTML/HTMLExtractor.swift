import CLibXML2
import Foundation

/// Reads a page saved by a crawler: its metadata, its article body as sanitized HTML and plain text,
/// and the images and links the body keeps. Pure: bytes in, value out, safe to call from many threads.
public struct HTMLExtractor: Sendable {
    /// Per-site hints that take precedence over the general heuristics.
    public var rules: [SiteRule]

    /// Makes an extractor with optional per-site rules.
    public init(rules: [SiteRule] = []) {
        self.rules = rules
    }

    /// Extracts one page. `pageURL`, when given, is where the page lived: relative URLs in the body are
    /// resolved against it (or the page's `<base href>`); without it they stay relative, for the build
    /// to resolve against the page's own folder. Dates without an offset take `defaultTimeZone`'s.
    public func extract(_ bytes: [UInt8], pageURL: String?, defaultTimeZone: TimeZone) throws(ExtractionError)
        -> ExtractedPage {
        guard !bytes.isEmpty else { throw .empty }
        let charset = CharsetRepair(bytes)
        let (document, rule) = try parse(charset, pageURL: pageURL)
        var page = ExtractedPage()
        page.warnings = charset.warnings

        let metadata = PageMetadata(document: document)
        PagePreparation.prepare(document)
        var facts = PageFacts(document: document, metadata: metadata, rule: rule)

        // Everything read from the whole page is read before the body search, which then works on this
        // document itself: copying the page for the search was a tenth of an extraction, and only the
        // rare page whose first pass keeps too little needs a fresh one (parsed again).
        let base = pageURL.flatMap { Self.baseURL(pageURL: $0, document: document) }
        page.published = facts.published.flatMap { DateParser.parse($0, defaultTimeZone: defaultTimeZone) }
            ?? facts.printedDate(defaultTimeZone: defaultTimeZone)
        page.tags = metadata.tags.isEmpty ? facts.tagLinks() : metadata.tags
        let pageByline = (facts.byline?.whitespaceTrimmed.isEmpty ?? true) ? facts.bylineElement() : nil

        let title = facts.title
        var content: DOMNode?
        var holder: HTMLDocument?
        var bodyByline: String?
        if let rule, let selected = SiteRuleApplier(rule: rule).content(in: document) {
            content = selected
        } else {
            let extractor = BodyExtractor(articleTitle: title ?? "", hasMetadataByline: facts.byline != nil)
            let result = extractor.extract(from: document) {
                guard let (fresh, _) = try? parse(charset, pageURL: pageURL) else { return nil }
                PagePreparation.prepare(fresh)
                return fresh
            }
            if let result {
                BodyTrimmer(document: result.document, byline: facts.byline).trim(result.content)
                content = result.content
                holder = result.document
                bodyByline = result.byline
            }
        }

        if let content {
            let output = Sanitizer(baseURL: base).render(content)
            page.html = output.html
            page.text = output.text
            page.images = output.images
            page.links = output.links
        } else {
            page.warnings.append("no article body found")
        }
        withExtendedLifetime(holder) {}

        facts.settleByline(bodyByline: bodyByline, pageByline: pageByline, bodyText: page.text)
        page.title = title
        page.byline = facts.byline
        page.modified = metadata.modified.flatMap { DateParser.parse($0, defaultTimeZone: defaultTimeZone) }
        page.section = facts.section
        page.canonical = metadata.canonical.map { Self.resolve($0, against: base) }
        page.image = metadata.image.map { Self.resolve($0, against: base) }
        // Without a stated summary, the lede stands in, as reader views show it.
        page.description = metadata.description ?? page.text.split(separator: "\n").first.map(String.init)
        page.lang = metadata.lang
        page.site = metadata.site
        return page
    }

    /// Parses the page and applies what comes before reading its metadata: the site rule's removals (the
    /// rule found by the page URL or, without one, by the page's own canonical address) and the images
    /// unwrapped from `noscript`.
    private func parse(_ charset: CharsetRepair, pageURL: String?) throws(ExtractionError) -> (HTMLDocument, SiteRule?) {
        let document = try HTMLDocument(bytes: charset.bytes, url: pageURL, encoding: charset.encoding)
        let host = (pageURL ?? Self.declaredAddress(document)).flatMap { URL(string: $0)?.host }
        let rule = host.flatMap { host in rules.first { $0.matches(host: host) } }
        if let rule { SiteRuleApplier(rule: rule).removeUnwanted(in: document) }
        LazyImages.unwrapNoscriptImages(document)
        return (document, rule)
    }

    /// The page's canonical link or `og:url`, read before anything else so site rules can match on it.
    static func declaredAddress(_ document: HTMLDocument) -> String? {
        let found = document.elements(in: ["link", "meta"])
        for link in found where link.isTag("link") && (link.attribute("rel") ?? "").lowercased().contains("canonical") {
            if let href = link.attribute("href"), href.hasPrefix("http") { return href }
        }
        for meta in found where meta.isTag("meta") && meta.attribute("property") == "og:url" {
            if let content = meta.attribute("content"), content.hasPrefix("http") { return content }
        }
        return nil
    }

    /// The page URL, or the page's `<base href>` resolved against it.
    static func baseURL(pageURL: String, document: HTMLDocument) -> URL? {
        guard let page = URL(string: pageURL) else { return nil }
        if let href = document.elements("base").first?.attribute("href")?.whitespaceTrimmed, !href.isEmpty,
           let base = URL(string: href, relativeTo: page) {
            return base.absoluteURL
        }
        return page
    }

    static func resolve(_ value: String, against base: URL?) -> String {
        guard let base else { return value }
        return URL(string: value, relativeTo: base)?.absoluteString ?? value
    }
}
