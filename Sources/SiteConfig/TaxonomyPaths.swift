/// Where the list pages of tags, sections and authors live: `taxonomies:` in `site.yml`. The
/// defaults are Broadsheet's own (`/tag/x/`, `/tags/`, `/section/x/`, `/author/x/`); a site moved
/// from Hugo keeps its addresses with `tag: tags`, `section: categories`, `author: authors`.
public struct TaxonomyPaths: Sendable, Hashable {
    /// The folder of each tag's list (`tag` → `/tag/x/`).
    public var tag = "tag"
    /// The folder of the list of every tag (`tags` → `/tags/`).
    public var tagsIndex = "tags"
    /// The folder of each section's list, where a content folder does not give it its own path.
    public var section = "section"
    /// The folder of each author's list.
    public var author = "author"
    /// The folder of the list of every author; none unless set, or unless `author` is changed
    /// (Hugo writes one at `/authors/`).
    public var authorsIndex: String?
    /// The folder of each category's list and of the list of every category (Hugo's
    /// `/categories/x/` and `/categories/`). Nil, the default, makes no category lists: an
    /// article's first category is then its section and the others are tags.
    public var category: String?

    /// Broadsheet's own paths.
    public init() {}

    /// A prefix as written (`/tags/`, `tags`) as it is joined: no slash at either end.
    static func normalized(_ written: String) -> String {
        var prefix = Substring(written)
        while prefix.hasPrefix("/") { prefix = prefix.dropFirst() }
        while prefix.hasSuffix("/") { prefix = prefix.dropLast() }
        return String(prefix)
    }
}
