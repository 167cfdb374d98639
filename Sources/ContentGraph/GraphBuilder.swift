import Foundation
import Infrastructure
import Ingest
import SiteConfig

/// Normalizes every document of a content folder into one `ContentGraph`: slugs, sections, tags,
/// authors, date buckets, URLs and resolved links. A pure function of its inputs: the same folder
/// gives the same graph, whatever order the files were read in.
public struct GraphBuilder: Sendable {
    /// The site's settings (time zone, permalinks, sections, root path).
    public var config: SiteConfig
    /// Whether drafts are part of the site.
    public var includeDrafts: Bool
    /// Where the bodies still in memory (a crawl's pages; a content folder's were spilled when
    /// read, see `ContentReader.spill`) go once their links are rewritten; nil keeps them there.
    public var spill: SpillFile?

    /// Makes a builder.
    public init(config: SiteConfig, includeDrafts: Bool = false, spill: SpillFile? = nil) {
        self.config = config
        self.includeDrafts = includeDrafts
        self.spill = spill
    }

    /// Builds the graph. Documents with errors are left out and their diagnostics kept.
    ///
    /// The folder is consumed: each document's body is let go once its article holds the rewritten
    /// one, so the build never keeps two copies of every body.
    public func build(_ folder: consuming ContentFolder) -> ContentGraph {
        // Documents are read by index in the serial passes below: `filter`, `flatMap` and `for in`
        // copy every document (a reference counted for each of its strings) to hand it over.
        var diagnostics: [Diagnostic] = []
        for index in folder.documents.indices { diagnostics += folder.documents[index].diagnostics }
        var sections = SectionTable(config: config)
        // What each document needs alone (Unicode normalization, dates, slugs) is worked out on
        // every core; only the tables shared by all documents are filled in one thread.
        let sectionIndexes = folder.documents.indices.filter { ContentReader.isSectionIndex(folder.documents[$0].path) }.map { folder.documents[$0] }
        // The folders that make sections (see `applySectionIndexes`), by section slug, with their URL path as the site writes paths.
        var sectionFolders: [String: String] = [:]
        // A site has a few folders and thousands of documents: each folder's slugs are made once.
        var slugsOfFolder: [String: (key: String, path: String)] = [:]
        for index in folder.documents.indices where folder.documents[index].kind == .markdown && isCandidate(at: index, of: folder.documents) {
            guard let written = Self.folderSection(of: folder.documents[index].path) else { continue }
            let slugs = slugsOfFolder[written] ?? {
                let folder = NFC.normalize(written)
                return (Slug.fold(folder), Slug.make(folder, style: config.slugifyPaths))
            }()
            slugsOfFolder[written] = slugs
            sectionFolders[slugs.key] = slugs.path
        }
        // The documents that are no articles are skipped where each is prepared, on every core:
        // filtered out first, every other document was copied (a reference counted for each of
        // its strings) on one thread.
        var outcomes: [Prepared]
        do {
            // Let go at the end of this block: each body is then held by its prepared article alone.
            let documents = folder.documents
            folder.documents = []
            outcomes = ConcurrentMap.map(Array(documents.indices), { isCandidate(at: $0, of: documents) ? prepare(documents[$0]) : .rejected([]) })
        }
        // Jekyll writes pages as files (`/about.html`) when its posts' permalink names a file; Hugo never does.
        // So does a site under Jekyll's rule whose permalink ends without `/` (`:title`).
        let pagesAsFiles = !folder.hasHugoLayout && (config.articlePermalink.namesFile
            || (config.extensionlessPathsAreFiles && !config.articlePermalink.pattern.hasSuffix("/")))
        // Sections are numbered in document order, in one thread; then each article's path is worked
        // out on every core (expanding permalinks and checking paths was a serial tenth of the graph).
        var accepted: [PendingArticle] = []
        accepted.reserveCapacity(outcomes.count)
        // Each outcome is moved out, in document order, not copied: a copy counted a reference for
        // every string of its document, serially.
        outcomes.reverse()
        while let outcome = outcomes.popLast() {
            switch outcome {
            case .rejected(let reasons):
                diagnostics += reasons
            case .accepted(var item):
                item.section = item.sectionName.flatMap { sections.index(for: $0) }
                accepted.append(item)
            }
        }
        let numbered = sections
        let placed = ConcurrentMap.map(accepted) { item in placement(of: item, sections: numbered, pagesAsFiles: pagesAsFiles) }
        // Placed in place, the articles left out moved to the end and dropped: no copies.
        var kept = 0
        for index in accepted.indices {
            switch placed[index] {
            case .path(let path):
                accepted[index].path = path
                accepted.swapAt(kept, index)
                kept += 1
            case .leftOut(let diagnostic):
                diagnostics.append(diagnostic)
            }
        }
        accepted.removeLast(accepted.count - kept)
        // From here on each body lives in `pending` alone, so that letting it go below frees it.
        var pending = accepted
        accepted = []
        // `pending` now holds every document that becomes an article.
        Self.resolveCollisions(&pending, diagnostics: &diagnostics)
        // Stories newest first, then pages by path: `ContentGraph.stories` is the run before the first page.
        pending.sort { left, right in
            guard left.isPage == right.isPage else { return right.isPage }
            if left.isPage { return left.document.path < right.document.path }
            return (right.timestamp, left.slug, left.document.path) < (left.timestamp, right.slug, right.document.path)
        }

        var tags = NameTable(kind: "tag", style: config.slugifyTaxonomies)
        var categories = NameTable(kind: "category", style: config.slugifyTaxonomies)
        var authors = NameTable(kind: "author", style: config.slugifyTaxonomies)
        let resolver = LinkResolver(root: config.rootPath,
                                    // Paths equal only up to Unicode normalization: the last one, as before.
                                    indexes: Dictionary(pending.indices.map { (pending[$0].document.path, $0) }, uniquingKeysWith: { $1 }),
                                    paths: pending.indices.map { pending[$0].path }, assets: folder.assets.map(\.path))
        // Tags, authors and sections are tables shared by every article: filled first, in article
        // order, on one thread (a few dictionary inserts per article).
        var names: [ArticleNames] = []
        names.reserveCapacity(pending.count)
        // By index: a `for item in` loop copied every pending article, document and all.
        for index in pending.indices {
            sections.add(article: index, to: pending[index].section)
            let path = pending[index].document.path
            var written = pending[index].tagNames
            if written.count > config.tagsPerArticle {
                diagnostics.append(Diagnostic(path: path, severity: .warning, code: "limit.tags",
                                              message: "\(written.count) tags; the first \(config.tagsPerArticle) are kept (limits.tagsPerArticle)"))
                written.removeLast(written.count - config.tagsPerArticle)
            }
            // A page is on no tag's or author's page.
            if pending[index].isPage {
                names.append(ArticleNames(tags: [], authors: [], categories: []))
                continue
            }
            names.append(ArticleNames(tags: Self.unique(written.compactMap { tags.add($0, article: index, path: path) }),
                                      authors: Self.unique(pending[index].document.authors.compactMap { authors.add($0, article: index, path: path) }),
                                      categories: Self.unique(pending[index].categoryNames.compactMap { categories.add($0, article: index, path: path) })))
        }
        var articles: [Article] = []
        articles.reserveCapacity(pending.count)
        var incoming: [[Int]] = Array(repeating: [], count: pending.count)
        var sectionLinks: [(source: Int, links: [SectionLink])] = []
        // Articles are made, links rewritten, on every core, a batch at a time: each batch's original
        // bodies are let go before the next, so the build never holds two copies of every body.
        for batchStart in stride(from: 0, to: pending.count, by: 256) {
            let range = batchStart..<min(batchStart + 256, pending.count)
            let batch = Array(zip(pending[range], names[range]))
            let made = ConcurrentMap.map(batch) { item, names in article(item, names: names, resolver: resolver) }
            for (offset, result) in made.enumerated() {
                let index = batchStart + offset
                articles.append(result.article)
                diagnostics += result.diagnostics
                for target in result.linkedArticles where target != index { incoming[target].append(index) }
                if !result.sectionLinks.isEmpty { sectionLinks.append((index, result.sectionLinks)) }
                pending[index].document.bodyHTML = ""
            }
        }
        diagnostics += SectionLink.check(sectionLinks, in: &articles)
        for index in articles.indices { articles[index].incomingLinks = Array(Set(incoming[index])).sorted() }
        let (tagItems, tagRemap) = tags.finish(diagnostics: &diagnostics)
        let (categoryItems, categoryRemap) = categories.finish(diagnostics: &diagnostics)
        let (authorItems, authorRemap) = authors.finish(diagnostics: &diagnostics)
        let tagList = tagItems.map { Tag(slug: $0.slug, name: $0.name, articles: $0.articles) }
        let categoryList = categoryItems.map { Tag(slug: $0.slug, name: $0.name, articles: $0.articles) }
        let authorList = authorItems.map { Author(slug: $0.slug, name: $0.name, articles: $0.articles) }
        var (sectionList, sectionRemap) = sections.finish()
        let home = Self.applySectionIndexes(sectionIndexes, to: &sectionList, folders: sectionFolders, folderPaths: folder.hasHugoLayout,
                                            resolver: resolver, diagnostics: &diagnostics)
        for (name, paths) in folder.sectionAliases {
            let slug = Slug.fold(NFC.normalize(name))
            guard let index = sectionList.firstIndex(where: { $0.slug == slug }) else { continue }
            sectionList[index].aliases = paths.compactMap { Self.outputPath($0) }.filter { !$0.isEmpty && Self.unwritableReason($0) == nil }.sorted()
        }
        for index in articles.indices {
            articles[index].tags = articles[index].tags.map { tagRemap[$0] }
            articles[index].categories = articles[index].categories.map { categoryRemap[$0] }
            articles[index].authors = articles[index].authors.map { authorRemap[$0] }
            articles[index].section = articles[index].section.flatMap { sectionRemap[$0] }
        }
        let related = Related.compute(articles: articles, tags: tagList, sections: sectionList, limit: config.relatedCount)
        for index in articles.indices { articles[index].related = related[index] }
        let buckets = DateBuckets(articles)
        return ContentGraph(
            articles: articles, tags: tagList, categories: categoryList, sections: sectionList, authors: authorList,
            years: buckets.years, months: buckets.months, days: buckets.days,
            assets: folder.assets + Self.bundleCopies(of: folder.assets, articles: articles),
            diagnostics: diagnostics.sorted { ($0.path, $0.line, $0.column, $0.message) < ($1.path, $1.line, $1.column, $1.message) },
            home: home)
    }

