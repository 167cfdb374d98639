/// What a mirror made of its crawls, for the summary line and the JSON report: every page read is
/// counted once, as an article, an alias of one, or skipped for a reason.
public struct MirrorReport: Sendable, Hashable, Codable {
    /// HTML pages read (the newest capture of each address).
    public var pagesRead = 0
    /// Articles mirrored.
    public var articles = 0
    /// Pages that are not articles, by reason (`listing`, `too-short`, `no-date`, …).
    public var skipped: [String: Int] = [:]
    /// Addresses that became redirects to an article or section, by why (`canonical`, `same-text`,
    /// `redirect`, `section`).
    public var aliases: [String: Int] = [:]
    /// Distinct images copied.
    public var imagesCopied = 0
    /// Image addresses whose bytes another address already had (copied once, linked to it).
    public var imagesShared = 0
    /// Images articles show that the crawl does not have: they keep their address on the origin.
    public var imagesMissing = 0
    /// Links between crawled pages pointed at their mirrored address.
    public var linksRewritten = 0
    /// Links to pages of the site that the crawl does not have, left on the origin.
    public var linksToOrigin = 0
    /// Style sheets, scripts and other files of the original site, not copied.
    public var otherFiles = 0
    /// Older captures of an address that a newer capture replaced.
    public var olderCaptures = 0

    /// An empty report.
    public init() {}

    /// `mirror: 6 articles from 12 pages (…)`: the summary line's numbers.
    public var summary: String {
        let skippedText = skipped.keys.sorted().map { "\(skipped[$0] ?? 0) \($0)" }.joined(separator: ", ")
        let aliasText = aliases.keys.sorted().map { "\(aliases[$0] ?? 0) \($0)" }.joined(separator: ", ")
        return "mirror: \(articles) articles from \(pagesRead) pages; skipped \(skipped.values.reduce(0, +))"
            + (skippedText.isEmpty ? "" : " (\(skippedText))")
            + "; aliases \(aliases.values.reduce(0, +))" + (aliasText.isEmpty ? "" : " (\(aliasText))")
            + "; images \(imagesCopied) copied, \(imagesShared) shared, \(imagesMissing) missing"
            + "; links \(linksRewritten) rewritten, \(linksToOrigin) left on the origin"
    }
}
