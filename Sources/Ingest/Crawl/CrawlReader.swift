import Foundation
import Infrastructure

/// Reads the captures of one or more crawls, on every core: each page extracted and judged, each
/// image hashed. Several crawls are one source: for each address the newest capture is read.
public struct CrawlReader: Sendable {
    /// Reads pages, with the site's zone and extraction rules.
    public var pages: ScrapedPageReader
    /// Captures larger than this many bytes are not read.
    public var fileSizeLimit: Int
    /// Called once for every capture read or taken from the cache, from the reading threads: a
    /// build counts them for its progress line. It must be cheap and safe to call from any thread.
    public var onRead: @Sendable () -> Void = {}

    /// Makes a reader.
    public init(pages: ScrapedPageReader, fileSizeLimit: Int = 16 << 20) {
        self.pages = pages
        self.fileSizeLimit = fileSizeLimit
    }

    /// What the captures of a crawl were.
    public struct Result: Sendable {
        /// Every HTML page, articles and others, by address.
        public var pages: [CrawledPage] = []
        /// Every image.
        public var images: [CrawledFile] = []
        /// Style sheets, scripts, fonts and other files, which a mirror does not copy.
        public var otherFiles = 0
        /// Captures of an address replaced by a newer capture of it.
        public var olderCaptures = 0
        /// Captures that could not be read.
        public var diagnostics: [Diagnostic] = []
        /// Captures whose reading came from the cache.
        public var reused = 0

        /// An empty result (tests make crawls by hand).
        public init() {}
    }

    /// Reads `entries` (the captures of every crawl, in the order the crawls were given); a capture
    /// that `kept` has a reading of is not read again.
    public func read(_ entries: [CrawlEntry], kept: CrawlCache? = nil) -> Result {
        var result = Result()
        let newest = Self.newestCaptures(entries)
        result.olderCaptures = entries.count - newest.count
        let reading: @Sendable (CrawlEntry) -> (Read, Bool) = { entry in
            defer { self.onRead() }
            if var archived = kept?.readings[entry.cacheKey], let read = try? Self.read(archive: &archived, entry: entry) {
                return (read, true)
            }
            return (self.readFresh(entry), false)
        }
        var readings = ConcurrentMap.map(newest, reading)
        // A newer capture that is no article (a login wall, an error page served as 200) does not
        // hide the article an older crawl saved at that address: the older captures of such an
        // address are read, newest first, and the first article among them is kept.
        let older = Self.olderSuccessfulCaptures(entries, newest: newest)
        let retried: [(index: Int, candidates: [CrawlEntry])] = readings.indices.compactMap { index in
            guard case .page(let page) = readings[index].0, page.verdict != .article,
                  let candidates = older[page.entry.url.pageKey] else { return nil }
            return (index, candidates)
        }
        let replaced = ConcurrentMap.map(retried) { retry -> (Read, Bool)? in
            for candidate in retry.candidates {
                let read = reading(candidate)
                if case .page(let found) = read.0, found.verdict == .article { return read }
            }
            return nil
        }
        for (retry, read) in zip(retried, replaced) {
            if let read { readings[retry.index] = read }
        }
        for (item, reused) in readings {
            if reused { result.reused += 1 }
            switch item {
            case .page(let page):
                if page.verdict == .skipped(.unreadable) {
                    result.diagnostics.append(Diagnostic(path: page.entry.shown, severity: .warning, code: "mirror.unreadable",
                                                         message: "the page \(page.entry.url.text) could not be read or parsed; it was skipped"))
                }
                result.pages.append(page)
            case .image(let file): result.images.append(file)
            case .other: result.otherFiles += 1
            case .unreadable(let entry):
                result.diagnostics.append(Diagnostic(path: entry.shown, severity: .warning, code: "mirror.unreadable",
                                                     message: "the capture of \(entry.url.text) could not be read"))
            }
        }
        Self.hashSharedSizes(&result.images)
        return result
    }

    /// Reads one capture from its bytes.
    private func readFresh(_ entry: CrawlEntry) -> Read {
        switch entry.kind {
        case .page: return readPage(entry)
        case .image:
            // A saved file of a size no other image has cannot share its bytes: its hash waits
            // until another of its size is found (`hashSharedSizes`).
            if case .file = entry.location, entry.size > 0 { return .image(CrawledFile(entry: entry, contentHash: 0)) }
            guard entry.size <= fileSizeLimit, let bytes = entry.bytes() else { return .unreadable(entry) }
            return .image(CrawledFile(entry: entry, contentHash: ContentHash.of(bytes)))
        case .other: return .other
        }
    }