    /// Whether a document may become an article: read without errors, not left out, not a draft
    /// (unless drafts are built), not a section's `_index.md`.
    /// Read in place, by index: passed as a value, each document was copied.
    private func isCandidate(at index: Int, of documents: [SourceDocument]) -> Bool {
        !documents[index].hasErrors && !documents[index].isLeftOut && (includeDrafts || !documents[index].draft)
            && !ContentReader.isSectionIndex(documents[index].path)
    }

    /// Where an article is written, or why it is left out.
    enum Placement: Sendable {
        case path(String)
        case leftOut(Diagnostic)
    }

    /// The output path of `item`: its `url:`, a page's path, or its permalink expanded; left out
    /// when that path climbs out of the site or cannot be written.
    func placement(of item: PendingArticle, sections: SectionTable, pagesAsFiles: Bool) -> Placement {
        let written = item.document.url
            ?? (item.isPage ? pageURL(of: item, asFile: pagesAsFiles) : nil)
            ?? permalinkPath(of: item, sectionSlug: item.section.map { sections.slug(at: $0) })
        guard var path = Self.outputPath(written, extensionlessAsFile: config.extensionlessPathsAreFiles) else {
            return .leftOut(Diagnostic(path: item.document.path, line: 1, column: 1, severity: .error, code: "url.outside-site",
                                       message: "URL '\(written)' climbs out of the site with '..'; the article was left out"))
        }
        if let problem = Self.unwritableReason(path) {
            return .leftOut(Diagnostic(path: item.document.path, line: 1, column: 1, severity: .error, code: "url.invalid",
                                       message: "URL '\(Self.shown(written))' \(problem); the article was left out"))
        }
        // Hugo's `uglyURLs` makes a file of every page but one whose `url:` says otherwise.
        if config.uglyURLs, item.document.url == nil, path.hasSuffix("/") { path = String(path.dropLast()) + ".html" }
        return .path(path)
    }

