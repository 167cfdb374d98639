import CLibXML2
import Foundation

/// Writes an extracted body out as safe HTML and plain text in one walk.
///
/// An allowlist, not a blocklist: only the elements and attributes named here survive. Elements known to
/// be dangerous or useless without script (script, style, forms, embeds) go with their content; any other
/// unknown element is unwrapped and its content kept. URLs are kept only with a safe scheme
/// (http, https, mailto, tel, relative; `data:` only for raster images), so no `javascript:`,
/// `vbscript:` or `data:text/html` survives, and no `on*` attribute ever does.
struct Sanitizer {
    /// Resolves relative URLs; nil keeps them as written.
    var baseURL: URL?

    struct Output {
        var html = ""
        var text = ""
        var images: [String] = []
        var links: [String] = []
    }

    static let allowed: Set<String> = [
        "a", "abbr", "article", "aside", "audio", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col",
        "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "picture", "pre", "q",
        "s", "samp", "section", "small", "source", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
        "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "video", "wbr", "iframe",
    ]
    static let droppedWithContent: Set<String> = [
        "script", "style", "noscript", "template", "object", "embed", "applet", "form", "input", "button", "select",
        "textarea", "option", "head", "title", "meta", "link", "base", "frame", "frameset", "svg", "math", "canvas",
        "nav", "dialog", "param", "track", "map", "area",
    ]
    static let void: Set<String> = ["br", "hr", "img", "col", "source", "wbr"]
    static let block: Set<String> = [
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

    func render(_ root: DOMNode) -> Output {
        var writer = Writer(sanitizer: self)
        for child in root.childNodes { writer.write(child, inPre: false) }
        var output = writer.output
        output.text = Self.lines(writer.textBuffer)
        return output
    }

    /// Plain text lines: trimmed, blank ones dropped.
    static func lines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { String($0).whitespaceTrimmed }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    /// The URL made safe and, with a base, absolute; nil when it must not be kept.
    func safeURL(_ raw: String, forImage: Bool) -> String? {
        let value = raw.whitespaceTrimmed
        guard !value.isEmpty else { return nil }
        // Browsers ignore tabs, newlines and control characters inside a scheme (`java\tscript:`).
        let squeezed = value.unicodeScalars.filter { $0.value > 0x20 }.map(Character.init)
        let scheme = String(String(squeezed).prefix { $0 != ":" && $0 != "/" && $0 != "?" && $0 != "#" }).lowercased()
        if String(squeezed).contains(":"), !scheme.isEmpty, scheme.count < String(squeezed).count,
           String(squeezed)[String(squeezed).index(String(squeezed).startIndex, offsetBy: scheme.count)] == ":" {
            switch scheme {
            case "http", "https", "mailto", "tel", "ftp": return value
            case "data":
                let lower = String(squeezed).lowercased()
                let raster = ["data:image/png", "data:image/jpeg", "data:image/jpg", "data:image/gif", "data:image/webp",
                              "data:image/avif"]
                return forImage && raster.contains(where: lower.hasPrefix) ? value : nil
            default: return nil
            }
        }
        guard let baseURL, !value.hasPrefix("#") else { return value }
        return URL(string: value, relativeTo: baseURL)?.absoluteString ?? value
    }

    /// `srcset` with each candidate's URL made safe; nil when none survives.
    func safeSrcset(_ raw: String) -> String? {
        let candidates = raw.split(separator: ",").compactMap { part -> String? in
            let pieces = part.split(whereSeparator: \.isWhitespace)
            guard let first = pieces.first, let url = safeURL(String(first), forImage: true) else { return nil }
            return ([url] + pieces.dropFirst().map(String.init)).joined(separator: " ")
        }
        return candidates.isEmpty ? nil : candidates.joined(separator: ", ")
    }
}
