import Ingest
import Infrastructure

/// Points a mirrored article's links and images, and its lead image, at their mirrored addresses.
/// Pure: one document in, one out, so a mirror's bodies are rewritten on every core.
struct LinkRewriter: Sendable {
    /// The site's own host (`www.` aside): its addresses missing from the crawl are counted.
    let siteHost: String
    /// Where every crawled address lives on the mirror (`/path`), by page key.
    let targets: [String: String]

    /// A document with its addresses rewritten, and what was found on the way.
    struct Rewritten: Sendable {
        var document: SourceDocument
        /// Links that now point inside the mirror.
        var linksRewritten = 0
        /// Links to the site's pages that are not in the crawl: they stay on the origin.
        var linksToOrigin = 0
        /// The site's images that are not in the crawl, each once, sorted.
        var missingImages: [String] = []
    }

    /// Rewrites `document`'s body, lead image and references.
    func rewrite(_ document: SourceDocument) -> Rewritten {
        var result = Rewritten(document: document)
        var missing: Set<String> = []
        func mapped(_ target: String, isImage: Bool) -> String? {
            guard let url = CrawlURL(target) else { return nil }
            if let local = targets[url.pageKey] {
                if isImage { return local }
                result.linksRewritten += 1
                return local + (target.utf8.firstIndex(of: UInt8(ascii: "#")).map { String(target[$0...]) } ?? "")
            }
            guard url.siteHost == siteHost else { return nil }
            if isImage {
                missing.insert(url.text)
            } else {
                result.linksToOrigin += 1
            }
            return nil
        }
        result.document.bodyHTML = AttributeRewriter.rewrite(document.bodyHTML) { value, attribute in
            switch attribute {
            case .href: return mapped(value, isImage: false)
            case .src: return mapped(value, isImage: true)
            case .srcset: return Self.rewriteSrcset(value) { mapped($0, isImage: true) }
            }
        }
        if let image = document.image, let local = mapped(image, isImage: true) { result.document.image = local }
        result.document.references = document.references.map { reference in
            var reference = reference
            reference.target = CrawlURL(reference.target).flatMap { targets[$0.pageKey] } ?? reference.target
            return reference
        }
        result.missingImages = missing.sorted()
        return result
    }

    /// A `srcset` with each candidate's address replaced where `transform` gives one.
    ///
    /// Split by scalars, not characters: a srcset is addresses and widths, and breaking each into
    /// graphemes was most of the cost of rewriting a mirror's links.
    static func rewriteSrcset(_ value: String, _ transform: (String) -> String?) -> String? {
        var changed = false
        let candidates = value.unicodeScalars.split(separator: ",").map { candidate -> String in
            let parts = candidate.split(whereSeparator: \.isSpace).map(String.init)
            guard let first = parts.first, let replaced = transform(first) else { return parts.joined(separator: " ") }
            changed = true
            return ([replaced] + parts.dropFirst()).joined(separator: " ")
        }
        return changed ? candidates.joined(separator: ", ") : nil
    }
}