    /// Where a document's categories go. A site that lists categories (`taxonomies.category`, as
    /// Hugo does) keeps them apart, its section coming from `section:` or the folder. Otherwise
    /// an article has one section, `section:` or else its first category, and its other
    /// categories are tags, so that `categories: [a, b]` loses neither.
    func taxonomyNames(of document: SourceDocument) -> (section: String?, tags: [String], categories: [String]) {
        if config.taxonomies.category != nil { return (document.section, document.tags, document.categories) }
        if let section = document.section { return (section, document.tags + document.categories, []) }
        return (document.categories.first, document.tags + document.categories.dropFirst(), [])
    }

    /// A document's own part of becoming an article, before any shared table is touched.
    func prepare(_ document: SourceDocument) -> Prepared {
        let title = NFC.normalize(document.title ?? "")
        // An undated Markdown file is an about or contact page, as in Hugo and Jekyll; a crawled
        // page without a date is a story whose date was not found.
        let isPage = document.kind == .markdown && (document.isPage || document.date == nil)
        // Both are reported at once, so that one run of `check` shows everything to fix in the file.
        var missing: [Diagnostic] = []
        if document.date == nil && !isPage {
            missing.append(Diagnostic(path: document.path, line: 1, column: 1, severity: .error, code: "article.no-date",
                                      message: "no publication date found in the page; the article was left out"))
        }
        // An untitled article would be an empty link on every list and feed that shows it. A
        // Markdown file's first heading already stands in for a missing `title:` (see MarkdownReader).
        if title.allSatisfy(\.isWhitespace) {
            missing.append(Diagnostic(path: document.path, line: 1, column: 1, severity: .error, code: "article.no-title",
                                      message: "no title: add `title:` to the front matter, or start the body with a heading"))
        }
        guard missing.isEmpty else { return .rejected(missing) }
        let date = document.date?.date ?? Date(timeIntervalSince1970: 0)
        let slug = Self.slug(for: document, title: title, style: config.slugifyPaths)
        if slug.isEmpty {
            return .rejected([Diagnostic(path: document.path, line: 1, column: 1, severity: .error, code: "article.no-slug",
                                        message: "cannot make a URL slug from the file name or the title: add `slug:`")])
        }
        // A Markdown file's folder names its section, as in Hugo; a crawled page's folder is
        // only where the crawler saved it.
        let folderSection = document.kind == .markdown ? Self.folderSection(of: document.path) : nil
        let names = taxonomyNames(of: document)
        return .accepted(PendingArticle(
            document: document, title: title, slug: slug, path: "", date: CivilDate(date, in: config.timeZone),
            timestamp: Int64(date.timeIntervalSince1970.rounded(.down)),
            // A page is in no section's list.
            sectionName: isPage ? nil : names.section.map(NFC.normalize) ?? folderSection, section: nil,
            tagNames: names.tags, categoryNames: names.categories,
            placement: Self.placement(of: document, slug: slug), isPage: isPage))
    }

