import CLibXML2
import Foundation

/// The facts a page prints rather than declares, used where its metadata is silent: the date and
/// section in the article header (`Thời sự 30/11/2021 22:58`), a breadcrumb, a byline element, or the
/// author's name alone on the body's last line, as Vietnamese news sites sign their articles.
struct PageFacts {
    let document: HTMLDocument
    var title: String?
    var byline: String?
    /// The publication date as written, to be parsed.
    var published: String?
    var section: String?

    static let dateHints = ["date", "time", "publish", "posted", "ngay", "thoi-gian", "thoigian", "dateline", "timestamp"]
    static let sectionHints = ["category", "cate", "chuyen-muc", "chuyenmuc", "section", "kicker", "eyebrow",
                               "breadcrumb", "label"]
    static let homeNames: Set<String> = ["home", "trang chủ", "trang chu", "homepage", "accueil", "inicio", "startseite"]

    init(document: HTMLDocument, metadata: PageMetadata, rule: SiteRule?) {
        self.document = document
        let applier = rule.map(SiteRuleApplier.init)
        title = applier?.text(rule?.title, in: document) ?? metadata.title.map(\.whitespaceTrimmed)
        if title?.isEmpty ?? false { title = nil }
        byline = applier?.text(rule?.author, in: document) ?? metadata.byline
        published = applier?.text(rule?.date, in: document) ?? metadata.published ?? Self.timeElementDate(document)
        section = metadata.section ?? breadcrumbSection() ?? hintedSection()
    }

    /// `<time datetime>` or `itemprop=datePublished`, preferring ones marked as the publication date.
    static func timeElementDate(_ document: HTMLDocument) -> String? {
        let marked = document.elements("*").first { node in
            let itemprop = node.attribute("itemprop") ?? ""
            return itemprop.contains("datePublished") || node.hasAttribute("pubdate")
        }
        if let marked, let value = marked.attribute("datetime") ?? marked.attribute("content") ?? Optional(marked.textContent),
           !value.whitespaceTrimmed.isEmpty {
            return value.whitespaceTrimmed
        }
        return document.elements("time").lazy.compactMap { $0.attribute("datetime")?.whitespaceTrimmed }.first { !$0.isEmpty }
    }

    /// A date printed in the page: first one with a time in an element whose class or id speaks of dates,
    /// then any short text with a date and time, then a date alone in a date-like element.
    func printedDate(defaultTimeZone: TimeZone) -> ParsedDate? {
        guard let body = document.body else { return nil }
        var dateOnly: ParsedDate?
        for element in body.descendants("*") where ClassHints.matches(element.classAndID, Self.dateHints) {
            let text = TextMeasure.innerText(element)
            guard !text.isEmpty, text.utf16.count < 120,
                  let date = DateParser.parse(text, defaultTimeZone: defaultTimeZone) else { continue }
            if date.hasTime { return date }
            if dateOnly == nil { dateOnly = date }
        }
        for node in Self.textNodes(below: body) {
            let text = node.textContent.whitespaceTrimmed
            guard text.utf16.count >= 8, text.utf16.count < 80,
                  let date = DateParser.parse(text, defaultTimeZone: defaultTimeZone), date.hasTime else { continue }
            return date
        }
        return dateOnly
    }

    static func textNodes(below root: DOMNode) -> [DOMNode] {
        var result: [DOMNode] = []
        var stack = [root]
        while let node = stack.popLast() {
            for child in node.childNodes.reversed() {
                if child.isText { result.append(child) } else if child.isElement { stack.append(child) }
            }
        }
        return result
    }

    /// The first link of a breadcrumb that is neither the home page nor the article itself.
    func breadcrumbSection() -> String? {
        guard let body = document.body else { return nil }
        let trails = body.descendants("*").filter { node in
            ClassHints.matches(node.classAndID, ["breadcrumb"])
                || (node.attribute("itemtype") ?? "").hasSuffix("BreadcrumbList")
        }
        for trail in trails {
            let names = trail.descendants("a").map { TextMeasure.innerText($0) }.filter { name in
                !name.isEmpty && name.utf16.count < 50 && !Self.homeNames.contains(name.lowercased()) && name != title
            }
            // The first level under home is the section; deeper levels are subsections.
            if let first = names.first { return first }
        }
        return nil
    }

    /// A short link or label in an element named like a category, before the article's text.
    func hintedSection() -> String? {
        guard let body = document.body else { return nil }
        for element in body.descendants("*") where ClassHints.matches(element.classAndID, Self.sectionHints) {
            let source = element.isTag("a") ? element : element.descendants("a").first ?? element
            let text = TextMeasure.innerText(source)
            guard !text.isEmpty, text.utf16.count < 40, !Self.homeNames.contains(text.lowercased()),
                  TextMeasure.innerText(element).utf16.count < 80, !text.contains(where: \.isNumber) else { continue }
            return text
        }
        return nil
    }

    static let tagHints = ["tags", "-tag", "tag-", "_tag", "tag_", "taglist", "keyword", "tu-khoa", "tukhoa"]

    /// Tags the page links to: `rel=tag` links, else the links of a tag list (`tags`, `tu-khoa`, …).
    func tagLinks() -> [String] {
        guard let body = document.body else { return [] }
        var names = body.descendants("a").filter { link in
            (link.attribute("rel") ?? "").lowercased().split(separator: " ").contains("tag")
        }.map { TextMeasure.innerText($0) }
        if names.isEmpty, let list = body.descendants("*").first(where: { element in
            ClassHints.matches(element.classAndID, Self.tagHints) && !element.descendants("a").isEmpty
                && TextMeasure.linkDensity(element) > 0.5
        }) {
            names = list.descendants("a").map { TextMeasure.innerText($0) }
        }
        let cleaned = names.map { $0.hasPrefix("#") ? String($0.dropFirst()).whitespaceTrimmed : $0 }
            .filter { !$0.isEmpty && $0.utf16.count <= 60 }
        return PageMetadata.unique(cleaned)
    }

    /// Settles the byline after the body search: the metadata's, else the body's byline element, else a
    /// name alone on the body's last line.
    mutating func settleByline(bodyByline: String?, bodyText: String) {
        if let found = byline, !found.whitespaceTrimmed.isEmpty { byline = found.whitespaceTrimmed; return }
        if let bodyByline { byline = TextMeasure.collapseRuns(bodyByline.whitespaceTrimmed); return }
        guard let last = bodyText.split(separator: "\n").last.map(String.init) else { return }
        if Self.looksLikeName(last) { byline = last }
    }

    /// Two to five capitalized words, no digits, no sentence punctuation: `Bạch Dương`, `Nguyễn Văn A`.
    static func looksLikeName(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        guard (2...5).contains(words.count), line.utf16.count <= 40 else { return false }
        guard !line.contains(where: { $0.isNumber || ".:;!?,\"“”()|/".contains($0) }) else { return false }
        return words.allSatisfy { word in word.first.map { $0.isUppercase } ?? false }
    }
}
