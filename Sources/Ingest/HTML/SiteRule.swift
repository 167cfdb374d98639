import SiteConfig

/// Extraction hints for one site, for pages the general heuristics read wrongly: the rule a
/// site's `extraction.rules` in `site.yml` gives (one type, so config and extractor cannot drift).
/// Selectors are CSS (type, `.class`, `#id`, `[attr]`, `[attr=value]`, descendant and child
/// combinators, `,` lists).
public typealias SiteRule = ExtractionRule

extension ExtractionRule {
    /// Whether the rule covers `host` (the same host or a subdomain of it, case-insensitively).
    public func matches(host other: String) -> Bool {
        let mine = host.lowercased(), theirs = other.lowercased()
        return theirs == mine || theirs.hasSuffix("." + mine)
    }

    /// The selectors of the rule that the extractor cannot use, so the config can be fixed instead
    /// of a rule silently doing nothing.
    public var unsupportedSelectors: [String] {
        selectors.filter { CSSSelector($0) == nil }
    }
}