    /// An article from its pending document and names: the body with its links rewritten, and the
    /// other fields that need the link resolver. Links to its own sections are checked here;
    /// those to other articles' sections are returned, to be checked once every body is made.
    func article(_ item: PendingArticle, names: ArticleNames, resolver: LinkResolver)
        -> (article: Article, diagnostics: [Diagnostic], linkedArticles: [Int], sectionLinks: [SectionLink])
    {
        let document = item.document
        let linked = resolver.rewrite(document)
        var diagnostics = linked.diagnostics
        let ownSections = linked.sectionLinks.filter { $0.target == nil }
        if !ownSections.isEmpty {
            let anchors = HeadingAnchors.anchors(in: linked.body.bytes)
            diagnostics += ownSections.filter { !$0.lands(in: anchors) }.map { $0.diagnostic(in: document.path, targetPath: nil) }
        }
        let image = leadImage(of: document, resolver: resolver, diagnostics: &diagnostics)
        let aliases = aliases(of: document, path: item.path, diagnostics: &diagnostics)
        var article = Article(
            id: document.path, kind: document.kind, titleText: LazyText(item.title), slug: item.slug, path: item.path,
            date: item.date, dateHasTime: document.date?.hasTime ?? false, timestamp: item.timestamp,
            updated: document.lastModified.map { CivilDate($0.date, in: config.timeZone) }.flatMap { $0 == item.date ? nil : $0 },
            authors: names.authors, tags: names.tags, section: item.section,
            summaryText: LazyText(NFC.normalize(document.summary ?? "")), image: image, body: linked.body.spilled(to: spill), wordCount: document.wordCount,
            canonical: document.canonical, aliases: aliases, language: document.language, draft: document.draft,
            contentHash: document.contentHash, incomingLinks: [])
        article.diagnostics = document.diagnostics + diagnostics
        article.featured = document.featured
        article.categories = names.categories
        article.placement = item.placement
        article.isPage = item.isPage
        article.isDated = document.date != nil
        return (article, diagnostics, linked.linkedArticles, linked.sectionLinks.filter { $0.target != nil })
    }

