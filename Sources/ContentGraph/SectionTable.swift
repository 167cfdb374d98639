import SiteConfig

/// Collects sections while the graph is built: those of the config first, in its order, then
/// the ones found only in content. A section written `Thời sự`, `thời sự` or as the folder
/// `thoi-su` is one section.
struct SectionTable {
    private var sections: [Section] = []
    private var bySlug: [String: Int] = [:]
    /// Names already seen → their section: every article names its section, and folding a name
    /// goes through Foundation.
    private var byName: [String: Int] = [:]
    private var configured: Int
    /// The folder of a section's list (`taxonomies.section`).
    private let prefix: String

    init(config: SiteConfig) {
        prefix = config.taxonomies.section
        for entry in config.sections {
            let slug = entry.slug.map(Slug.fold) ?? Slug.fold(entry.name)
            guard !slug.isEmpty, bySlug[slug] == nil else { continue }
            bySlug[slug] = sections.count
            bySlug[Slug.fold(entry.name)] = sections.count
            sections.append(Section(slug: slug, name: entry.name, articles: [], path: "\(prefix)/\(slug)/"))
        }
        configured = sections.count
    }

    /// The index of the section a name (or folder name) belongs to, adding it when new.
    mutating func index(for name: String) -> Int? {
        if let index = byName[name] { return index }
        let slug = Slug.fold(name)
        guard !slug.isEmpty else { return nil }
        let index: Int
        if let existing = bySlug[slug] {
            index = existing
        } else {
            index = sections.count
            bySlug[slug] = index
            sections.append(Section(slug: slug, name: name, articles: [], path: "\(prefix)/\(slug)/"))
        }
        byName[name] = index
        return index
    }

    func slug(at index: Int) -> String { sections[index].slug }

    mutating func add(article: Int, to section: Int?) {
        guard let section else { return }
        sections[section].articles.append(article)
    }

    /// Configured sections in config order, then the others by slug; sections with no article
    /// are dropped unless configured. Also where each provisional index went (nil: dropped).
    /// Article indexes were appended newest first.
    func finish() -> (sections: [Section], remap: [Int?]) {
        let found = sections.indices.dropFirst(configured).filter { !sections[$0].articles.isEmpty }
            .sorted { sections[$0].slug < sections[$1].slug }
        let order = Array(sections.indices.prefix(configured)) + found
        var remap = [Int?](repeating: nil, count: sections.count)
        for (position, index) in order.enumerated() { remap[index] = position }
        return (order.map { sections[$0] }, remap)
    }
}
