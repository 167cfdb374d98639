import Infrastructure
import Ingest

extension ContentGraph {
    /// Articles per chunk of the archive.
    private static let archiveChunk = 1024

    /// Writes the graph into the build cache, without article bodies: an incremental build reads
    /// the graph back instead of every source file, and reads again only the sources of the pages
    /// it renders (see `GraphBuilder.patch`).
    public func archive(into writer: inout ArchiveWriter) {
        // Articles in chunks, each with its length first: written and read on every core.
        let chunks = stride(from: 0, to: articles.count, by: Self.archiveChunk).map { $0..<min($0 + Self.archiveChunk, articles.count) }
        writer.count(articles.count)
        for chunk in ConcurrentMap.map(chunks, { range in
            var part = ArchiveWriter(capacity: 768 * range.count)
            for article in articles[range] { article.archive(into: &part) }
            return part.bytes
        }) {
            writer.count(chunk.count)
            writer.append(chunk)
        }
        for list in [tags.map { ($0.slug, $0.name, $0.articles) }, categories.map { ($0.slug, $0.name, $0.articles) }, sections.map { ($0.slug, $0.name, $0.articles) },
                     authors.map { ($0.slug, $0.name, $0.articles) }] {
            writer.count(list.count)
            for (slug, name, articles) in list {
                writer.string(slug)
                writer.string(name)
                writer.counts(articles)
            }
        }
        for section in sections {
            writer.strings(section.aliases)
            writer.string(section.path)
            writer.optionalString(section.text)
        }
        writer.optionalString(home.title)
        writer.optionalString(home.text)
        for buckets in [years, months, days] {
            writer.count(buckets.count)
            for bucket in buckets {
                writer.int(Int64(bucket.year))
                writer.count(bucket.month)
                writer.count(bucket.day)
                writer.counts(bucket.articles)
            }
        }
        writer.count(assets.count)
        for asset in assets {
            writer.string(asset.path)
            writer.string(asset.sourcePath)
            writer.count(asset.size)
            writer.int(asset.modified)
        }
        writer.count(diagnostics.count)
        for diagnostic in diagnostics { diagnostic.archive(into: &writer) }
    }

    /// Writes what a patch changes (see `GraphBuilder.patch`): some articles, with their indexes,
    /// and the diagnostics; `applyingChanges` puts them back over the graph they came from.
    public func archiveChanges(articles indexes: [Int], into writer: inout ArchiveWriter) {
        writer.count(indexes.count)
        for index in indexes {
            writer.count(index)
            articles[index].archive(into: &writer)
        }
        writer.count(diagnostics.count)
        for diagnostic in diagnostics { diagnostic.archive(into: &writer) }
    }

    /// Puts back the articles and diagnostics written by `archiveChanges`, in place: a graph read
    /// from the cache is this build's own, and a copy of its articles would take a reference
    /// count of every string of every article, on one thread.
    public mutating func applyChanges(from reader: inout ArchiveReader) throws(ArchiveError) {
        for _ in 0..<(try reader.count()) {
            let index = try reader.count()
            let article = try Article(archive: &reader)
            guard index < articles.count, article.id == articles[index].id,
                  (article.related + article.incomingLinks).allSatisfy({ $0 < articles.count }) else { throw ArchiveError() }
            articles[index] = article
        }
        var diagnostics: [Diagnostic] = []
        for _ in 0..<(try reader.count()) { diagnostics.append(try Diagnostic(archive: &reader)) }
        self.diagnostics = diagnostics
    }

    /// Reads a graph written by `archive(into:)`; its articles have empty bodies.
    public init(archive reader: inout ArchiveReader) throws(ArchiveError) {
        let count = try reader.count()
        var chunks: [ArchiveReader] = []
        for _ in stride(from: 0, to: count, by: Self.archiveChunk) { chunks.append(try reader.part(length: try reader.count())) }
        let articles = try Self.articles(count, from: chunks)
        func names() throws(ArchiveError) -> [(String, String, [Int])] {
            var list: [(String, String, [Int])] = []
            for _ in 0..<(try reader.count()) { list.append((try reader.string(), try reader.string(), try reader.counts())) }
            return list
        }
        let tags = try names().map { Tag(slug: $0.0, name: $0.1, articles: $0.2) }
        let categories = try names().map { Tag(slug: $0.0, name: $0.1, articles: $0.2) }
        var sections = try names().map { Section(slug: $0.0, name: $0.1, articles: $0.2) }
        let authors = try names().map { Author(slug: $0.0, name: $0.1, articles: $0.2) }
        for index in sections.indices {
            sections[index].aliases = try reader.strings()
            sections[index].path = try reader.string()
            sections[index].text = try reader.optionalString()
        }
        let home = HomeText(title: try reader.optionalString(), text: try reader.optionalString())
        var buckets: [[DateBucket]] = []
        for granularity in [DateBucket.Granularity.year, .month, .day] {
            var list: [DateBucket] = []
            for _ in 0..<(try reader.count()) {
                list.append(DateBucket(granularity: granularity, year: Int(try reader.int()), month: try reader.count(),
                                       day: try reader.count(), articles: try reader.counts()))
            }
            buckets.append(list)
        }
        var assets: [SourceFile] = []
        for _ in 0..<(try reader.count()) {
            assets.append(SourceFile(path: try reader.string(), sourcePath: try reader.string(), size: try reader.count(),
                                modified: try reader.int()))
        }
        var diagnostics: [Diagnostic] = []
        for _ in 0..<(try reader.count()) { diagnostics.append(try Diagnostic(archive: &reader)) }
        // Indexes must point inside the graph: a damaged cache must not crash the build.
        let valid = { (indexes: [Int]) in indexes.allSatisfy { $0 < articles.count } }
        guard articles.allSatisfy({ valid($0.related) && valid($0.incomingLinks)
                  && $0.tags.allSatisfy { $0 < tags.count } && $0.categories.allSatisfy { $0 < categories.count } && $0.authors.allSatisfy { $0 < authors.count }
                  && ($0.section ?? 0) < max(sections.count, 1) }),
              (tags.map(\.articles) + categories.map(\.articles) + sections.map(\.articles) + authors.map(\.articles)).allSatisfy(valid),
              buckets.joined().allSatisfy({ valid($0.articles) }) else { throw ArchiveError() }
        self.init(articles: articles, tags: tags, categories: categories, sections: sections, authors: authors, years: buckets[0], months: buckets[1],
                  days: buckets[2], assets: assets, diagnostics: diagnostics, home: home)
    }