    /// The output path of a written path with no empty, `.` or `..` segment; nil for any other.
    private static func cleanOutputPath(_ written: String, extensionlessAsFile: Bool) -> String? {
        var utf8 = Substring(written).utf8
        while utf8.first == UInt8(ascii: "/") { utf8 = utf8.dropFirst() }
        guard !utf8.isEmpty else { return nil }
        var segmentLength = 0
        var onlyDots = true
        for byte in utf8 {
            if byte == UInt8(ascii: "/") {
                if segmentLength == 0 || onlyDots { return nil }
                segmentLength = 0
                onlyDots = true
            } else {
                segmentLength += 1
                onlyDots = onlyDots && byte == UInt8(ascii: ".")
            }
        }
        let endsWithSlash = segmentLength == 0
        if !endsWithSlash && onlyDots { return nil }
        let path = String(Substring(utf8))
        return endsWithSlash ? path : path + ending(of: path, extensionlessAsFile: extensionlessAsFile)
    }

    /// Front matter `slug`, else the file name (without a Jekyll date; a bundle's folder name), both
    /// made a slug as `style` says (by default kept as written, see `Slug.asWritten`), else the title, folded.
    static func slug(for document: SourceDocument, title: String, style: SlugStyle) -> String {
        if let slug = document.slug.map({ Slug.make(NFC.normalize($0), style: style) }), !slug.isEmpty { return slug }
        // Split as bytes: by `Character` it ran grapheme breaking over every document's path.
        let components = document.path.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
        var stem = String(components.last ?? "")
        if let dot = stem.lastIndex(of: ".") { stem = String(stem[..<dot]) }
        if stem == "index" || stem == "_index" {
            stem = components.count > 1 ? String(components[components.count - 2]) : ""
        } else if let jekyll = JekyllFileName(path: document.path) {
            stem = jekyll.slug
        }
        let fromName = Slug.make(NFC.normalize(stem), style: style)
        return fromName.isEmpty ? Slug.fold(title) : fromName
    }

    /// A page's URL: its folder's permalink pattern when that needs no date (Hugo's
    /// `post = "/:filename/"` places the undated files of `post/` too), else `pagePath`.
    func pageURL(of item: PendingArticle, asFile: Bool) -> String {
        guard item.document.kind == .markdown, let folder = Self.folderSection(of: item.document.path),
              let pattern = config.sectionPermalinks[folder], !pattern.isDated else {
            return Self.pagePath(of: item.document.path, slug: item.slug, asFile: asFile, lowercased: config.slugifyPaths == .lower)
        }
        return permalinkPath(of: item, sectionSlug: Slug.fold(NFC.normalize(folder)))
    }

    /// A page's URL: its folder, then its slug (`docs/install.md` → `/docs/install/`, or with
    /// `asFile` `/docs/install.html`); a bundle's `index.md` or a section's `_index.md` stands for
    /// its folder, whose name the slug replaces, and is always a folder. With `lowercased` the
    /// folders are lowercased too, as Hugo's paths are.
    static func pagePath(of path: String, slug: String, asFile: Bool, lowercased: Bool) -> String {
        var components = path.split(separator: "/").map { lowercased ? $0.lowercased() : String($0) }
        let name = components.removeLast()
        let isIndex = name.hasPrefix("index.") || name.hasPrefix("_index.")
        if isIndex, !components.isEmpty { components.removeLast() }
        return "/" + (components + [slug]).joined(separator: "/") + (asFile && !isIndex ? ".html" : "/")
    }

    /// The first folder of a path, when the file is in one: `thoi-su/abc.md` → `thoi-su`. Jekyll's
    /// `_posts/` and `_drafts/` name no section (`news/_posts/abc.md` is in `news`).
    static func folderSection(of path: String) -> String? {
        // Read as bytes, and only up to the first name after it: by `Character`, or split whole,
        // asked of every document, it was a serial cost.
        let slash = UInt8(ascii: "/")
        let utf8 = path.utf8
        guard let start = utf8.firstIndex(where: { $0 != slash }), let end = utf8[start...].firstIndex(of: slash),
              utf8[end...].contains(where: { $0 != slash }) else { return nil }
        let first = path[start..<end]
        return JekyllFolder.isJekyllFolder(first) ? nil : String(first)
    }

