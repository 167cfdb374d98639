import Infrastructure

/// A URL pattern such as `/:year/:month/:day/:slug/`, checked when the config is read. The
/// placeholders are Broadsheet's, Jekyll's and Hugo's, so that a moved site's patterns are
/// written as they were; Jekyll's named styles (`pretty`, `date`, …) are read too.
public struct Permalink: Sendable, Hashable {
    /// One piece of a pattern.
    public enum Part: Sendable, Hashable {
        /// Text copied as it is.
        case literal(String)
        /// `:year`, `:slug`, `:categories`, …
        case placeholder(Placeholder)
    }

    /// The values a pattern can use.
    public enum Placeholder: String, Sendable, Hashable, CaseIterable {
        /// Four-digit year of the publication date.
        case year
        /// Two-digit month.
        case month
        /// Two-digit day.
        case day
        /// Month without a leading zero (Jekyll).
        case i_month
        /// Day without a leading zero (Jekyll).
        case i_day
        /// Two-digit year (Jekyll).
        case short_year
        /// Three-digit day of the year (Jekyll's `ordinal` style).
        case y_day
        /// The article's slug: `slug:`, else the file name (without a Jekyll date), else the title.
        case slug
        /// Jekyll's `:title`: for a Jekyll post, `slug:` or the file name's slug as written; for
        /// any other file, Hugo's: the title, folded into a slug.
        case title
        /// The file name without its extension; a bundle's (`index.md`) is its folder's name (Hugo).
        case filename
        /// The slug of the article's section (`uncategorized` without one).
        case section
        /// Hugo's: the folders the file is in, lowercased (a bundle's own folder is the page's, not one of them).
        case sections
        /// Jekyll's categories, lowercased and joined by `/`: the folders above `_posts/`, then
        /// those of the front matter; empty without any.
        case categories
        /// `.html` (Jekyll's extension of a page's output).
        case output_ext
    }

    /// The pattern as parsed.
    public let parts: [Part]
    /// The pattern as written.
    public let pattern: String

    /// The default article URL: `/YYYY/MM/DD/slug/`.
    public static let defaultArticle = try! Permalink(parsing: "/:year/:month/:day/:slug/")

    /// Jekyll's named permalink styles and the patterns they stand for.
    public static let jekyllStyles: [String: String] = [
        "date": "/:categories/:year/:month/:day/:title:output_ext",
        "pretty": "/:categories/:year/:month/:day/:title/",
        "ordinal": "/:categories/:year/:y_day/:title:output_ext",
        "none": "/:categories/:title:output_ext",
    ]

    /// Parses a pattern or a Jekyll style name; unknown placeholders are an error naming the ones that exist.
    public init(parsing written: String) throws(PermalinkError) {
        let pattern = Self.jekyllStyles[written] ?? written
        var parts: [Part] = []
        var literal = ""
        var index = pattern.startIndex
        while index < pattern.endIndex {
            let character = pattern[index]
            guard character == ":" else {
                literal.append(character)
                index = pattern.index(after: index)
                continue
            }
            let nameStart = pattern.index(after: index)
            let nameEnd = pattern[nameStart...].firstIndex { !($0.isLetter || $0 == "_") } ?? pattern.endIndex
            let name = String(pattern[nameStart..<nameEnd])
            guard let placeholder = Placeholder(rawValue: name) else {
                throw PermalinkError(pattern: written, placeholder: name)
            }
            if !literal.isEmpty { parts.append(.literal(literal)) }
            literal = ""
            parts.append(.placeholder(placeholder))
            index = nameEnd
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        guard parts.contains(where: { Self.naming.contains($0) }) else {
            throw PermalinkError(pattern: written, placeholder: nil)
        }
        self.parts = parts
        self.pattern = written
    }

    /// Whether the pattern names a file (`/:title:output_ext`, `/:slug.html`) rather than a folder.
    public var namesFile: Bool {
        switch parts.last {
        case .placeholder(.output_ext): return true
        case .literal(let text): return text.hasSuffix(".html") || text.hasSuffix(".htm")
        default: return false
        }
    }

    /// Whether the pattern holds a part of the date: an undated page cannot fill it in.
    public var isDated: Bool {
        parts.contains { part in
            guard case .placeholder(let placeholder) = part else { return false }
            return [.year, .month, .day, .i_month, .i_day, .short_year, .y_day].contains(placeholder)
        }
    }

    /// The placeholders that tell one article from another on the same day.
    private static let naming: [Part] = [.placeholder(.slug), .placeholder(.title), .placeholder(.filename)]

    /// Fills the pattern in; the result has no leading `/` (it is relative to the site root), and
    /// a placeholder that expands to nothing (`:categories` without any) leaves no empty segment.
    public func expand(_ value: (Placeholder) -> String) -> String {
        var path = ""
        for part in parts {
            switch part {
            case .literal(let text): path += text
            case .placeholder(let placeholder): path += value(placeholder)
            }
        }
        // Searched byte for byte: Foundation's `contains` went through CFString for every article.
        while path.containsBytes("//") { path = path.replacing("//", with: "/") }
        while path.hasPrefix("/") { path.removeFirst() }
        return path
    }
}

/// A permalink pattern that cannot be used.
public struct PermalinkError: Error, Sendable {
    /// The pattern as written.
    public var pattern: String
    /// The unknown placeholder, or nil when the pattern names no article (no `:slug`, `:title` or `:filename`).
    public var placeholder: String?

    /// What is wrong, naming the placeholders that exist.
    public var message: String {
        let known = Permalink.Placeholder.allCases.map { ":" + $0.rawValue }.joined(separator: ", ")
        if let placeholder {
            return "unknown placeholder ':\(placeholder)' in permalink '\(pattern)' (known: \(known); "
                + "Jekyll styles: date, pretty, ordinal, none)"
        }
        return "permalink '\(pattern)' must contain :slug, :title or :filename so that every article gets its own URL"
    }
}
