import CLibXML2
import Foundation

/// Takes out of an extracted body the page furniture that a reader-view score lets through on news
/// sites, because it sits next to or inside the article: the breadcrumb trail, the printed date line, a
/// byline block repeating the known author, promotions of other articles (`Xem thêm: …`, `Read more: …`),
/// the labels of emptied ad slots and the credit lines of pictures. Dates, sections and bylines are kept as metadata, not body text.
struct BodyTrimmer {
    let document: HTMLDocument
    /// The byline already known from the metadata; a byline block repeating it is dropped from the body.
    var byline: String?
    /// The site's host (of the page's canonical address, else of its URL); a link to it leads to another
    /// of the site's pages.
    var siteHost: String?

    /// Trims `content` in place. Returns the cuts that leave the credits captions end with out of the text
    /// (`Sanitizer.textCuts`).
    func trim(_ content: DOMNode) -> [DOMNode: Int] {
        let byline = byline?.lowercased() ?? ""
        var textCuts: [DOMNode: Int] = [:]
        var names: [UInt8] = []
        for element in content.descendants("*").reversed() where element.pointee.parent != nil {
            // Read once per element, into one reused buffer: three of the tests below ask for it.
            names.removeAll(keepingCapacity: true)
            element.appendClassAndID(to: &names)
            if isBreadcrumb(element, names) || isRepeatedByline(element, names, byline: byline) || isRelatedLink(element)
                || isPromotion(element) || isInset(names, element) || isAdLabel(element) || isCredit(element, names) {
                document.remove(element)
            } else if isDateLine(element, names) {
                // The line is the largest wrapper holding nothing but the date (often a paragraph made around it).
                var line = element
                while let parent = line.parent, parent != content, TextMeasure.textLength(parent) == TextMeasure.textLength(line) {
                    line = parent
                }
                if standsAlone(line) { document.remove(line) }
            } else if isAdImageLink(element) {
                document.remove(element)
            } else if isRelatedLabel(element), let box = element.nextElementSibling,
                      TextMeasure.linkDensity(box) >= TrailingCues.linkListDensity {
                // The label goes with the list of links it heads; one heading a box of prose is left for
                // `ArticleEnd`, which takes such a box at the end of the body whole.
                document.remove(box)
                document.remove(element)
            } else if isRelatedLabel(element), endsItsParent(element) {
                // A label left last in its box: the links it headed went before it.
                document.remove(element)
            } else if CaptionCredit.lines.contains(element) {
                CaptionCredit.cut(element, into: &textCuts)
            }
        }
        return textCuts
    }

    /// Words in the `class` and `id` of a picture's credit line (`img__credit`, `copyright-note`).
    static let creditNames: ClassHints.Words = ["credit", "copyright"]
    /// The longest credit line, in UTF-16 units: a photographer's or an agency's name.
    static let creditLength = 80

    /// The labels a credit line opens with, before a colon (`Foto: …`, `Crédits photos : …`), lower-cased.
    static let creditLabels: Set<Substring> = ["photo", "photos", "foto", "fotos", "bild", "bilder", "image",
                                               "picture", "credit", "credits", "crédit", "crédits", "crédito",
                                               "créditos", "fotocredit", "bildquelle", "ảnh", "图片", "图", "摄影"]
    /// The labels German writes as the last part of a compound (`Titelbild: …`, `Symbolfoto: …`).
    static let compoundCreditLabels = ["bild", "bilder", "foto", "fotos"]

    /// A short element named for a picture's credit, or a short line that opens with a credit's label or
    /// a © sign: who took the picture is not the article's text.
    func isCredit(_ element: DOMNode, _ names: [UInt8]) -> Bool {
        // Asked of every element of the body: the name and the tag first, then the length, then the text.
        let isNamed = ClassHints.matches(names, Self.creditNames)
        guard isNamed || Self.creditLines.contains(element),
              TextMeasure.textLength(element, isAtMost: Self.creditLength) else { return false }
        if isNamed { return true }
        // A credit is often set in brackets: `(Foto: Agentur)`.
        return Self.opensWithCredit(Substring(TextMeasure.innerText(element).lowercased()).drop { $0 == "(" })
    }