    /// A written URL path (front matter `url`, `aliases`, an expanded permalink) as an output
    /// path: no leading slash, `.` segments dropped, a folder unless it names an `.html` or `.htm` file
    /// (or, with `extensionlessAsFile`, ends in a name without an extension: see `ending(of:extensionlessAsFile:)`).
    /// Nil when it climbs with `..`: no input may write outside the output folder.
    static func outputPath(_ written: String, extensionlessAsFile: Bool = false) -> String? {
        // Most paths (every expanded permalink) are clean: a leading `/`, no empty, `.` or `..`
        // segment. They need no splitting, which on `Character`s cost a serial tenth of a second.
        if let clean = cleanOutputPath(written, extensionlessAsFile: extensionlessAsFile) { return clean }
        var parts: [Substring] = []
        for part in written.split(separator: "/") where part != "." {
            if part == ".." { return nil }
            parts.append(part)
        }
        let path = parts.joined(separator: "/")
        if path.isEmpty || isPageFile(path) { return path }
        return path + (written.hasSuffix("/") ? "/" : ending(of: path, extensionlessAsFile: extensionlessAsFile))
    }

    /// What a path that does not end in `/` gets at its end: nothing when it names an `.html` or
    /// `.htm` file; `.html` when `extensionlessAsFile` and its last name has no extension, as
    /// Jekyll writes `/about` as `about.html` (its `URL#destination`); else `/`, a folder.
    private static func ending(of path: String, extensionlessAsFile: Bool) -> String {
        if isPageFile(path) { return "" }
        let name = path.utf8.split(separator: UInt8(ascii: "/")).last ?? Substring(path).utf8[...]
        return extensionlessAsFile && !name.dropFirst().contains(UInt8(ascii: ".")) ? ".html" : "/"
    }

    /// A path naming a page file rather than a folder: `.html`, or `.htm` as a mirrored page keeps
    /// its original name (`/a-20211130225800.htm`).
    static func isPageFile(_ path: String) -> Bool {
        path.hasSuffix(".html") || path.hasSuffix(".htm")
    }

    /// Longest name of one file or folder most file systems take (ext4, XFS, Btrfs: 255 bytes).
    static let componentLimit = 255
    /// Longest output path, well under `PATH_MAX` (4,096) once the output folder's own path is
    /// in front of it.
    static let pathLimit = 1024

