import CLibXML2
import Foundation
import Infrastructure

/// Writes an extracted body out as safe HTML and plain text in one walk.
///
/// An allowlist, not a blocklist: only the elements and attributes named here survive. Elements known to
/// be dangerous or useless without script (script, style, forms, embeds) go with their content; any other
/// unknown element is unwrapped and its content kept. URLs are kept only as `URLPolicy` allows
/// (http, https, mailto, tel, relative; `data:` only for raster images), so no `javascript:`,
/// `vbscript:` or `data:text/html` survives, and no `on*` attribute ever does.
struct Sanitizer {
    /// Resolves relative URLs; nil keeps them as written.
    var baseURL: URL?
    /// Keeps what cmark-gfm itself writes around raw HTML — ids, classes, footnote and task-list
    /// markup, table alignment — which an extracted page's body does not need.
    var keepsMarkdownMarkup = false
    /// Text nodes of which only the first bytes are the article's text, by how many: a picture's credit
    /// follows (`CaptionCredit`). Written whole into the HTML, where the credit stays with its caption,
    /// and cut in the text.
    var textCuts: [DOMNode: Int] = [:]

    /// A Markdown body holding raw HTML, made safe: elements, attributes and URLs as for a crawled
    /// page, plus the markup cmark-gfm writes itself. Only such bodies pay for the parse. `cutOff`
    /// when elements nested deeper than the parser reads, which drops the rest of the body.
    static func markdown(_ html: String) -> (html: String, cutOff: Bool) {
        (try? XMLArena.scope { () throws(ExtractionError) in markdownInArena(html) }) ?? ("", false)
    }

    private static func markdownInArena(_ html: String) -> (html: String, cutOff: Bool) {
        guard let document = try? HTMLDocument(bytes: Array(("<html><body>" + html + "</body></html>").utf8), url: nil, encoding: "UTF-8"),
              let body = document.body else { return ("", false) }
        return (Sanitizer(baseURL: nil, keepsMarkdownMarkup: true).render(body).html, document.depthLimitLine != nil)
    }

    struct Output {
        var html = ""
        var text = ""
        var images: [String] = []
        var links: [String] = []
        /// Bytes of text inside links, against `textBytes` in all: the body's link density.
        var linkTextBytes = 0
        var textBytes = 0
    }

    static let allowed: TagSet = [
        "a", "abbr", "article", "aside", "audio", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col",
        "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "picture", "pre", "q",
        "s", "samp", "section", "small", "source", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
        "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "video", "wbr", "iframe",
    ]
    static let droppedWithContent: TagSet = [
        "script", "style", "noscript", "template", "object", "embed", "applet", "form", "input", "button", "select",
        "textarea", "option", "head", "title", "meta", "link", "base", "frame", "frameset", "svg", "math", "canvas",
        "nav", "dialog", "param", "track", "map", "area",
    ]
    static let void: TagSet = ["br", "hr", "img", "col", "source", "wbr"]
    static let block: TagSet = [
        "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption", "figure",
        "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption",
    ]
    static let globalAttributes: Set<String> = ["title", "lang", "dir"]
    static let attributes: [String: Set<String>] = [
        "a": ["href"], "img": ["src", "alt", "width", "height", "srcset", "sizes"], "td": ["colspan", "rowspan", "headers"],
        "th": ["colspan", "rowspan", "headers", "scope"], "ol": ["start", "reversed", "type"], "li": ["value"],
        "time": ["datetime"], "blockquote": ["cite"], "q": ["cite"], "del": ["cite", "datetime"],
        "ins": ["cite", "datetime"], "source": ["src", "srcset", "type", "media", "sizes"],
        "video": ["src", "poster", "controls", "width", "height"], "audio": ["src", "controls"],
        "iframe": ["src", "width", "height", "allowfullscreen"], "col": ["span"], "colgroup": ["span"],
        "table": ["summary"],
    ]
    static let urlAttributes: Set<String> = ["href", "src", "poster", "cite"]
    /// What cmark-gfm writes on its own elements: heading and footnote ids, `language-*` and
    /// footnote and table-alignment classes, footnote data attributes, task-list checkboxes.
    static let markdownAttributes: Set<String> = [
        "id", "class", "aria-label", "data-footnote-ref", "data-footnotes", "data-footnote-backref",
        "data-footnote-backref-idx", "type", "checked", "disabled",
    ]

