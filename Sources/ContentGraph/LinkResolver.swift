import Foundation
import Infrastructure
import Ingest

/// Points links and images of article bodies at output URLs: a link to another article's source
/// file (`../thoi-su/abc.md`) becomes that article's URL, a link to a file of the content folder
/// becomes the copied file's URL. Links that look internal but lead nowhere are reported, and
/// links to a section of an article are collected to be checked against its headings.
struct LinkResolver {
    /// What one body became.
    struct Result {
        /// The body with its links rewritten; still in the spill file when the document's was.
        var body: SpillableText
        var diagnostics: [Diagnostic]
        var linkedArticles: [Int]
        /// Links to a section of this article or another one, each once.
        var sectionLinks: [SectionLink]
    }

    private let root: String
    /// Article indexes by source path.
    private let indexes: [String: Int]
    /// Output paths by article index.
    private let paths: [String]
    private let assets: Set<String>

    /// `indexes` gives each article's index by source path; `paths` the output paths by index.
    init(root: String, indexes: [String: Int], paths: [String], assets: [String]) {
        self.root = root
        self.indexes = indexes
        self.paths = paths
        self.assets = Set(assets)
    }

    /// Rewrites a document's body.
    func rewrite(_ document: SourceDocument) -> Result {
        var diagnostics: [Diagnostic] = []
        var linked: [Int] = []
        var sectionLinks: [SectionLink] = []
        var reported = Set<String>()
        let own = indexes[document.path]
        // A crawled page's links to its own sections point at parts of the original page that
        // extraction left out, which the site's author cannot fix: only Markdown's are checked.
        let checksSections = document.kind == .markdown
        // Where each target is written, looked up by hash, made when first needed: a scan of the
        // references per missing link made 8,000 such links take 50 s.
        var positions: [String: SourceReference]?
        func position(of target: String) -> (line: Int, column: Int) {
            if positions == nil { positions = Self.positions(of: document.references) }
            let reference = positions?[Self.decoded(target)]
            return (reference?.line ?? 0, reference?.column ?? 0)
        }
        func noteSection(of target: String, in article: Int?) {
            guard checksSections, let fragment = SectionLink.fragment(of: target), reported.insert(target).inserted else { return }
            let (line, column) = position(of: target)
            sectionLinks.append(SectionLink(target: article == own ? nil : article, fragment: fragment, written: target, line: line, column: column))
        }
        let body = AttributeRewriter.rewrite(document.body) { target, attribute in
            // The sanitizer already kept only safe candidates; a mirror points them at its copies.
            if attribute == .srcset { return nil }
            // Markdown may hold raw HTML, but no link runs script when clicked.
            // Markdown links and images go through the same URL policy as everything else:
            // `javascript:`, `data:text/html` and their disguises become an inert `#`.
            if !target.isEmpty, URLPolicy.allowed(target, image: attribute == .src) == nil { return "#" }
            switch resolve(target, from: document.path) {
            case .article(let index, let url):
                linked.append(index)
                if attribute == .href { noteSection(of: target, in: index) }
                return url
            case .asset(let url):
                return url
            case .missing(let candidate):
                if reported.insert(target).inserted {
                    let (line, column) = position(of: target)
                    diagnostics.append(attribute == .src
                        ? Diagnostic(path: document.path, line: line, column: column, severity: .warning, code: "image.missing",
                                     message: "image '\(target)' leads nowhere: no file at \(candidate) in the content folder")
                        : Diagnostic(path: document.path, line: line, column: column, severity: .warning, code: "link.unresolved",
                                     message: "link to '\(target)' leads nowhere: no article or file at \(candidate) in the content folder"))
                }
                return nil
            case .external:
                if attribute == .href && target.hasPrefix("#") { noteSection(of: target, in: own) }
                return nil
            }
        }
        return Result(body: body, diagnostics: diagnostics, linkedArticles: linked, sectionLinks: sectionLinks)
    }

    /// The URL of a lead image written in front matter, or the text as written when it is not a
    /// file of the content folder (then `missing` names where it was looked for). A relative
    /// path not found beside the document is looked for from the content folder's top too: Jekyll
    /// themes print a post's `image: assets/images/x.webp` from the site root.
    func resolveImage(_ target: String, from path: String) -> (url: String, missing: String?) {
        switch resolve(target, from: path) {
        case .asset(let url), .article(_, let url): return (url, nil)
        case .missing(let candidate):
            guard !target.hasPrefix("/"), path.contains("/") else { return (target, candidate) }
            switch resolve("/" + target, from: path) {
            case .asset(let url), .article(_, let url): return (url, nil)
            // A rooted path that is no file of the site is `external` to `resolve` (a page, maybe): an image is missing.
            case .missing, .external: return (target, candidate + " or " + Self.normalize(target))
            }
        case .external: return (target, nil)
        }
    }