    /// Why an output path cannot be written as a file, or nil when it can: a control character
    /// (a NUL ends the path for the kernel), a name longer than the file system takes, or a path
    /// too long. Such a URL would otherwise stop the whole build when its file is written.
    static func unwritableReason(_ path: String) -> String? {
        if path.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return "holds a control character" }
        // Browsers read `\` in a URL as `/`: `/\\evil.example/` would lead off the site.
        if path.utf8.contains(UInt8(ascii: "\\")) { return "holds a backslash" }
        if path.utf8.count > pathLimit { return "is longer than \(pathLimit) bytes" }
        if path.utf8.split(separator: UInt8(ascii: "/")).contains(where: { $0.count > componentLimit }) {
            return "has a segment longer than \(componentLimit) bytes"
        }
        return nil
    }

    /// A written path for a message: control characters escaped, and cut after 80 characters.
    private static func shown(_ written: String) -> String {
        let escaped = written.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? $0.escaped(asASCII: true) : String($0) }.joined()
        return escaped.count > 80 ? escaped.prefix(80) + "…" : escaped
    }

    private func leadImage(of document: SourceDocument, resolver: LinkResolver, diagnostics: inout [Diagnostic]) -> String? {
        guard let image = document.image else { return nil }
        let resolved = resolver.resolveImage(image, from: document.path)
        if let missing = resolved.missing {
            diagnostics.append(Diagnostic(path: document.path, severity: .warning, code: "image.missing",
                                          message: "image '\(image)' leads nowhere: no file at \(missing) in the content folder"))
        }
        return resolved.url
    }

    /// The output paths of a document's aliases. In Markdown, as in Hugo, an alias without a
    /// leading `/` is beside the page (`old-name` of `/2023/06/guide/` is `/2023/06/old-name/`).
    private func aliases(of document: SourceDocument, path articlePath: String, diagnostics: inout [Diagnostic]) -> [String] {
        document.aliases.compactMap { alias in
            var written = alias
            if document.kind == .markdown, !alias.hasPrefix("/"), !alias.contains("://") {
                let folder = articlePath.hasSuffix("/") ? articlePath.dropLast() : Substring(articlePath)
                written = "/" + (folder.lastIndex(of: "/").map { String(folder[...$0]) } ?? "") + alias
            }
            guard let path = Self.outputPath(written, extensionlessAsFile: config.extensionlessPathsAreFiles), !path.isEmpty else {
                diagnostics.append(Diagnostic(path: document.path, severity: .warning, code: "alias.outside-site",
                                              message: "alias '\(Self.shown(alias))' is not a path inside the site; it was ignored"))
                return nil
            }
            if let problem = Self.unwritableReason(path) {
                diagnostics.append(Diagnostic(path: document.path, severity: .warning, code: "alias.invalid",
                                              message: "alias '\(Self.shown(alias))' \(problem); it was ignored"))
                return nil
            }
            return path
        }
    }

    /// `Article.placement` of a document whose slug is worked out: the fields that decide the
    /// article's URL, its place in every list and the graph's tables, as the source gives them.
    static func placement(of document: SourceDocument, slug: String) -> UInt64 {
        var fields = ArchiveWriter(capacity: 256)
        fields.string(document.kind.rawValue)
        fields.string(slug)
        ParsedDate.archive(document.date, into: &fields)
        ParsedDate.archive(document.lastModified, into: &fields)
        ParsedDate.archive(document.expires, into: &fields)
        fields.strings(document.authors)
        fields.strings(document.tags)
        fields.optionalString(document.section)
        fields.strings(document.categories)
        fields.optionalString(document.url)
        fields.strings(document.aliases)
        fields.bool(document.draft)
        fields.bool(document.isPage)
        // The front page picks its lead among featured articles, else articles with an image:
        // either changing can move the lead, and the front page's choice is made when pages are planned.
        fields.bool(document.featured)
        fields.bool(document.image != nil)
        fields.strings(document.references.map(\.target))
        return ContentHash.of(fields.bytes)
    }

    private static func unique(_ indexes: [Int]) -> [Int] {
        var seen = Set<Int>()
        return indexes.filter { seen.insert($0).inserted }
    }

    /// Two articles with the same URL: the first by source path keeps it, the others get `-2`, `-3`.
    private static func resolveCollisions(_ pending: inout [PendingArticle], diagnostics: inout [Diagnostic]) {
        pending.sort { $0.document.path < $1.document.path }
        var taken: [String: String] = [:]
        for index in pending.indices {
            let original = pending[index].path
            var candidate = original
            var counter = 2
            while taken[candidate] != nil {
                candidate = Self.suffixed(original, counter)
                counter += 1
            }
            if candidate != original {
                diagnostics.append(Diagnostic(
                    path: pending[index].document.path, severity: .warning, code: "url.duplicate",
                    message: "URL /\(original) is already used by \(taken[original]!); this article gets /\(candidate)"))
                pending[index].slug += "-\(counter - 1)"
                pending[index].path = candidate
            }
            taken[candidate] = pending[index].document.path
        }
    }

    private static func suffixed(_ path: String, _ counter: Int) -> String {
        if path.hasSuffix("/") { return String(path.dropLast()) + "-\(counter)/" }
        if path.hasSuffix(".html") { return String(path.dropLast(5)) + "-\(counter).html" }
        if path.hasSuffix(".htm") { return String(path.dropLast(4)) + "-\(counter).htm" }
        return path + "-\(counter)"
    }
}

/// An article between reading and indexing.
struct PendingArticle: Sendable {
    var document: SourceDocument
    var title: String
    var slug: String
    /// The output path, once the permalink is expanded.
    var path: String
    var date: CivilDate
    var timestamp: Int64
    /// The section's name as written (or the folder's), before it is looked up.
    var sectionName: String?
    var section: Int?
    /// The tag and category names as written, once categories are placed (see `taxonomyNames`).
    var tagNames: [String]
    var categoryNames: [String]
    /// See `Article.placement`.
    var placement: UInt64
    /// See `Article.isPage`.
    var isPage: Bool
}

/// A document that becomes an article, or why it does not.
enum Prepared: Sendable {
    case accepted(PendingArticle)
    case rejected([Diagnostic])
}

/// An article's tag, author and category indexes (provisional, before the tables are sorted).
struct ArticleNames: Sendable {
    var tags: [Int]
    var authors: [Int]
    var categories: [Int]
}
