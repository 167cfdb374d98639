import CLibXML2
import Foundation
import Infrastructure

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
    ///
    /// With `skipsListings`, a page whose metadata says it is no article and gives it no date
    /// (`og:type` `website`, a `CollectionPage`) comes back with its metadata alone and no body:
    /// a mirror skips such pages whatever their body, and the body search is most of a page's cost.
    public func extract(_ bytes: [UInt8], pageURL: String?, defaultTimeZone: TimeZone, skipsListings: Bool = false) throws(ExtractionError)
        -> ExtractedPage {
        // The documents are locals of `extractPage`, gone when it returns: inside the scope.
        try XMLArena.scope { () throws(ExtractionError) in
            try extractPage(bytes, pageURL: pageURL, defaultTimeZone: defaultTimeZone, skipsListings: skipsListings)
        }
    }

    private func extractPage(_ bytes: [UInt8], pageURL: String?, defaultTimeZone: TimeZone, skipsListings: Bool) throws(ExtractionError)
        -> ExtractedPage {
        guard !bytes.isEmpty else { throw .empty }
        let charset = CharsetRepair(bytes)
        let input = ParseInput(charset: charset, stripping: canStripRawText(encoding: charset.encoding))
        guard !AttributeBound.isExceeded(input.stripped?.bytes ?? charset.bytes) else {
            throw .unparsable("a tag holds more than \(AttributeBound.limit) attributes")
        }
        let (document, rule, found) = try parse(input, pageURL: pageURL)
        var page = ExtractedPage()
        page.warnings = charset.warnings
        page.cutOffAtLine = document.depthLimitLine

        let metadata = PageMetadata(document: document, found: found)
        // The same date `PageFacts` takes first (metadata, then a `<time>` element): judged as the full path judges.
        if skipsListings, metadata.declaresArticle == false, rule == nil,
           (metadata.published ?? PageFacts.timeElementDate(document)).flatMap({ DateParser.parse($0, defaultTimeZone: defaultTimeZone) }) == nil {
            page.title = metadata.title
            page.declaresArticle = false
            page.canonical = metadata.canonical.flatMap { URLPolicy.allowed($0) }
                .map { Self.resolve($0, against: pageURL.flatMap { Self.baseURL(pageURL: $0, document: document) }) }
            page.lang = metadata.lang
            page.site = metadata.site
            return page
        }
        PagePreparation.prepare(document)
        var facts = PageFacts(document: document, metadata: metadata, rule: rule)

        // Everything read from the whole page is read before the body search, which then works on this
        // document itself: copying the page for the search was a tenth of an extraction, and only the
        // rare page whose first pass keeps too little needs a fresh one (parsed again).
        let base = pageURL.flatMap { Self.baseURL(pageURL: $0, document: document) }
        page.published = facts.published.flatMap { DateParser.parse($0, defaultTimeZone: defaultTimeZone) }
        page.publishedInMetadata = page.published != nil
        if page.published == nil { page.published = facts.printedDate(defaultTimeZone: defaultTimeZone) }
        page.tags = metadata.tags.isEmpty ? facts.tagLinks() : metadata.tags
        let pageByline = (facts.byline?.whitespaceTrimmed.isEmpty ?? true) ? facts.bylineElement() : nil

        let title = facts.title
        var content: DOMNode?
        var holder: HTMLDocument?
        var bodyByline: String?
        var headerSection: String?
        var textCuts: [DOMNode: Int] = [:]
        if let rule, let selected = SiteRuleApplier(rule: rule).content(in: document) {
            content = selected
        } else {
            let extractor = BodyExtractor(articleTitle: title ?? "", hasMetadataByline: facts.byline != nil)
            // The later passes each get a copy of one more parse of the page, prepared once: copying is a
            // fifth of parsing, and a page that fails its first pass mostly fails the next one too.
            var prepared: HTMLDocument?
            let result = extractor.extract(from: document) {
                if prepared == nil {
                    guard let (fresh, _, _) = try? parse(input, pageURL: pageURL) else { return nil }
                    PagePreparation.prepare(fresh)
                    prepared = fresh
                }
                return prepared.flatMap { try? HTMLDocument(copying: $0) }
            }
            if let result {
                let siteHost = (metadata.canonical ?? pageURL).flatMap { URL(string: $0)?.host }
                let trimmer = BodyTrimmer(document: result.document, byline: facts.byline, siteHost: siteHost)
                textCuts = trimmer.trim(result.content)
                ArticleEnd(document: result.document).trim(result.content)
                // After the article's end is trimmed, as a box's title is left last only then; once is enough.
                trimmer.removeTrailingBoxTitles(result.content)
                let header = HeaderLines(removingFrom: result.content, in: result.document, knownByline: facts.byline)
                content = result.content
                holder = result.document
                bodyByline = result.byline ?? header.byline ?? header.closingByline
                headerSection = header.section
            }
        }

        if let content {
            let output = Sanitizer(baseURL: base, textCuts: textCuts).render(content)
            // Composed, as the metadata is: a page may write its letters decomposed (a base and its marks).
            page.html = NFC.normalize(output.html)
            page.text = NFC.normalize(output.text)
            page.images = output.images
            page.links = output.links
            page.linkDensity = output.textBytes == 0 ? 0 : Double(output.linkTextBytes) / Double(output.textBytes)
        } else {
            page.warnings.append("no article body found")
        }
        withExtendedLifetime(holder) {}

        facts.settleByline(bodyByline: bodyByline, pageByline: pageByline, bodyText: page.text)
        page.title = title
        page.byline = facts.byline
        page.modified = metadata.modified.flatMap { DateParser.parse($0, defaultTimeZone: defaultTimeZone) }
        page.section = facts.section ?? headerSection
        // A page's own addresses are content too: `javascript:` in a canonical link or `og:url`
        // must not become a link on the mirror.
        page.canonical = metadata.canonical.flatMap { URLPolicy.allowed($0) }.map { Self.resolve($0, against: base) }
        page.image = metadata.image.flatMap { URLPolicy.allowed($0, image: true) }.map { Self.resolve($0, against: base) }
        // Without a stated summary, the lede stands in, as reader views show it.
        page.description = (metadata.description ?? Sanitizer.firstLine(of: page.text)).map(Self.withoutSourcePrefix)
        page.lang = metadata.lang
        page.site = metadata.site
        page.declaresArticle = metadata.declaresArticle
        return page
    }

    /// Parses the page and applies what comes before reading its metadata: the site rule's removals (the
    /// rule found by the page URL or, without one, by the page's own canonical address) and the images
    /// unwrapped from `noscript`.
    /// The page's elements of `firstLook` come back too, in document order, for the metadata to read.
    private func parse(_ input: ParseInput, pageURL: String?) throws(ExtractionError) -> (HTMLDocument, SiteRule?, [DOMNode]) {
        var document = try HTMLDocument(bytes: input.stripped?.bytes ?? input.charset.bytes, url: pageURL,
                                        encoding: input.charset.encoding)
        // One walk finds what the steps below read: each walk of a whole page is a measured cost.
        var found = document.elements(in: Self.firstLook)
        // A page cut off by its nesting is read again whole, so that the line reported is the page's own.
        if let stripped = input.stripped, !stripped.agrees(with: found) || document.depthLimitLine != nil {
            document = try HTMLDocument(bytes: input.charset.bytes, url: pageURL, encoding: input.charset.encoding)
            found = document.elements(in: Self.firstLook)
        }
        let host = (pageURL ?? Self.declaredAddress(found)).flatMap { URL(string: $0)?.host }
        let rule = host.flatMap { host in rules.first { $0.matches(host: host) } }
        if let rule {
            SiteRuleApplier(rule: rule).removeUnwanted(in: document)
            found = document.elements(in: Self.firstLook)
        }
        // Unwrapping takes out and puts in only images and their wrappers, so the other elements found stay.
        LazyImages.unwrapNoscriptImages(document, found: found)
        return (document, rule, found)
    }

    /// The elements parsing checks and the first steps read: scripts and style sheets (`RawTextStripper`,
    /// JSON-LD), links and metas (`declaredAddress`, `MetaTags`), images and `noscript` (`LazyImages`).
    static let firstLook: TagSet = ["script", "style", "link", "meta", "img", "noscript"]

    /// The page as decoded, and as stripped of script and style bodies when that was possible.
    private struct ParseInput {
        let charset: CharsetRepair
        let stripped: RawTextStripper?

        init(charset: CharsetRepair, stripping: Bool) {
            self.charset = charset
            stripped = stripping ? RawTextStripper(charset.bytes) : nil
        }
    }

    /// Whether script and style bodies may go before parsing: the page's bytes must be readable as ASCII
    /// markup, and no site rule may read a script or a style sheet (a rule's date in a script, say).
    private func canStripRawText(encoding: String?) -> Bool {
        RawTextStripper.canScan(encoding: encoding)
            && !rules.contains { rule in rule.selectors.contains { $0.contains("script") || $0.contains("style") } }
    }

    /// The page's canonical link or `og:url`, read before anything else so site rules can match on it.
    /// `found` holds the page's `link` and `meta` elements (among others), in document order.
    static func declaredAddress(_ found: [DOMNode]) -> String? {
        for link in found where link.isTag("link") && (link.attribute("rel") ?? "").lowercased().contains("canonical") {
            if let href = link.attribute("href"), href.hasPrefix("http") { return href }
        }
        for meta in found where meta.isTag("meta") && meta.attribute("property") == "og:url" {
            if let content = meta.attribute("content"), content.hasPrefix("http") { return content }
        }
        return nil
    }

    /// A summary without the agency or paper news wires print before the first sentence —
    /// `(Tổ Quốc) - Chiều ngày 30/11…`, `(Reuters) — The…` — which belongs to the body, where it
    /// stays, and not to a card's one line. Only a short parenthesis and a dash at the very start.
    static func withoutSourcePrefix(_ summary: String) -> String {
        let trimmed = summary.whitespaceTrimmed
        guard trimmed.hasPrefix("("), let close = trimmed.firstIndex(of: ")"),
              trimmed.distance(from: trimmed.startIndex, to: close) <= 40 else { return summary }
        var rest = trimmed[trimmed.index(after: close)...].drop { $0 == " " || $0 == "\u{00A0}" }
        guard let dash = rest.first, "-–—".contains(dash) else { return summary }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\u{00A0}" }
        return rest.count >= 20 ? String(rest) : summary
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
