import Infrastructure
import Ingest

/// Joins the pages of a crawl into the documents of a mirror: the same article under several
/// addresses becomes one article with the others as aliases, links between crawled pages point at
/// their mirrored addresses, images are copied once per distinct content, and listing pages of a
/// section become aliases of the mirror's own section page.
///
/// An article keeps its original address (`urls: original`) or gets the site's permalink with its
/// original address as an alias (`urls: clean`). Its document's `path` is its mirrored path, so
/// that the graph resolves links to it as to any content file.
public struct CrawlMerger: Sendable {
    /// The site's own host (`www.` aside): pages and files on other hosts are mirrored below a
    /// folder named for their host.
    public var siteHost: String
    /// Whether articles keep their original addresses.
    public var keepsOriginalURLs: Bool

    /// Makes a merger for the site on `siteHost`.
    public init(siteHost: String, keepsOriginalURLs: Bool) {
        self.siteHost = siteHost.hasPrefix("www.") ? String(siteHost.dropFirst(4)) : siteHost
        self.keepsOriginalURLs = keepsOriginalURLs
    }

    /// What a crawl becomes.
    public struct Result: Sendable {
        /// One document per article, its links rewritten.
        public var documents: [SourceDocument] = []
        /// The images to copy: where each goes on the mirror, and its capture.
        public var images: [(path: String, entry: CrawlEntry)] = []
        /// Listing pages that are aliases of a section: the section's name and the alias paths.
        public var sectionAliases: [String: [String]] = [:]
        /// Old addresses with a query, the document each leads to: for the redirect map.
        public var queryRedirects: [(from: String, document: String)] = []
        /// How a message names each document: the capture it was read from.
        public var shownPaths: [String: String] = [:]
        /// The numbers.
        public var report = MirrorReport()
        /// Problems found: images missing from the crawl.
        public var diagnostics: [Diagnostic] = []
    }

    /// Merges what a `CrawlReader` read.
    public func merge(_ crawl: CrawlReader.Result) -> Result {
        var result = Result()
        result.report.pagesRead = crawl.pages.count
        result.report.otherFiles = crawl.otherFiles
        result.report.olderCaptures = crawl.olderCaptures
        result.diagnostics = crawl.diagnostics
        let pages = crawl.pages.sorted(byKey: \.entry.url.pageKey)
        var groups = DuplicateGroups(pages: pages)
        groups.join()
        // Where every crawled address now lives on the mirror, by page key.
        var targets: [String: String] = [:]
        let kept = groups.representatives()
        let paths = Self.unique(kept.map { mirrorPath(of: pages[$0].entry.url, isPage: true) })
        let pathOf = Dictionary(uniqueKeysWithValues: zip(kept, paths))
        for (index, page) in pages.enumerated() {
            guard let representative = groups.article(of: index), let path = pathOf[representative] else { continue }
            targets[page.entry.url.pageKey] = "/" + path
            if index != representative {
                result.report.aliases[groups.reasons[index] ?? "canonical", default: 0] += 1
            }
        }
        // Each section of the mirror by its slug, named as its first article names it.
        var sections: [String: String] = [:]
        for index in kept {
            guard let name = pages[index].document.section else { continue }
            let slug = Slug.fold(name)
            if sections[slug] == nil { sections[slug] = name }
        }
        for (index, page) in pages.enumerated() where groups.article(of: index) == nil {
            guard case .skipped(let reason) = page.verdict else { continue }
            let path = mirrorPath(of: page.entry.url, isPage: true)
            if reason == .listing, let section = Self.sectionStem(path), let name = sections[section] {
                result.sectionAliases[name, default: []].append(path)
                targets[page.entry.url.pageKey] = "/" + path
                result.report.aliases["section", default: 0] += 1
            } else {
                result.report.skipped[reason.rawValue, default: 0] += 1
            }
        }
        let images = placeImages(crawl.images, report: &result.report)
        result.images = images.copies
        for (key, path) in images.paths { targets[key] = "/" + path }

        var documents: [SourceDocument] = []
        for (representative, path) in zip(kept, paths) {
            var document = pages[representative].document
            let members = groups.members(of: representative)
            var aliases = members.filter { $0 != representative }.map { "/" + mirrorPath(of: pages[$0].entry.url, isPage: true) }
            if keepsOriginalURLs {
                document.url = "/" + path
            } else {
                aliases.insert("/" + path, at: 0)
            }
            document.aliases = Self.unique(aliases: aliases.filter { $0 != document.url && $0 != "/" })
            let id = path.hasSuffix("/") ? String(path.dropLast()) : path
            document.path = id.isEmpty ? "index" : id
            result.shownPaths[document.path] = pages[representative].entry.shown
            for member in members where !pages[member].entry.url.meaningfulQuery.isEmpty {
                let url = pages[member].entry.url
                result.queryRedirects.append((url.folderPath + "?" + url.query, document.path))
            }
            documents.append(document)
        }
        // Each body is rewritten on its own (a tenth of a mirror's time when done one after another).
        let rewriter = LinkRewriter(siteHost: siteHost, targets: targets)
        for rewritten in ConcurrentMap.map(documents, rewriter.rewrite) {
            result.documents.append(rewritten.document)
            result.report.linksRewritten += rewritten.linksRewritten
            result.report.linksToOrigin += rewritten.linksToOrigin
            result.report.imagesMissing += rewritten.missingImages.count
            for url in rewritten.missingImages {
                result.diagnostics.append(Diagnostic(path: rewritten.document.path, severity: .warning, code: "mirror.image-missing",
                                                     message: "image \(url) is not in the crawl; the mirror shows it from the origin"))
            }
        }
        result.report.articles = result.documents.count
        return result
    }

