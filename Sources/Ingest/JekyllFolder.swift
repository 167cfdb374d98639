import Foundation

/// Jekyll's content folders: `_posts/` holds dated posts named `2021-11-30-slug.md`, `_drafts/`
/// posts not yet published. Either may sit in a category folder (`news/_posts/`).
public enum JekyllFolder: Sendable {
    /// `_posts/`.
    case posts
    /// `_drafts/`: built only with `--drafts`.
    case drafts

    /// The folder a content path is in, when it is one of Jekyll's; nil for any other.
    public init?(path: String) {
        // Split as bytes: by `Character`, for every file read, it ran grapheme breaking over each path.
        let folders = path.utf8.split(separator: UInt8(ascii: "/")).dropLast()
        if folders.contains(where: { $0.elementsEqual("_drafts".utf8) }) {
            self = .drafts
        } else if folders.contains(where: { $0.elementsEqual("_posts".utf8) }) {
            self = .posts
        } else {
            return nil
        }
    }

    /// Whether a folder name is one of Jekyll's: it holds posts, and names no section.
    public static func isJekyllFolder(_ name: Substring) -> Bool {
        name == "_posts" || name == "_drafts"
    }

    /// A title made from a file name's slug, as Jekyll makes one: `my-first-post` → `My First Post`.
    public static func title(fromSlug slug: String) -> String {
        slug.split(whereSeparator: { $0 == "-" || $0 == "_" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}
