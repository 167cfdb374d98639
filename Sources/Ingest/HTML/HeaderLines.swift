import Foundation

/// The lines a news page prints between its headline and its lead when no class or metadata names
/// them — a kicker linking to the section (`Thời sự`), a dateline (`Thời sự 30/11/2021 22:58`,
/// `March 3, 2021 9:15 AM`), a byline (`By Jane Smith`), a reading time (`4 min read`) — found at the
/// start of an extracted body and taken out of it: they are the page's facts, not its text.
///
/// Only short lines standing alone before the body's first line of prose are read, at most four,
/// and reading stops at the first that is none of the three: a subtitle or a short first
/// sentence stays.
struct HeaderLines {
    /// The section a kicker or a dateline names.
    var section: String?
    /// The name a byline line gives, without its "By".
    var byline: String?
    /// The name the body's last line gave, when it was a byline.
    var closingByline: String?

    /// Lines longer than this are prose, not header lines.
    static let longestLine = 100

    /// Reads and removes the header lines at the start of `content`, and the byline standing as
    /// its last line (`Bạch Dương`, `Theo TTXVN`) when it is the only byline known or repeats
    /// `knownByline`.
    init(removingFrom content: DOMNode, in document: HTMLDocument, knownByline: String?) {
        if let last = Self.lastLine(of: content) {
            let text = TextMeasure.innerText(last).whitespaceTrimmed
            let name = Self.byline(text) ?? (PageFacts.looksLikeName(text) ? text : nil)
            if let name, knownByline.map({ PageFacts.withoutLead($0).lowercased() == name.lowercased() }) ?? true {
                closingByline = name
                document.remove(last)
            }
        }
        var seen = 0
        for line in Self.lines(in: content) {
            let text = TextMeasure.innerText(line).whitespaceTrimmed
            guard seen < 4, !text.isEmpty, text.utf16.count <= Self.longestLine else { return }
            seen += 1
            if let dateline = Self.dateline(text) {
                if section == nil { section = dateline.section }
                if byline == nil { byline = dateline.byline }
            } else if byline == nil, let name = Self.byline(text) {
                byline = name
            } else if section == nil, let kicker = Self.kicker(line, text) {
                section = kicker
            } else if !Self.isReadingTime(text) {
                // A reading time (`4 min read`), the page's estimate, goes as the lines above do.
                return
            }
            document.remove(line)
        }
    }

    /// The body's first lines in reading order: elements with text and no block below them (a
    /// paragraph, a heading, a list), each standing alone; the walk stops at running text.
    private static func lines(in content: DOMNode) -> [DOMNode] {
        var found: [DOMNode] = []
        var stopped = false
        func visit(_ node: DOMNode) {
            for child in node.childNodes where !stopped {
                if child.isText {
                    // Text outside any line (`<div>Hà Nội - Chiều nay…</div>`): the prose starts here.
                    if !TextMeasure.isBlank(node: child) { stopped = true }
                } else if child.isElement {
                    if child.hasDescendant(in: blocks) {
                        visit(child)
                    } else if standsAlone(child) {
                        found.append(child)
                        stopped = found.count > 4
                    } else {
                        stopped = true
                    }
                }
            }
        }
        visit(content)
        return found
    }

    /// The body's last element with text, when it is a short line of its own.
    private static func lastLine(of content: DOMNode) -> DOMNode? {
        var node = content
        func hasText(_ element: DOMNode) -> Bool { !TextMeasure.isBlank(node: element) }
        while let last = node.elementChildren.last(where: hasText), last.hasDescendant(in: blocks) {
            node = last
        }
        guard let line = node.elementChildren.last(where: hasText), !line.hasDescendant(in: blocks),
              standsAlone(line), node.childNodes.last(where: { !($0.isText && TextMeasure.isBlank(node: $0)) }) == line,
              TextMeasure.innerTextLength(line, isAtMost: 60) else { return nil }
        return line
    }

