import ContentGraph
import Infrastructure
import SiteConfig

/// The file `broadsheet new` writes: where an article or a page goes in the site's content folder
/// (`Content/`, a Hugo site's `content/`, a Jekyll site's `_posts/`), and its front matter. Pure:
/// the command gives the time and writes the file.
public struct NewContent: Sendable, Equatable {
    /// The path relative to the site folder (`Content/thoi-su/tieu-de.md`).
    public var path: String
    /// The file's text: front matter, then an empty body.
    public var text: String

    /// An article titled `title` dated `now` (in the site's zone) in `section` (a section's name
    /// or slug from `site.yml`, or a new one) with `tags`; or, with `isPage`, an undated page.
    /// With `jekyllPosts` an article goes into `_posts/` (below its section's folder) named
    /// `YYYY-MM-DD-slug.md`, as Jekyll finds posts; a page is at the top of the content folder
    /// either way. Nil when the title gives no slug (nothing but punctuation).
    public init?(title: String, section: String?, tags: [String], isPage: Bool, now: CivilDate, config: SiteConfig, jekyllPosts: Bool = false) {
        let slug = Slug.fold(title)
        guard !slug.isEmpty else { return nil }
        var lines = ["---", "title: " + Self.quoted(title)]
        var folders: [String] = []
        var fileName = slug
        if isPage {
            lines.append("type: page")
        } else {
            lines.append("date: " + now.iso8601)
            let configured = section.flatMap { wanted in
                config.sections.first { $0.name == wanted || $0.slug == wanted || Slug.fold($0.name) == Slug.fold(wanted) }
            }
            let folder = configured.map { $0.slug ?? Slug.fold($0.name) } ?? section.map(Slug.fold) ?? ""
            if let name = configured?.name ?? section, !folder.isEmpty {
                lines.append("section: " + Self.quoted(name))
                folders.append(folder)
            }
            if !tags.isEmpty { lines.append("tags: [" + tags.map(Self.quoted).joined(separator: ", ") + "]") }
            if jekyllPosts {
                folders.append("_posts")
                fileName = String(now.iso8601.prefix(10)) + "-" + slug
            }
        }
        path = config.sitePath(ofContent: (folders + [fileName + ".md"]).joined(separator: "/"))
        lines += ["---", "", ""]
        text = lines.joined(separator: "\n")
    }

    /// A YAML double-quoted scalar: any title is read back as written.
    static func quoted(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default:
                if scalar.value < 0x20 { escaped += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4) } else { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped + "\""
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