    func render(_ root: DOMNode) -> Output {
        var writer = Writer(sanitizer: self)
        for child in root.childNodes { writer.write(child, inPre: false) }
        var output = writer.output
        output.html = String(decoding: writer.html, as: UTF8.self)
        output.text = writer.textBuffer.contains(0x0D) ? Self.linesByCharacter(String(decoding: writer.textBuffer, as: UTF8.self))
            : String(decoding: Self.lines(writer.textBuffer), as: UTF8.self)
        return output
    }

    /// Plain text lines: trimmed, blank ones dropped. Split and trimmed as bytes when the text has no
    /// carriage return (which would make `\r\n` one Character, and no line break, to the Character split):
    /// a String per line, trimmed by scalars, was 1.6% of an extraction.
    static func lines(_ text: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        text.withUnsafeBufferPointer { bytes in
            var start = 0
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
                let line = TextMeasure.trimmedRange(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                if !line.isEmpty {
                    if !result.isEmpty { result.append(0x0A) }
                    result.append(contentsOf: bytes[(start + line.lowerBound)..<(start + line.upperBound)])
                }
                start = end + 1
            }
        }
        return result
    }

    /// `text.split(separator: "\n").first` for the text `render` writes, found over its bytes: splitting a
    /// whole body by Character to take one line of it (here and for the byline) was 3% of an extraction. A
    /// `\n` right after `\r` is no separator, as the two make one Character.
    static func firstLine(of text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count where isLineBreak(bytes, index) {
                if index > start { return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self) }
                start = index + 1
            }
            return start < bytes.count ? String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self) : nil
        }
    }

    /// `text.split(separator: "\n").last`, as `firstLine(of:)` finds the first.
    static func lastLine(of text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes in
            var end = bytes.count
            for index in stride(from: bytes.count - 1, through: 0, by: -1) where isLineBreak(bytes, index) {
                if index + 1 < end { return String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]), as: UTF8.self) }
                end = index
            }
            return end > 0 ? String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self) : nil
        }
    }

    private static func isLineBreak(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        bytes[index] == 0x0A && (index == 0 || bytes[index - 1] != 0x0D)
    }

    static func linesByCharacter(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { String($0).whitespaceTrimmed }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    /// The URL made safe (`URLPolicy`) and, with a base, absolute; nil when it must not be kept.
    func safeURL(_ raw: String, forImage: Bool) -> String? {
        guard let value = URLPolicy.allowed(raw, image: forImage) else { return nil }
        guard let baseURL, !value.hasPrefix("#"), URLPolicy.scheme(of: value) == nil else { return value }
        return URL(string: value, relativeTo: baseURL)?.absoluteString ?? value
    }

    /// `srcset` with each candidate's URL made safe; nil when none survives. An ASCII `srcset` (nearly all
    /// are) is split as bytes: split by Character, `srcset`s were a sixth of writing the body.
    func safeSrcset(_ raw: String) -> String? {
        guard raw.utf8.allSatisfy({ $0 < 0x80 }) else { return safeSrcsetByCharacter(raw) }
        var candidates: [String] = []
        for part in raw.utf8.split(separator: UInt8(ascii: ",")) {
            let pieces = part.split(whereSeparator: TextMeasure.isASCIISpace)
            guard let first = pieces.first, let url = safeURL(String(decoding: first, as: UTF8.self), forImage: true)
            else { continue }
            candidates.append(([url] + pieces.dropFirst().map { String(decoding: $0, as: UTF8.self) }).joined(separator: " "))
        }
        return candidates.isEmpty ? nil : candidates.joined(separator: ", ")
    }

    func safeSrcsetByCharacter(_ raw: String) -> String? {
        let candidates = raw.split(separator: ",").compactMap { part -> String? in
            let pieces = part.split(whereSeparator: \.isWhitespace)
            guard let first = pieces.first, let url = safeURL(String(first), forImage: true) else { return nil }
            return ([url] + pieces.dropFirst().map(String.init)).joined(separator: " ")
        }
        return candidates.isEmpty ? nil : candidates.joined(separator: ", ")
    }
}