    /// Whether `text` (lower-cased) opens with a © sign, or with a credit's label of a word or two and a colon.
    static func opensWithCredit(_ text: Substring) -> Bool {
        guard let first = text.first else { return false }
        if first == "©" { return true }
        guard let colon = text.prefix(labelLength).firstIndex(where: { $0 == ":" || $0 == "：" }) else { return false }
        let words = text[..<colon].split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" })
        return (1...2).contains(words.count) && words.allSatisfy(isCreditLabel)
    }

    /// Whether `word` (lower-cased) is one of `creditLabels`, or a compound ending in one of `compoundCreditLabels`.
    static func isCreditLabel(_ word: Substring) -> Bool {
        creditLabels.contains(word) || compoundCreditLabels.contains { word.count > $0.count && word.hasSuffix($0) }
    }

    /// The longest label a credit opens with, in characters.
    static let labelLength = 24

    /// The elements a credit line is written as.
    static let creditLines: TagSet = ["figcaption", "p", "span", "small"]

    /// A link around nothing but an image whose alternative text says it is an advertisement.
    func isAdImageLink(_ element: DOMNode) -> Bool {
        guard element.isTag("a"), TextMeasure.textLength(element) == 0 else { return false }
        let images = element.descendants("img")
        return !images.isEmpty && images.allSatisfy { BodyPass.adWords.contains(($0.attribute("alt") ?? "").lowercased()) }
    }

    /// The title of a sidebar box (`NỔI BẬT TRANG CHỦ`, `MOST READ`) left at the end of the body once
    /// the box's links were dropped: a short line in capitals with nothing after it.
    func removeTrailingBoxTitles(_ content: DOMNode) {
        for _ in 0..<3 {
            guard let last = content.lastDescendant(where: { !TextMeasure.isBlank(node: $0) }) else { return }
            var block = last
            while let parent = block.parent, parent != content, TextMeasure.textLength(parent) == TextMeasure.textLength(block) {
                block = parent
            }
            // The length first, from the text nodes: the last block is mostly a paragraph of prose. The last
            // element with text may be the label a paragraph opens with (`<b>Note:</b> …`): text follows it.
            guard TextMeasure.innerTextLength(block, isAtMost: 40), endsContent(block, content) else { return }
            let text = TextMeasure.innerText(block)
            let letters = text.filter(\.isLetter)
            guard letters.count >= 4, letters.allSatisfy(\.isUppercase), !text.contains(where: { ".!?".contains($0) }) else { return }
            document.remove(block)
        }
    }

    /// Whether nothing follows `node` inside `content` but blanks: no text, no picture or video.
    func endsContent(_ node: DOMNode, _ content: DOMNode) -> Bool {
        var node = node
        while node != content {
            var next = node.nextSibling
            while let current = next {
                if !TextMeasure.isBlank(node: current) || Self.media.contains(current) || current.hasDescendant(in: Self.media) {
                    return false
                }
                next = current.nextSibling
            }
            guard let parent = node.parent else { return true }
            node = parent
        }
        return true
    }

    /// A short block named for bylines that names the author the metadata already gave.
    /// `byline` is the known byline in lower case ("" when there is none); `names` the element's `classAndID`.
    func isRepeatedByline(_ element: DOMNode, _ names: [UInt8], byline: String) -> Bool {
        guard !byline.isEmpty, ClassHints.isByline(names),
              TextMeasure.textLength(element, isAtMost: 99), standsAlone(element) else { return false }
        let text = TextMeasure.innerText(element).lowercased()
        return text.contains(byline) || byline.contains(text)
    }

    /// A promotion of another article inside the body (`Xem thêm: <link>`, `Read more: <link>`), or a block
    /// the CMS marks as related news in its `type` attribute.
    func isRelatedLink(_ element: DOMNode) -> Bool {
        if let type = element.attribute("type"), type.lowercased().contains("related") { return true }
        guard element.isTag("p") || element.isTag("div") || element.isTag("li"),
              TextMeasure.textLength(element, isAtMost: 299), TextMeasure.linkDensity(element) > 0.5 else { return false }
        // The lead must stand as a label (`Xem thêm:`), not open a sentence ("Read more about it here.").
        return TrailingCues.opensWithLabel(TextMeasure.innerText(element).lowercased())
    }