    /// Gives each image its content hash: read from the bytes for images whose size another image
    /// has too, made from the address for the others (they cannot share bytes with any). Reading
    /// 22,000 images of a mirror to hash them was most of their cost.
    static func hashSharedSizes(_ images: inout [CrawledFile]) {
        var bySize: [Int: [Int]] = [:]
        for (index, image) in images.enumerated() where image.contentHash == 0 { bySize[image.entry.size, default: []].append(index) }
        let shared = bySize.values.filter { $0.count > 1 }.flatMap { $0 }
        let entries = shared.map { images[$0].entry }
        let hashes = ConcurrentMap.map(entries) { entry in entry.bytes().map { ContentHash.of($0) } }
        for (index, hash) in zip(shared, hashes) { images[index].contentHash = hash ?? ContentHash.of(images[index].entry.url.text.utf8) }
        for index in images.indices where images[index].contentHash == 0 {
            // Tagged with the size so that it cannot equal a hash of bytes of another size by chance.
            images[index].contentHash = ContentHash.of(images[index].entry.url.text.utf8) ^ UInt64(images[index].entry.size)
        }
    }

    /// What one capture was.
    enum Read: Sendable {
        case page(CrawledPage)
        case image(CrawledFile)
        case other
        case unreadable(CrawlEntry)
    }

    /// One page, extracted with its address so its links are absolute; an HTTP error or a redirect
    /// is judged by its status alone.
    private func readPage(_ entry: CrawlEntry) -> Read {
        let empty = SourceDocument(path: entry.shown, kind: .scrapedHTML)
        func skipped(_ reason: PageVerdict.SkipReason) -> Read {
            .page(CrawledPage(entry: entry, verdict: .skipped(reason), document: empty, canonical: nil, textHash: 0))
        }
        if (300..<400).contains(entry.status) { return skipped(.redirect) }
        if entry.status >= 400 { return skipped(.httpError) }
        guard entry.size <= fileSizeLimit, var bytes = entry.bytes() else { return skipped(.unreadable) }
        if let charset = Self.charset(of: entry.contentType) {
            // The HTTP header's charset comes before the page's own, as browsers read it: a page in a
            // legacy encoding may declare it only there.
            bytes = Array("<meta charset=\"\(charset)\">".utf8) + bytes
        }
        let (document, extracted) = pages.extract(bytes, path: entry.shown, pageURL: entry.url.text, skipsListings: true)
        guard let extracted else { return skipped(.unreadable) }
        let verdict = PageVerdict.judge(extracted, words: document.wordCount)
        var kept = document
        if verdict != .article {
            kept = empty
            kept.title = document.title
            kept.section = document.section
        }
        return .page(CrawledPage(entry: entry, verdict: verdict, document: kept,
                                 canonical: extracted.canonical.flatMap(CrawlURL.init), textHash: ContentHash.of(extracted.text.utf8)))
    }

    /// For each address (scheme, `www.` and tracking parameters aside), its newest successful
    /// capture, else its newest; of two captured at the same time, the later in `entries`. A crawl
    /// holds `http://` captures that redirect to the `https://` page, and a later crawl may have
    /// found a page gone: the page as last seen is what a mirror keeps.
    static func newestCaptures(_ entries: [CrawlEntry]) -> [CrawlEntry] {
        var chosen: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            let key = entry.url.pageKey
            if let earlier = chosen[key], rank(entries[earlier]) > rank(entry) { continue }
            chosen[key] = index
        }
        return chosen.values.sorted().map { entries[$0] }
    }

    /// For each address whose chosen capture is a page, its other successful page captures,
    /// newest first.
    static func olderSuccessfulCaptures(_ entries: [CrawlEntry], newest: [CrawlEntry]) -> [String: [CrawlEntry]] {
        let chosen = Set(newest.map(\.cacheKey))
        var older: [String: [CrawlEntry]] = [:]
        for entry in entries where (200..<300).contains(entry.status) && entry.kind == .page && !chosen.contains(entry.cacheKey) {
            older[entry.url.pageKey, default: []].append(entry)
        }
        return older.mapValues { $0.sorted { $0.capturedAt > $1.capturedAt } }
    }

    private static func rank(_ entry: CrawlEntry) -> (Int, Int64) {
        ((200..<300).contains(entry.status) ? 1 : 0, entry.capturedAt)
    }

    /// The `charset` parameter of a `Content-Type` header, when it names one libxml2 can be told of.
    static func charset(of contentType: String?) -> String? {
        guard let contentType else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, String(pair[0]).whitespaceTrimmed.lowercased() == "charset" else { continue }
            let value = String(pair[1]).whitespaceTrimmed.trimmingCharacters(in: ["\"", "'"])
            if !value.isEmpty, value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_:.".contains($0)) }) { return value }
        }
        return nil
    }
}
