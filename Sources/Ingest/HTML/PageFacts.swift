import CLibXML2
import Foundation

/// The facts a page prints rather than declares, used where its metadata is silent: the date and
/// section in the article header (`Thời sự 30/11/2021 22:58`), a breadcrumb, a byline element, or the
/// author's name alone on the body's last line, as Vietnamese news sites sign their articles.
///
/// Everything here reads the page as it was when the facts were made: call it before the body search
/// changes the page.
struct PageFacts {
    let document: HTMLDocument
    /// The body's elements in document order with their `classAndID` (a range of `names`), read once:
    /// each fact below walks them, and the separate walks with their attribute reads were a tenth of an
    /// extraction. The names share one buffer rather than an array per element.
    let elements: [(node: DOMNode, names: Range<Int>)]
    let names: [UInt8]
    var title: String?
    var byline: String?
    /// The publication date as written, to be parsed.
    var published: String?
    var section: String?

    static let dateHints: ClassHints.Words = ["date", "time", "publish", "posted", "ngay", "thoi-gian", "thoigian", "dateline", "timestamp"]
    static let sectionHints: ClassHints.Words = ["category", "cate-", "-cate", "chuyen-muc", "chuyenmuc", "kicker", "eyebrow",
                               "section-name", "section-label", "article-section"]
    static let homeNames: Set<String> = ["home", "trang chủ", "trang chu", "homepage", "accueil", "inicio", "startseite",
                                         "首页", "主页", "ホーム", "início", "inizio"]

    static let utc = TimeZone(identifier: "UTC")!

    /// Whether the element names in `range` of `names` hold one of `words`.
    func matches(_ range: Range<Int>, _ words: ClassHints.Words) -> Bool {
        names.withUnsafeBufferPointer { ClassHints.matches(UnsafeBufferPointer(rebasing: $0[range]), words) }
    }

    /// `Home`, `Trang chủ`, or `<Site> Home`.
    static func isHome(_ name: String) -> Bool {
        let lower = name.lowercased()
        return homeNames.contains(lower) || lower.hasSuffix(" home")
    }