    /// A short box named for a newsletter, a disclaimer or related articles (`TrailingCues.insetNames`) set
    /// into the body; not a link or a span inside a sentence (`<a class="affiliate-link">`). The names go
    /// first: this is asked of every element of the body.
    func isInset(_ names: [UInt8], _ element: DOMNode) -> Bool {
        ClassHints.matches(names, TrailingCues.insetNames) && !BodyPass.isPhrasingContent(element)
            && TextMeasure.textLength(element, isAtMost: TrailingCues.insetLength)
    }

    static let promotionTags: TagSet = ["p", "div", "li", "blockquote"]

    /// `Label: <link>` where the label is a word or three and the link, the line's only one, leads to
    /// another of the site's pages under a headline: a promotion of another article, whatever its label
    /// says (`Lee:`, `Auch lesen:`). A link to another site is a source, and stays.
    func isPromotion(_ element: DOMNode) -> Bool {
        guard Self.promotionTags.contains(element), TextMeasure.textLength(element, isAtMost: 299) else { return false }
        let links = element.descendants("a")
        guard links.count == 1, isSiteLink(links[0]) else { return false }
        let text = TextMeasure.innerText(element)
        guard let colon = text.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return false }
        let label = text[..<colon]
        let labelWords = label.split(whereSeparator: \.isWhitespace)
        guard (1...3).contains(labelWords.count), label.allSatisfy({ $0.isLetter || $0.isWhitespace }) else { return false }
        let headline = TextMeasure.innerText(links[0]).whitespaceTrimmed
        let rest = String(text[text.index(after: colon)...]).whitespaceTrimmed
        return headline.split(whereSeparator: \.isWhitespace).count >= 4 && rest.hasPrefix(headline)
            && rest.count - headline.count <= 2
    }

    /// Whether the link leads to another page of the site: a relative address, or one on `siteHost`.
    func isSiteLink(_ link: DOMNode) -> Bool {
        let href = (link.attribute("href") ?? "").whitespaceTrimmed.lowercased()
        guard !href.isEmpty, !href.hasPrefix("#") else { return false }
        guard href.hasPrefix("http:") || href.hasPrefix("https:") || href.hasPrefix("//") else {
            // A relative address, unless it names a scheme of its own (`mailto:`, `javascript:`).
            return !href.prefix(while: { $0 != "/" && $0 != "?" }).contains(":")
        }
        guard let siteHost, let host = URL(string: href.hasPrefix("//") ? "https:" + href : href)?.host else { return false }
        return Self.withoutWWW(host) == Self.withoutWWW(siteHost.lowercased())
    }

    static func withoutWWW(_ host: String) -> Substring {
        host.hasPrefix("www.") ? host.dropFirst(4) : Substring(host)
    }

    static let labelTags: TagSet = ["p", "div", "h2", "h3", "h4", "h5", "h6"]

    /// The title of a box of related articles set inside the body (`Related Coverage`, `Lesen Sie auch`),
    /// a line of its own that is nothing but one of `TrailingCues.related`; its links follow it.
    func isRelatedLabel(_ element: DOMNode) -> Bool {
        guard Self.labelTags.contains(element), TextMeasure.textLength(element, isAtMost: TrailingCues.labelLength),
              !element.hasDescendant(in: Self.media) else { return false }
        return TrailingCues.isLabel(TextMeasure.innerText(element).lowercased(), among: TrailingCues.related)
    }

    /// Whether nothing but blanks follows the element in its parent.
    func endsItsParent(_ element: DOMNode) -> Bool {
        var next = element.nextSibling
        while let current = next {
            if !TextMeasure.isBlank(node: current) { return false }
            next = current.nextSibling
        }
        return true
    }

    /// A leftover "Advertisement" label (or "Loading…") standing where an ad slot was emptied.
    /// Or the label and the banner it announces (pictures inside links), or a short notice that opens
    /// with the label (`*Werbung. Dieser Beitrag enthält …`, `ANZEIGE - Heute …`, `Sponsored: …`).
    func isAdLabel(_ element: DOMNode) -> Bool {
        // Most elements of a body are short, so the word test goes before the walk for media.
        guard TextMeasure.textLength(element, isAtMost: Self.adNoticeLength) else { return false }
        // The label is often set between dashes or brackets: `- Advertisement -`, `[Anzeige]`.
        let inner = TextMeasure.innerText(element)
        // Most short texts do not start like an advertising or loading word: lower-casing them whole
        // was the cost of this test.
        guard Self.mayOpenWithLabel(inner) else { return false }
        let text = Self.withoutFrame(inner.lowercased())
        guard !text.isEmpty else { return false }
        if BodyPass.adWords.contains(text) || BodyPass.isLoadingWord(text) {
            return element.descendants(in: Self.media).allSatisfy { $0.hasAncestor("a") }
        }
        return Self.opensWithAdWord(text) && !element.hasDescendant(in: Self.media)
    }

    /// The first scalars of `BodyPass.adWords`.
    static let adWordInitials = Set(BodyPass.adWords.compactMap(\.unicodeScalars.first))
    /// The advertising and loading words' first three characters (the whole word when shorter).
    static let labelOpenings = Set(BodyPass.adWords.union(BodyPass.loadingWords).map { String($0.prefix(3)) })
    /// The advertising and loading words shorter than three characters.
    static let shortLabels = BodyPass.adWords.union(BodyPass.loadingWords).filter { $0.count < 3 }

    /// Whether `text`, past the frame, may equal or open with an advertising or a loading word: its
    /// first three characters, lower-cased, start one, or one of the shorter words starts them.
    static func mayOpenWithLabel(_ text: String) -> Bool {
        guard let start = text.unicodeScalars.firstIndex(where: { !labelFrame.contains($0) }) else { return false }
        let opening = String(text[start...].prefix(3)).lowercased()
        return labelOpenings.contains(opening) || shortLabels.contains { opening.hasPrefix($0) }
    }

    /// The longest notice taken for an advertisement's label, in UTF-16 units.
    static let adNoticeLength = 100

    /// Whether `text` (lower-cased) opens with one of `BodyPass.adWords` set off by a stop, a colon, a dash or a bar.
    static func opensWithAdWord(_ text: String) -> Bool {
        // Most short texts start with a letter no advertising word starts with.
        guard let first = text.unicodeScalars.first, adWordInitials.contains(first) else { return false }
        return BodyPass.adWords.contains { word in
            TrailingCues.rest(of: text, after: word)?.first.map { ".:-–—|".contains($0) } ?? false
        }
    }

    /// What may frame a label: `- Advertisement -`, `[Anzeige]`, `*Werbung*`.
    static let labelFrame: Set<Unicode.Scalar> = [" ", "-", "–", "—", "*", "[", "]", "(", ")", "|", "\u{00A0}"]

    /// `text` without the frame's scalars at either end, as `trimmingCharacters(in:)` takes them; by
    /// scalars in Swift rather than through Foundation's `CharacterSet`, as every short element is asked.
    static func withoutFrame(_ text: String) -> String {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, labelFrame.contains(scalars[start]) { scalars.formIndex(after: &start) }
        while end > start, labelFrame.contains(scalars[scalars.index(before: end)]) { scalars.formIndex(before: &end) }
        return String(scalars[start..<end])
    }

    static let media: TagSet = ["img", "iframe", "video"]

    func isBreadcrumb(_ element: DOMNode, _ names: [UInt8]) -> Bool {
        ClassHints.matches(names, PageFacts.breadcrumbHints)
            || (element.attribute("itemtype") ?? "").hasSuffix("BreadcrumbList")
    }

    static let runningText: TagSet = ["p", "li", "td", "th", "blockquote", "figcaption", "cite", "a", "dd", "q"]

    /// A short element named for dates (or a `<time>`) whose text is a date and little else, standing on a
    /// line of its own (a date inside a sentence or a citation is content).
    func isDateLine(_ element: DOMNode, _ names: [UInt8]) -> Bool {
        guard element.isTag("time") || ClassHints.matches(names, PageFacts.dateHints) else { return false }
        guard TextMeasure.textLength(element, isAtMost: 79) else { return false }
        let text = TextMeasure.innerText(element)
        guard DateParser.parse(text, defaultTimeZone: TimeZone(secondsFromGMT: 0)!) != nil else { return false }
        let words = text.split { !$0.isLetter }.filter { word in
            DateParser.monthNumber(word.lowercased()) == nil && word.count > 2
        }
        return words.count <= 4
    }

    func standsAlone(_ element: DOMNode) -> Bool {
        if element.ancestors().contains(where: { Self.runningText.contains($0) }) { return false }
        guard let parent = element.parent else { return true }
        return !parent.childNodes.contains { $0.isText && !TextMeasure.isBlank(node: $0) }
    }
}
