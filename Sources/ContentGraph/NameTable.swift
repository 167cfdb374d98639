import Foundation
import Infrastructure
import Ingest
import SiteConfig

/// Merges names that fold to the same slug (tags, authors) and picks the spelling shown.
struct NameTable {
    private struct Entry {
        var slug: String
        var spellings: [String: Int] = [:]
        var firstPath: String
        var articles: [Int] = []
    }

    let kind: String
    /// How a name becomes its slug (`slugify.taxonomies`).
    let style: SlugStyle
    private var entries: [Entry] = []
    private var bySlug: [String: Int] = [:]
    /// Each spelling as written → its normalized name and slug. A few hundred tags are used tens of
    /// thousands of times, and normalizing goes through Foundation: do it once per spelling.
    private var normalized: [String: (name: String, slug: String)] = [:]

    init(kind: String, style: SlugStyle = .on) {
        self.kind = kind
        self.style = style
    }

    /// Records one use of a name by an article; nil when the name folds to nothing.
    mutating func add(_ rawName: String, article: Int, path: String) -> Int? {
        let (name, slug) = normalize(rawName)
        guard !slug.isEmpty else { return nil }
        let index: Int
        if let existing = bySlug[slug] {
            index = existing
        } else {
            index = entries.count
            bySlug[slug] = index
            entries.append(Entry(slug: slug, firstPath: path))
        }
        entries[index].spellings[name, default: 0] += 1
        if entries[index].articles.last != article { entries[index].articles.append(article) }
        return index
    }

    private mutating func normalize(_ rawName: String) -> (name: String, slug: String) {
        if let known = normalized[rawName] { return known }
        let name = NFC.normalize(rawName.trimmingCharacters(in: .whitespacesAndNewlines))
        let result = (name, Slug.make(name, style: style))
        normalized[rawName] = result
        return result
    }

    /// The merged list sorted by slug, and where each provisional index went. A warning lists the
    /// spellings merged into one name.
    func finish(diagnostics: inout [Diagnostic]) -> (items: [(slug: String, name: String, articles: [Int])], remap: [Int]) {
        let order = entries.indices.sorted { entries[$0].slug < entries[$1].slug }
        var remap = Array(repeating: 0, count: entries.count)
        var items: [(slug: String, name: String, articles: [Int])] = []
        for (position, index) in order.enumerated() {
            remap[index] = position
            let entry = entries[index]
            // Most used spelling; ties go to the one that sorts first, so the choice is stable.
            let spellings = entry.spellings.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            if spellings.count > 1 {
                let variants = spellings.map { "'\($0.key)'" }.joined(separator: ", ")
                diagnostics.append(Diagnostic(path: entry.firstPath, severity: .warning, code: "taxonomy.spellings",
                                              message: "\(kind) spellings \(variants) are one \(kind) (/\(entry.slug)/), shown as '\(spellings[0].key)'"))
            }
            items.append((entry.slug, spellings[0].key, entry.articles))
        }
        return (items, remap)
    }
}