    private static let blocks: TagSet = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "figure", "blockquote",
                                         "section", "article", "header", "pre"]

    private static func standsAlone(_ element: DOMNode) -> Bool {
        guard let parent = element.parent else { return true }
        return !parent.childNodes.contains { $0.isText && !TextMeasure.isBlank(node: $0) }
    }

    /// A line that is a date, perhaps after a few words naming the section.
    struct Dateline: Equatable {
        /// The words before the date, or after it and a separator, when they name a section.
        var section: String?
        /// The name after the date and a separator, when the words there are a person's name.
        var byline: String? = nil
    }

    /// The dateline `text` is, if it is one: a short line holding a date (`DateParser`) and
    /// little else — a weekday, a month's name, a zone — after at most four words without digits,
    /// or before them when a separator sets them off (`2021-10-16 | Politik`).
    /// The date must begin a word (`TNW中文站2016年10月14日` is a source's name glued to a date,
    /// printed as text) and few other words may follow it (`on 2019-02-15, all posts` is a sentence).
    static func dateline(_ text: String) -> Dateline? {
        if let dateline = datelineWithSectionFirst(text) { return dateline }
        // The section after the date and a separator: the words after the last separator.
        for separator in sectionSeparators {
            let parts = text.components(separatedBy: separator)
            guard parts.count > 1, let last = parts.last else { continue }
            var section = Substring(last.whitespaceTrimmed)
            if let lead = sectionLeads.first(where: { section.lowercased().hasPrefix($0) }) { section = section.dropFirst(lead.count) }
            let name = String(section)
            guard isSectionName(name) || PageFacts.isHome(name),
                  let date = datelineWithSectionFirst(parts.dropLast().joined(separator: separator)), date.section == nil else { continue }
            // A blog prints its author there (`11.12.2019 - Jane Smith`), a news site its section.
            if PageFacts.looksLikeName(name) { return Dateline(section: nil, byline: name) }
            return Dateline(section: PageFacts.isHome(name) ? nil : name)
        }
        return nil
    }

    /// What sets a section off after the date it follows.
    static let sectionSeparators = [" | ", " · ", " • ", " – ", " — ", " - ", " / "]
    /// The words blog themes print before a post's category (`Filed under Politics`), lower-cased.
    static let sectionLeads = ["filed under ", "posted in ", "veröffentlicht in ", "publié dans ", "publicado en "]

    /// A dateline whose section, if it names one, comes first (`Thời sự 30/11/2021 22:58`).
    private static func datelineWithSectionFirst(_ text: String) -> Dateline? {
        guard text.utf16.count <= 60, text.contains(where: \.isNumber) else { return nil }
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        for taken in 0...min(4, words.count - 1) {
            let before = words.prefix(taken).joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " |-–·•/:"))
            guard !before.contains(where: \.isNumber) else { return nil }
            let rest = words.dropFirst(taken)
            guard let first = rest.first, first.first?.isNumber == true || isDateWord(first) else { continue }
            let others = rest.flatMap { $0.split { !$0.isLetter } }.filter { $0.count > 2 && !isDateWord($0) }
            guard others.isEmpty, DateParser.parse(rest.joined(separator: " "), defaultTimeZone: TimeZone(secondsFromGMT: 0)!) != nil
            else { continue }
            return Dateline(section: before.isEmpty || PageFacts.isHome(before) ? nil : before)
        }
        return nil
    }

    /// A month's or a weekday's name, or a word printed with times (`Thứ`, `Tuesday`, `March`, `GMT`).
    private static func isDateWord(_ word: Substring) -> Bool {
        let lower = word.lowercased().trimmingCharacters(in: .punctuationCharacters)
        return DateParser.monthNumber(lower) != nil || dateWords.contains(lower)
    }

    /// Words that go with a printed date in the languages the extractor reads dates in.
    private static let dateWords: Set<String> = [
        "thứ", "hai", "ba", "tư", "năm", "sáu", "bảy", "chủ", "nhật", "ngày", "tháng", "lúc", "giờ",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "gmt", "utc", "ict", "edt", "est", "pdt", "pst", "cet", "bst",
    ]

    /// The name of a line that is a byline: a lead such as "By" or "Theo" and a name.
    static func byline(_ text: String) -> String? {
        let lower = text.lowercased()
        guard PageFacts.bylineLeads.contains(where: { lower.hasPrefix($0) }) || lower.hasPrefix("theo ") else { return nil }
        let name = lower.hasPrefix("theo ") ? String(text.dropFirst(5)).whitespaceTrimmed : PageFacts.withoutLead(text)
        return PageFacts.looksLikeName(name) ? name : nil
    }

    /// How sites print the time an article takes to read, lower-cased (`4 min read`, `Lesezeit: 3 Minuten`).
    static let readingTimeWords = ["min read", "mins read", "min. read", "minute read", "minutes read", "lesezeit",
                                   "temps de lecture", "min de lecture", "minutos de lectura", "min de lectura",
                                   "tempo di lettura", "phút đọc"]

    /// A short line with a number and words for a reading time, and little else.
    static func isReadingTime(_ text: String) -> Bool {
        guard text.utf16.count <= 40, text.contains(where: \.isNumber) else { return false }
        let lower = text.lowercased()
        return readingTimeWords.contains { lower.contains($0) }
    }

    /// The section a kicker line names, if `line` is one: a link of a word or four, with no digits,
    /// alone on its line (the section over the headline), or a few such links and nothing between them
    /// but commas or separators (the categories a post is filed under, `Politik, Debatte`): the first.
    private static func kicker(_ line: DOMNode, _ text: String) -> String? {
        let links = line.isTag("a") ? [line] : line.elementChildren.map { $0.isTag("span") && $0.elementChildren.count == 1 ? $0.elementChildren[0] : $0 }
        guard (1...4).contains(links.count), links.allSatisfy({ $0.isTag("a") }) else { return nil }
        let names = links.map { TextMeasure.innerText($0).whitespaceTrimmed }
        guard names.allSatisfy(isSectionName) else { return nil }
        // Nothing but the links' own text and separators on the line.
        let rest = names.reduce(into: Substring(text)) { rest, name in
            rest = rest.drop { kickerSeparators.contains($0) || $0 == " " }
            rest = rest.hasPrefix(name) ? rest.dropFirst(name.count) : Substring("!")
        }
        guard rest.allSatisfy({ kickerSeparators.contains($0) || $0 == " " }) else { return nil }
        return names[0]
    }

    /// What sits between the categories of a kicker line.
    private static let kickerSeparators: Set<Character> = [",", "|", "·", "•", "/", "\u{00A0}"]

    /// A word or four, with no digits or sentence punctuation: a section's or a category's name.
    private static func isSectionName(_ text: String) -> Bool {
        let words = text.split(separator: " ").count
        return (1...4).contains(words) && !text.contains(where: { $0.isNumber || ".:;!?\"“”()|".contains($0) }) && !PageFacts.isHome(text)
    }
}
