/// How a slug someone wrote (`slug:`, a file or folder name) becomes part of a URL: `slugify.paths`
/// in `site.yml`, as Zola names it. Slugs made from titles are always folded.
public enum SlugStyle: String, Sendable, Hashable, CaseIterable {
    /// Folded as a title is: lowercase ASCII, diacritics dropped (`Town_Hall.v2` → `town-hall-v2`).
    case on
    /// Kept as written but for what a URL path cannot hold (case, `_`, `.` stay): the default, as
    /// Hugo keeps a slug.
    case safe
    /// Kept as `safe` keeps it, then lowercased, with the folders of a page's path: as Hugo makes
    /// paths (`slug: Ferry_Schedule` → `ferry_schedule`, `My-Post.md` → `my-post`). The style of a
    /// site whose config is Hugo's, unless it sets `disablePathToLower`.
    case lower
    /// Kept exactly as written but for `/`, `\` and control characters, which would make other
    /// folders or no file at all; spaces and the like are percent-encoded in links.
    case off
}
