import Infrastructure
import Ingest

/// Which crawled pages are one article: pages that name another as canonical, articles with the
/// same text, redirects to an article. Each group has one representative, the page the others
/// point at, else the plainest address (no AMP, no query, the shortest path).
struct DuplicateGroups {
    private let pages: [CrawledPage]
    /// Union-find parents over article indexes.
    private var parent: [Int]
    /// Non-articles (an AMP copy judged too short, a redirect) attached to an article.
    private var attached: [Int: Int] = [:]
    /// Why each page joined its group: `canonical`, `same-text`, `redirect`.
    private(set) var reasons: [Int: String] = [:]
    /// How many pages name each page as canonical.
    private var named: [Int: Int] = [:]
    /// See `article(of:)`.
    private var representativeOf: [Int?] = []
    /// See `members(of:)`.
    private var membersOf: [Int: [Int]] = [:]

    init(pages: [CrawledPage]) {
        self.pages = pages
        parent = Array(pages.indices)
    }

    /// Finds every link between pages, then each group's representative.
    mutating func join() {
        var byKey: [String: Int] = [:]
        for (index, page) in pages.enumerated() { byKey[page.entry.url.pageKey] = index }
        var byText: [UInt64: Int] = [:]
        for (index, page) in pages.enumerated() {
            let isArticle = page.verdict == .article
            if let canonical = page.canonical, canonical.pageKey != page.entry.url.pageKey,
               let target = byKey[canonical.pageKey], pages[target].verdict == .article {
                named[target, default: 0] += 1
                if isArticle { union(index, target, reason: "canonical") } else if page.verdict != .skipped(.httpError) {
                    attach(index, to: target, reason: "canonical")
                }
            }
            // The same text under the same headline, where no canonical link says the two are
            // different articles: two stories sharing a body (a paywall stub, a wire text under two
            // headlines) stay two.
            if isArticle, page.textHash != 0 {
                let key = page.textHash ^ ContentHash.of((page.document.title ?? "").utf8)
                if let earlier = byText[key] {
                    if canonicalsAgree(index, earlier, byKey: byKey) { union(index, earlier, reason: "same-text") }
                } else {
                    byText[key] = index
                }
            }
            if page.verdict == .skipped(.redirect), let location = page.entry.redirect,
               let target = CrawlURL(Self.absolute(location, from: page.entry.url)).flatMap({ byKey[$0.pageKey] }),
               pages[target].verdict == .article {
                attach(index, to: target, reason: "redirect")
            }
        }
        settle()
    }

    /// Whether two pages' canonical links allow them to be one article: a page naming no other
    /// page claims nothing; two pages naming others must name the same page, or pages already
    /// joined.
    private func canonicalsAgree(_ first: Int, _ second: Int, byKey: [String: Int]) -> Bool {
        func named(_ index: Int) -> String? {
            guard let key = pages[index].canonical?.pageKey, key != pages[index].entry.url.pageKey else { return nil }
            return key
        }
        guard let a = named(first), let b = named(second), a != b else { return true }
        guard let targetA = byKey[a], let targetB = byKey[b] else { return false }
        return find(targetA) == find(targetB)
    }

    /// The representative of the article a page belongs to, or nil when it is no article's
    /// (after `join`).
    func article(of index: Int) -> Int? { representativeOf[index] }

    /// One representative per group, in page order.
    func representatives() -> [Int] {
        pages.indices.filter { representativeOf[$0] == $0 }
    }

    /// Every page of a representative's group, itself first.
    func members(of representative: Int) -> [Int] {
        membersOf[representative] ?? [representative]
    }

    private func find(_ index: Int) -> Int {
        var index = index
        while parent[index] != index { index = parent[index] }
        return index
    }

    private mutating func union(_ first: Int, _ second: Int, reason: String) {
        let (a, b) = (find(first), find(second))
        guard a != b else { return }
        parent[max(a, b)] = min(a, b)
        reasons[first] = reasons[first] ?? reason
    }

    private mutating func attach(_ index: Int, to target: Int, reason: String) {
        attached[index] = target
        reasons[index] = reason
    }

    /// Picks each group's representative (the page the others name as canonical, else the
    /// plainest address) and lists its members, once every link is known.
    private mutating func settle() {
        var best: [Int: Int] = [:]
        for index in pages.indices where pages[index].verdict == .article {
            let root = find(index)
            if let current = best[root], rank(current) <= rank(index) { continue }
            best[root] = index
        }
        representativeOf = pages.indices.map { index in
            if pages[index].verdict == .article { return best[find(index)] }
            return attached[index].flatMap { best[find($0)] }
        }
        for index in pages.indices {
            guard let representative = representativeOf[index], representative != index else { continue }
            membersOf[representative, default: [representative]].append(index)
        }
    }

    private func rank(_ index: Int) -> (Int, Int, Int, Int, String) {
        let url = pages[index].entry.url
        return (-(named[index] ?? 0), Self.isAMP(url) ? 1 : 0, url.meaningfulQuery.isEmpty ? 0 : 1, url.path.count, url.pageKey)
    }

    /// An AMP copy by the usual addresses: an `amp` folder or suffix, or an `amp` query.
    static func isAMP(_ url: CrawlURL) -> Bool {
        url.path.split(separator: "/").contains { $0 == "amp" || $0.hasSuffix(".amp") || $0.hasSuffix(".amp.html") || $0.hasSuffix(".amp.htm") }
            || url.meaningfulQuery.split(separator: "&").contains { $0 == "amp" || $0.hasPrefix("amp=") || $0 == "outputType=amp" }
    }

    /// A redirect's `Location`, absolute.
    static func absolute(_ location: String, from url: CrawlURL) -> String {
        if CrawlURL(location) != nil { return location }
        if location.hasPrefix("//") { return url.scheme + ":" + location }
        if location.hasPrefix("/") { return url.scheme + "://" + url.host + location }
        let folder = url.path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return url.scheme + "://" + url.host + folder + "/" + location
    }
}
