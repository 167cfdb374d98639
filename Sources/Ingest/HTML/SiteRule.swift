/// Extraction hints for one site, for pages the general heuristics read wrongly. Selectors are CSS
/// (type, `.class`, `#id`, `[attr]`, `[attr=value]`, descendant and child combinators, `,` lists).
public struct SiteRule: Sendable, Hashable {
    /// The host the rule applies to; `example.com` also covers its subdomains.
    public var host: String
    /// Where the article body is; the first match wins over the heuristics.
    public var content: String?
    /// Elements to delete before anything else is read.
    public var remove: [String]
    /// Where the title is printed.
    public var title: String?
    /// Where the publication date is printed (text or a `datetime`/`content` attribute).
    public var date: String?
    /// Where the author's name is printed.
    public var author: String?

    /// Makes a rule for `host`.
    public init(host: String, content: String? = nil, remove: [String] = [], title: String? = nil,
                date: String? = nil, author: String? = nil) {
        self.host = host
        self.content = content
        self.remove = remove
        self.title = title
        self.date = date
        self.author = author
    }

    /// Whether the rule covers `host` (the same host or a subdomain of it, case-insensitively).
    public func matches(host other: String) -> Bool {
        let mine = host.lowercased(), theirs = other.lowercased()
        return theirs == mine || theirs.hasSuffix("." + mine)
    }
}