    private enum Resolution {
        case article(Int, String)
        case asset(String)
        case missing(String)
        case external
    }

    private func resolve(_ target: String, from sourcePath: String) -> Resolution {
        guard !target.isEmpty, !target.hasPrefix("#"), !target.hasPrefix("//"), !Self.hasScheme(target) else { return .external }
        var location = Substring(target)
        var suffix = ""
        if let mark = location.utf8.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) {
            suffix = String(location[mark...])
            location = location[..<mark]
        }
        // Most links have no escapes: skip Foundation's decoding for them (it returns them unchanged).
        let decoded = location.containsByte(UInt8(ascii: "%")) ? location.removingPercentEncoding ?? String(location) : String(location)
        let candidate: String
        if decoded.hasPrefix("/") {
            candidate = Self.normalize(String(decoded.drop { $0 == "/" }))
        } else {
            // Everything before the last `/`: `normalize` below drops any empty segment left in it.
            let folder = sourcePath.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(decoding: sourcePath.utf8[..<$0], as: UTF8.self) } ?? ""
            candidate = Self.normalize(folder.isEmpty ? decoded : folder + "/" + decoded)
        }
        if let index = indexes[candidate] { return .article(index, root + Self.encode(paths[index]) + suffix) }
        if assets.contains(candidate) { return .asset(root + Self.encode(candidate) + suffix) }
        let pointsAtSource = candidate.hasSuffix(".md") || candidate.hasSuffix(".markdown")
        // A rooted link to anything else is a page of the site (`/tags/`): not ours to judge.
        if decoded.hasPrefix("/") && !pointsAtSource { return .external }
        if pointsAtSource || candidate.utf8.split(separator: UInt8(ascii: "/")).last?.contains(UInt8(ascii: ".")) == true {
            return .missing(candidate)
        }
        return .external
    }

    /// A `:` before any `/`, `?` or `#`; a scan of the bytes, as every link of every body comes here.
    private static func hasScheme(_ target: String) -> Bool {
        for byte in target.utf8 {
            switch byte {
            case UInt8(ascii: ":"): return true
            case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"): return false
            default: continue
            }
        }
        return false
    }

    /// Resolves `.` and `..` segments; `..` above the content folder stays at its top.
    static func normalize(_ path: String) -> String {
        guard hasDotOrEmptySegment(path) else { return path }
        // One pass over the bytes, keeping where each kept segment starts so that `..` can cut it
        // off again: every relative link of every body is normalized.
        var path = path
        return path.withUTF8 { bytes in
            var joined: [UInt8] = []
            joined.reserveCapacity(bytes.count)
            var segmentStarts: [Int] = []
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "/") { end += 1 }
                let isDot = end - start == 1 && bytes[start] == UInt8(ascii: ".")
                let isDotDot = end - start == 2 && bytes[start] == UInt8(ascii: ".") && bytes[start + 1] == UInt8(ascii: ".")
                if isDotDot {
                    if let segmentStart = segmentStarts.popLast() { joined.removeSubrange(segmentStart...) }
                } else if end > start, !isDot {
                    segmentStarts.append(joined.count)
                    if !joined.isEmpty { joined.append(UInt8(ascii: "/")) }
                    joined.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                }
                start = end + 1
            }
            return String(decoding: joined, as: UTF8.self)
        }
    }

    /// Whether `normalize` would change the path: an empty, `.` or `..` segment (a leading, trailing
    /// or doubled `/` makes an empty one). Most paths have none, and splitting and joining them is
    /// the costliest part of resolving a link.
    private static func hasDotOrEmptySegment(_ path: String) -> Bool {
        var length = 0
        var onlyDots = true
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if length == 0 || (onlyDots && length <= 2) { return true }
                length = 0
                onlyDots = true
            } else {
                length += 1
                onlyDots = onlyDots && byte == UInt8(ascii: ".")
            }
        }
        return length == 0 || (onlyDots && length <= 2)
    }

    private static func encode(_ path: String) -> String {
        // Paths made of slugs need no escaping: skip Foundation for them.
        if path.utf8.allSatisfy(isUnreservedOrSlash) { return path }
        return path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    }

    /// Letters, digits, `-`, `.`, `_`, `~` and `/`: bytes every URL path keeps as they are.
    private static func isUnreservedOrSlash(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }

    /// The first reference of each target, by the target percent-decoded (the rendered body may
    /// spell a target either way).
    private static func positions(of references: [SourceReference]) -> [String: SourceReference] {
        var positions: [String: SourceReference] = [:]
        for reference in references.reversed() { positions[decoded(reference.target)] = reference }
        return positions
    }

    private static func decoded(_ target: String) -> String {
        target.containsBytes("%") ? target.removingPercentEncoding ?? target : target
    }
}
