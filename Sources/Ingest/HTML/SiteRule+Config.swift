import SiteConfig

extension SiteRule {
    /// The rule a site's config describes.
    public init(_ rule: ExtractionRule) {
        self.init(host: rule.host, content: rule.content, remove: rule.remove, title: rule.title, date: rule.date,
                  author: rule.author)
    }

    /// The selectors of `rule` that the extractor cannot use, so the config can be fixed instead of
    /// a rule silently doing nothing.
    public static func unsupportedSelectors(in rule: ExtractionRule) -> [String] {
        rule.selectors.filter { CSSSelector($0) == nil }
    }
}
