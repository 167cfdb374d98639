import CLibXML2
import Foundation

/// Takes out of an extracted body the page furniture that a reader-view score lets through on news
/// sites: the breadcrumb trail, the printed date line and a byline block repeating the known author,
/// which sit next to the lede and so are often gathered with it. All are kept as metadata, not as body text.
struct BodyTrimmer {
    let document: HTMLDocument
    /// The byline already known from the metadata; a byline block repeating it is dropped from the body.
    var byline: String?

    func trim(_ content: DOMNode) {
        for element in content.descendants("*").reversed() where element.pointee.parent != nil {
            if isBreadcrumb(element) || isRepeatedByline(element) {
                document.remove(element)
            } else if isDateLine(element) {
                // The line is the largest wrapper holding nothing but the date (often a paragraph made around it).
                var line = element
                while let parent = line.parent, parent != content, TextMeasure.textLength(parent) == TextMeasure.textLength(line) {
                    line = parent
                }
                if standsAlone(line) { document.remove(line) }
            }
        }
    }

    /// A short block named for bylines that names the author the metadata already gave.
    func isRepeatedByline(_ element: DOMNode) -> Bool {
        guard let byline = byline?.lowercased(), !byline.isEmpty, ClassHints.isByline(element.classAndID),
              TextMeasure.textLength(element) < 100, standsAlone(element) else { return false }
        let text = TextMeasure.innerText(element).lowercased()
        return text.contains(byline) || byline.contains(text)
    }

    func isBreadcrumb(_ element: DOMNode) -> Bool {
        ClassHints.matches(element.classAndID, ["breadcrumb"])
            || (element.attribute("itemtype") ?? "").hasSuffix("BreadcrumbList")
    }

    static let runningText: Set<String> = ["p", "li", "td", "th", "blockquote", "figcaption", "cite", "a", "dd", "q"]

    /// A short element named for dates (or a `<time>`) whose text is a date and little else, standing on a
    /// line of its own (a date inside a sentence or a citation is content).
    func isDateLine(_ element: DOMNode) -> Bool {
        guard element.isTag("time") || ClassHints.matches(element.classAndID, PageFacts.dateHints) else { return false }
        guard TextMeasure.textLength(element) < 80 else { return false }
        let text = TextMeasure.innerText(element)
        guard DateParser.parse(text, defaultTimeZone: TimeZone(secondsFromGMT: 0)!) != nil else { return false }
        let words = text.split { !$0.isLetter }.filter { word in
            DateParser.monthNumber(word.lowercased()) == nil && word.count > 2
        }
        return words.count <= 4
    }

    func standsAlone(_ element: DOMNode) -> Bool {
        if element.ancestors().contains(where: { Self.runningText.contains($0.tag) }) { return false }
        guard let parent = element.parent else { return true }
        return !parent.childNodes.contains { $0.isText && !TextMeasure.isBlank($0.textContent) }
    }
}