    /// Each distinct image once, at the path of its first address; every address of it, by page key.
    private func placeImages(_ files: [CrawledFile], report: inout MirrorReport)
        -> (copies: [(path: String, entry: CrawlEntry)], paths: [String: String])
    {
        var copies: [(path: String, entry: CrawlEntry)] = []
        var byContent: [UInt64: String] = [:]
        var paths: [String: String] = [:]
        // Each image's key and mirrored path on every core (a crawl has tens of thousands); which
        // copy each content keeps is then decided in key order. No address may name a file outside
        // the output, or one no file system can hold: such a path is nil.
        let placed = ConcurrentMap.map(files) { file -> (key: String, path: String?) in
            let path = mirrorPath(of: file.entry.url, isPage: false)
            let usable = GraphBuilder.outputPath(path) != nil && GraphBuilder.unwritableReason(path) == nil && !path.hasSuffix("/")
            return (file.entry.url.pageKey, usable ? path : nil)
        }
        for index in Array(files.indices).sorted(byKey: { placed[$0].key }) {
            let file = files[index], key = placed[index].key
            if let path = byContent[file.contentHash] {
                paths[key] = path
                report.imagesShared += 1
                continue
            }
            guard let path = placed[index].path else { continue }
            byContent[file.contentHash] = path
            paths[key] = path
            copies.append((path, file.entry))
        }
        report.imagesCopied = copies.count
        return (copies, paths)
    }

    /// The mirrored path of an address (`CrawlURL.mirrorPath`), below a folder named for its host
    /// when it is not the site's.
    func mirrorPath(of url: CrawlURL, isPage: Bool) -> String {
        let path = url.mirrorPath(isPage: isPage)
        return url.siteHost == siteHost ? path : url.host + "/" + path
    }

    /// The section a listing's path names: its only segment, without extension (`thoi-su.htm`,
    /// `thoi-su/`), folded as section names are.
    static func sectionStem(_ path: String) -> String? {
        var stem = path.hasSuffix("/") ? String(path.dropLast()) : path
        guard !stem.isEmpty, !stem.contains("/") else { return nil }
        if let dot = stem.lastIndex(of: ".") { stem = String(stem[..<dot]) }
        let slug = Slug.fold(stem)
        return slug.isEmpty ? nil : slug
    }

    /// The articles' mirrored paths made distinct: two addresses can give one file name
    /// (`?id=a%20b` and `?id=a_20b`), and the redirect map and every link must know which
    /// article each means. A later one gets `-2` before its extension.
    static func unique(_ paths: [String]) -> [String] {
        var taken = Set<String>()
        return paths.map { path in
            var candidate = path
            var counter = 2
            while !taken.insert(candidate.hasSuffix("/") ? String(candidate.dropLast()) : candidate).inserted {
                candidate = Self.suffixed(path, counter)
                counter += 1
            }
            return candidate
        }
    }

    private static func suffixed(_ path: String, _ counter: Int) -> String {
        if path.hasSuffix("/") { return String(path.dropLast()) + "-\(counter)/" }
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path + "-\(counter)" }
        return String(path[..<dot]) + "-\(counter)" + String(path[dot...])
    }

    private static func unique(aliases values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