    /// The articles of the archive's chunks, each chunk decoded on a core straight into its place
    /// in one array: gathering an array per chunk copied every article again, on one thread.
    private static func articles(_ count: Int, from chunks: [ArchiveReader]) throws(ArchiveError) -> [Article] {
        var whole = true
        let articles = [Article](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let slots = buffer
            // How many articles each chunk put in place from its first slot, negative (less one)
            // when the chunk was damaged.
            let placed = ConcurrentMap.map(Array(chunks.indices)) { index -> Int in
                var chunk = chunks[index]
                let first = index * archiveChunk
                let end = min(first + archiveChunk, count)
                var next = first
                while next < end, !chunk.isAtEnd, let article = try? Article(archive: &chunk) {
                    // Moved into place: a copy took a reference count of each of its strings and
                    // lists, and let them go again, a seventh of decoding an article.
                    (slots.baseAddress! + next).initialize(to: consume article)
                    next += 1
                }
                return next == end && chunk.isAtEnd ? next - first : -(next - first) - 1
            }
            if placed.allSatisfy({ $0 >= 0 }) {
                initialized = count
                return
            }
            // A damaged chunk: every article put in place is let go, and the graph is not read.
            for (index, placed) in placed.enumerated() {
                (slots.baseAddress! + index * archiveChunk).deinitialize(count: placed < 0 ? -placed - 1 : placed)
            }
            whole = false
        }
        guard whole else { throw ArchiveError() }
        return articles
    }
}

extension Article {
    func archive(into writer: inout ArchiveWriter) {
        writer.string(id)
        writer.string(kind.rawValue)
        writer.text(titleText)
        writer.string(slug)
        writer.string(path)
        writer.int(date.secondsSince1970)
        writer.int(Int64(date.utcOffsetSeconds))
        writer.bool(dateHasTime)
        writer.int(timestamp)
        writer.bool(updated != nil)
        if let updated {
            writer.int(updated.secondsSince1970)
            writer.int(Int64(updated.utcOffsetSeconds))
        }
        writer.counts(authors)
        writer.counts(tags)
        writer.counts(categories)
        writer.count(section.map { $0 + 1 } ?? 0)
        writer.text(summaryText)
        writer.optionalString(image)
        writer.count(wordCount)
        writer.optionalString(canonical)
        writer.strings(aliases)
        writer.optionalString(language)
        writer.bool(draft)
        writer.bool(featured)
        writer.word(contentHash)
        writer.counts(incomingLinks)
        writer.counts(related)
        writer.count(diagnostics.count)
        for diagnostic in diagnostics { diagnostic.archive(into: &writer) }
        writer.word(placement)
        writer.bool(hasIncomingSectionLinks)
        writer.bool(isPage)
        writer.bool(isDated)
    }

    init(archive reader: inout ArchiveReader) throws(ArchiveError) {
        let id = try reader.string()
        guard let kind = SourceDocument.Kind(rawValue: try reader.string()) else { throw ArchiveError() }
        let title = try reader.lazyText()
        let slug = try reader.string()
        let path = try reader.string()
        let date = CivilDate(secondsSince1970: try reader.int(), utcOffsetSeconds: Int(try reader.int()))
        let dateHasTime = try reader.bool()
        let timestamp = try reader.int()
        let updated = try reader.bool() ? CivilDate(secondsSince1970: try reader.int(), utcOffsetSeconds: Int(try reader.int())) : nil
        let authors = try reader.counts()
        let tags = try reader.counts()
        let categories = try reader.counts()
        let section = try reader.count()
        let summary = try reader.lazyText()
        let image = try reader.optionalString()
        let wordCount = try reader.count()
        let canonical = try reader.optionalString()
        let aliases = try reader.strings()
        let language = try reader.optionalString()
        let draft = try reader.bool()
        let featured = try reader.bool()
        let contentHash = try reader.word()
        let incomingLinks = try reader.counts()
        let related = try reader.counts()
        var diagnostics: [Diagnostic] = []
        for _ in 0..<(try reader.count()) { diagnostics.append(try Diagnostic(archive: &reader)) }
        let placement = try reader.word()
        let hasIncomingSectionLinks = try reader.bool()
        let isPage = try reader.bool()
        let isDated = try reader.bool()
        // Every field given at once: set one by one after, the article was copied whole first.
        self.init(id: id, kind: kind, titleText: title, slug: slug, path: path, date: date, dateHasTime: dateHasTime,
                  timestamp: timestamp, updated: updated, authors: authors, tags: tags, section: section == 0 ? nil : section - 1,
                  categories: categories, summaryText: summary, image: image, body: SpillableText(""), wordCount: wordCount,
                  canonical: canonical, aliases: aliases, language: language, draft: draft, featured: featured, contentHash: contentHash,
                  incomingLinks: incomingLinks, related: related, diagnostics: diagnostics, hasIncomingSectionLinks: hasIncomingSectionLinks,
                  isPage: isPage, isDated: isDated, placement: placement)
    }
}