    init(document: HTMLDocument, metadata: PageMetadata, rule: SiteRule?) {
        self.document = document
        var names: [UInt8] = []
        elements = document.body.map { body in
            body.descendants("*").map { node in
                let start = names.count
                node.appendClassAndID(to: &names)
                return (node, start..<names.count)
            }
        } ?? []
        self.names = names
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
        for (element, names) in elements where matches(names, Self.dateHints) {
            // The cheap length tests go first and the walk up the tree last: the line is often a large
            // container, and reading its whole text first was a fiftieth of an extraction.
            guard let line = element.parent, TextMeasure.innerTextLength(element, isAtMost: 59),
                  TextMeasure.innerTextLength(line, isAtMost: 119) else { continue }
            let dateText = TextMeasure.innerText(element)
            guard DateParser.parse(dateText, defaultTimeZone: Self.utc) != nil else { continue }
            let lineText = TextMeasure.innerText(line)
            guard let range = lineText.range(of: dateText), !Self.isInSiteChrome(element) else { continue }
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
        let marked = document.root?.firstDescendant { node in
            let itemprop = node.attribute("itemprop") ?? ""
            return (!itemprop.isEmpty && itemprop.contains("datePublished")) || node.hasAttribute("pubdate")
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
        for (element, names) in elements where matches(names, Self.dateHints) {
            guard TextMeasure.innerTextLength(element, isAtMost: 119) else { continue }
            let text = TextMeasure.innerText(element)
            // The site bar's "today" date is not the article's.
            guard !text.isEmpty, let date = DateParser.parse(text, defaultTimeZone: defaultTimeZone),
                  !Self.isInSiteChrome(element) else { continue }
            if date.hasTime { return date }
            if dateOnly == nil { dateOnly = date }
        }
        // Every text node of the page comes through here: the cheap tests (length, a digit, which every date
        // form has) go before the parse, and the walk up the tree last, as together they were a tenth of a
        // whole extraction when they came first.
        for node in Self.textNodes(below: body) {
            guard let content = node.pointee.content else { continue }
            let bytes = UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self)))
            guard bytes.count >= 8, Self.hasASCIIDigit(content) else { continue }
            // The trimmed text's UTF-16 length counted in its bytes, up to the limit: a paragraph of
            // prose is not made into a String only to be found too long.
            let trimmed = UnsafeBufferPointer(rebasing: bytes[TextMeasure.trimmedRange(bytes)])
            var units = 0
            for byte in trimmed where byte & 0xC0 != 0x80 {
                units += byte >= 0xF0 ? 2 : 1
                if units >= 80 { break }
            }
            guard units >= 8, units < 80 else { continue }
            let text = String(decoding: trimmed, as: UTF8.self)
            guard let date = DateParser.parse(text, defaultTimeZone: defaultTimeZone), date.hasTime, !Self.isInSiteChrome(node) else { continue }
            return date
        }
        return dateOnly
    }

    static func hasASCIIDigit(_ text: UnsafePointer<UInt8>) -> Bool {
        var index = 0
        while text[index] != 0 {
            if text[index] >= 48 && text[index] <= 57 { return true }
            index += 1
        }
        return false
    }

    /// Names of the site's own bars, not of an article's header (`entry-header` is the article's).
    static let chromeHints: ClassHints.Words = ["site-header", "page-header", "main-header", "topbar", "top-bar", "top-header", "navbar",
                              "nav-", "menu", "footer", "toolbar", "masthead"]

    /// Names that mark an article's own header even when they also sound like chrome (`post-header`).
    static let articleHints: ClassHints.Words = ["detail", "article", "post", "content"]
    static let breadcrumbHints: ClassHints.Words = ["breadcrumb"]

    /// Inside the page's header, navigation or footer rather than the article.
    static func isInSiteChrome(_ node: DOMNode) -> Bool {
        var current = node.parent
        while let element = current {
            if element.isTag("nav") || element.isTag("footer") || (element.isTag("header") && element.parent?.isTag("body") == true) {
                return true
            }
            let names = element.classAndID
            if ClassHints.matches(names, chromeHints), !ClassHints.matches(names, articleHints) {
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
        let trails = elements.filter { node, names in
            matches(names, Self.breadcrumbHints) || (node.attribute("itemtype") ?? "").hasSuffix("BreadcrumbList")
        }.map(\.node)
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
        for (element, names) in elements where matches(names, Self.sectionHints) {
            guard !Self.isInSiteChrome(element), TextMeasure.textLength(element, isAtMost: 79),
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

    static let tagHints: ClassHints.Words = ["tags", "-tag", "tag-", "_tag", "tag_", "taglist", "keyword", "tu-khoa", "tukhoa"]

    /// Tags the page links to: `rel=tag` links, else the links of a tag list (`tags`, `tu-khoa`, …).
    func tagLinks() -> [String] {
        guard let body = document.body else { return [] }
        var names = body.descendants("a").filter { link in
            (link.attribute("rel") ?? "").lowercased().split(separator: " ").contains("tag")
        }.map { TextMeasure.innerText($0) }
        if names.isEmpty, let list = elements.first(where: { element, classAndID in
            matches(classAndID, Self.tagHints) && !Self.isInSiteChrome(element)
                && element.descendants("a").count >= 2 && TextMeasure.linkDensity(element) > 0.5
        })?.node {
            names = list.descendants("a").map { TextMeasure.innerText($0) }
        }
        let cleaned = names.map { $0.hasPrefix("#") ? String($0.dropFirst()).whitespaceTrimmed : $0 }
            .filter { !$0.isEmpty && $0.utf16.count <= 60 && !$0.hasPrefix("[") }
        return PageMetadata.unique(cleaned)
    }

    /// Settles the byline after the body search: the metadata's, else the body's byline element, else the
    /// page's (`bylineElement()`, read before the search changed the page), else a name alone on the body's
    /// last line.
    mutating func settleByline(bodyByline: String?, pageByline: String?, bodyText: String) {
        // White space inside a name is folded, as a browser shows it: `Posted by\n  Jane Doe` is `Jane Doe`.
        let folded = { (text: String) in text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        if let found = byline, !found.whitespaceTrimmed.isEmpty {
            byline = Self.withoutLead(folded(found))
        } else if let bodyByline, !bodyByline.whitespaceTrimmed.isEmpty {
            byline = Self.withoutLead(folded(bodyByline))
        } else if let element = pageByline {
            byline = Self.withoutLead(folded(element))
        } else if let last = Sanitizer.lastLine(of: bodyText), Self.looksLikeName(last) {
            byline = last
        } else {
            byline = nil
        }
    }

    /// The first author element of the page outside its header, navigation and footer: `rel=author`,
    /// `itemprop=author` (its `name` part when marked), or a class such as `byline`, `author`, `tac-gia`.
    /// The body search only sees bylines inside the part of the page it keeps; this looks at the whole page.
    func bylineElement() -> String? {
        for (element, names) in elements {
            let itemprop = element.attribute("itemprop") ?? ""
            guard element.attribute("rel") == "author" || (!itemprop.isEmpty && itemprop.contains("author"))
                || matches(names, ClassHints.byline) else { continue }
            guard !Self.isInSiteChrome(element), !BodyPass.isFormField(element) else { continue }
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
