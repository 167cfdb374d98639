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
    static let sectionHints = ["category", "cate-", "-cate", "chuyen-muc", "chuyenmuc", "kicker", "eyebrow",
                               "section-name", "section-label", "article-section"]
    static let homeNames: Set<String> = ["home", "trang chủ", "trang chu", "homepage", "accueil", "inicio", "startseite",
                                         "首页", "主页", "ホーム", "início", "inizio"]

    /// `Home`, `Trang chủ`, or `<Site> Home`.
    static func isHome(_ name: String) -> Bool {
        let lower = name.lowercased()
        return homeNames.contains(lower) || lower.hasSuffix(" home")
    }

    init(document: HTMLDocument, metadata: PageMetadata, rule: SiteRule?) {
        self.document = document
        let applier = rule.map(SiteRuleApplier.init)
        title = applier?.text(rule?.title, in: document) ?? metadata.title.map(\.whitespaceTrimmed)
        if title?.isEmpty ?? false { title = nil }
        byline = applier?.text(rule?.author, in: document) ?? metadata.byline
        published = applier?.text(rule?.date, in: document) ?? metadata.published ?? Self.timeElementDate(document)
        section = metadata.section ?? breadcrumbSection() ?? hintedSection() ?? datelineSection()
    }

    /// The section printed just before the date in the article's header, as Vietnamese news
    /// sites print it (`Thời sự 30/11/2021 22:58`): the short text that precedes a date-like
    /// element in the same line, in a word or four, without digits.
    func datelineSection() -> String? {
        guard let body = document.body else { return nil }
        for element in body.descendants("*") where ClassHints.matches(element.classAndID, Self.dateHints) {
            guard !Self.isInSiteChrome(element), let line = element.parent else { continue }
            let dateText = TextMeasure.innerText(element)
            guard dateText.utf16.count < 60, DateParser.parse(dateText, defaultTimeZone: TimeZone(identifier: "UTC")!) != nil else { continue }
            let lineText = TextMeasure.innerText(line)
            guard lineText.utf16.count < 120, let range = lineText.range(of: dateText) else { continue }
            let before = lineText[..<range.lowerBound].trimmingCharacters(in: CharacterSet(charactersIn: " |-–·•/:\u{00A0}"))
            let words = before.split(separator: " ").count
            guard (1...4).contains(words), !before.contains(where: { $0.isNumber || "()[]@#".contains($0) }),
                  !Self.isHome(before) else { continue }
            return before
        }
        return nil
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
            // The site bar's "today" date is not the article's.
            if Self.isInSiteChrome(element) { continue }
            let text = TextMeasure.innerText(element)
            guard !text.isEmpty, text.utf16.count < 120,
                  let date = DateParser.parse(text, defaultTimeZone: defaultTimeZone) else { continue }
            if date.hasTime { return date }
            if dateOnly == nil { dateOnly = date }
        }
        for node in Self.textNodes(below: body) where !Self.isInSiteChrome(node) {
            let text = node.textContent.whitespaceTrimmed
            guard text.utf16.count >= 8, text.utf16.count < 80,
                  let date = DateParser.parse(text, defaultTimeZone: defaultTimeZone), date.hasTime else { continue }
            return date
        }
        return dateOnly
    }

    /// Names of the site's own bars, not of an article's header (`entry-header` is the article's).
    static let chromeHints = ["site-header", "page-header", "main-header", "topbar", "top-bar", "top-header", "navbar",
                              "nav-", "menu", "footer", "toolbar", "masthead"]

    /// Inside the page's header, navigation or footer rather than the article.
    static func isInSiteChrome(_ node: DOMNode) -> Bool {
        var current = node.parent
        while let element = current {
            if element.isTag("nav") || element.isTag("footer") || (element.isTag("header") && element.parent?.isTag("body") == true) {
                return true
            }
            let names = element.classAndID
            if ClassHints.matches(names, chromeHints), !ClassHints.matches(names, ["detail", "article", "post", "content"]) {
                return true
            }
            current = element.parent
        }
        return false
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
                !name.isEmpty && name.utf16.count < 50 && !Self.isHome(name) && name != title
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
            guard !Self.isInSiteChrome(element), TextMeasure.textLength(element) < 80,
                  let link = element.isTag("a") ? element : element.descendants("a").first else { continue }
            // A section is named by a link to its own page, in a word or three.
            let text = TextMeasure.innerText(link)
            let words = text.split(separator: " ").count
            guard !text.isEmpty, text.utf16.count < 40, words <= 4, !Self.isHome(text),
                  !text.contains(where: { $0.isNumber || ":[]()#@".contains($0) }),
                  let href = link.attribute("href"), !href.isEmpty, !href.hasPrefix("#"),
                  !href.lowercased().hasPrefix("javascript:") else { continue }
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
            ClassHints.matches(element.classAndID, Self.tagHints) && !Self.isInSiteChrome(element)
                && element.descendants("a").count >= 2 && TextMeasure.linkDensity(element) > 0.5
        }) {
            names = list.descendants("a").map { TextMeasure.innerText($0) }
        }
        let cleaned = names.map { $0.hasPrefix("#") ? String($0.dropFirst()).whitespaceTrimmed : $0 }
            .filter { !$0.isEmpty && $0.utf16.count <= 60 && !$0.hasPrefix("[") }
        return PageMetadata.unique(cleaned)
    }

    /// Settles the byline after the body search: the metadata's, else the body's byline element, else a
    /// name alone on the body's last line.
    mutating func settleByline(bodyByline: String?, bodyText: String) {
        if let found = byline, !found.whitespaceTrimmed.isEmpty {
            byline = Self.withoutLead(found.whitespaceTrimmed)
        } else if let bodyByline, !bodyByline.whitespaceTrimmed.isEmpty {
            byline = Self.withoutLead(TextMeasure.collapseRuns(bodyByline.whitespaceTrimmed))
        } else if let element = bylineElement() {
            byline = Self.withoutLead(element)
        } else if let last = bodyText.split(separator: "\n").last.map(String.init), Self.looksLikeName(last) {
            byline = last
        } else {
            byline = nil
        }
    }

    /// The first author element of the page outside its header, navigation and footer: `rel=author`,
    /// `itemprop=author` (its `name` part when marked), or a class such as `byline`, `author`, `tac-gia`.
    /// The body search only sees bylines inside the part of the page it keeps; this looks at the whole page.
    func bylineElement() -> String? {
        guard let body = document.body else { return nil }
        for element in body.descendants("*") {
            let itemprop = element.attribute("itemprop") ?? ""
            guard element.attribute("rel") == "author" || itemprop.contains("author")
                || ClassHints.isByline(element.classAndID) else { continue }
            guard !Self.isInSiteChrome(element) else { continue }
            let named = element.descendants("*").first { ($0.attribute("itemprop") ?? "").contains("name") } ?? element
            let text = TextMeasure.innerText(named)
            let lower = text.lowercased()
            // "Promoted by", "Posted by": a label whose name lives elsewhere (or is a sponsor).
            guard !text.isEmpty, text.utf16.count < 60, !text.contains(where: \.isNumber), !lower.hasSuffix(" by"),
                  !lower.hasSuffix(":") else { continue }
            return text
        }
        return nil
    }

    static let bylineLeads = ["by ", "by: ", "bởi ", "tác giả: ", "tác giả ", "written by ", "posted by "]

    /// The name without a leading "By" (a label, not part of the name).
    static func withoutLead(_ byline: String) -> String {
        let lower = byline.lowercased()
        for lead in bylineLeads where lower.hasPrefix(lead) && byline.count > lead.count {
            return String(byline.dropFirst(lead.count)).whitespaceTrimmed
        }
        return byline
    }

    /// Two to five capitalized words, no digits, no sentence punctuation: `Bạch Dương`, `Nguyễn Văn A`.
    static func looksLikeName(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        guard (2...5).contains(words.count), line.utf16.count <= 40 else { return false }
        guard !line.contains(where: { $0.isNumber || ".:;!?,\"“”()|/".contains($0) }) else { return false }
        return words.allSatisfy { word in word.first.map { $0.isUppercase } ?? false }
    }
}
