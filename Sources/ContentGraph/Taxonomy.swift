/// A tag: every spelling that folds to the same slug is one tag.
public struct Tag: Sendable {
    /// Identity and URL segment.
    public var slug: String
    /// The most used spelling.
    public var name: String
    /// Indexes of its articles, newest first.
    public var articles: [Int]
}

/// The home page's own title and text, from `_index.md` at the top of the content folder (Hugo's
/// home page); both nil without one.
public struct HomeText: Sendable {
    /// The list's title, in place of the theme's "home" label.
    public var title: String?
    /// HTML shown above the list.
    public var text: String?

    /// Makes the home page's text.
    public init(title: String? = nil, text: String? = nil) {
        self.title = title
        self.text = text
    }
}

/// A section of the site (`Thời sự`).
public struct Section: Sendable {
    /// Identity and URL segment.
    public var slug: String
    /// Display name.
    public var name: String
    /// Indexes of its articles, newest first.
    public var articles: [Int]
    /// Old addresses that redirect to the section's page (a mirrored site's listing pages).
    public var aliases: [String] = []
    /// Where its list's first page is, relative to the site root: `section/slug/`, or in a Hugo
    /// layout its folder's own path (`blog/`), or the `url:` of its `_index.md`.
    public var path: String
    /// The body of its `_index.md`, as HTML, shown above its list; nil without one.
    public var text: String?

    /// Makes a section; its list is at `section/slug/` unless `path` says otherwise.
    public init(slug: String, name: String, articles: [Int], aliases: [String] = [], path: String? = nil, text: String? = nil) {
        self.slug = slug
        self.name = name
        self.articles = articles
        self.aliases = aliases
        self.path = path ?? "section/\(slug)/"
        self.text = text
    }
}

/// An author with a page of their articles.
public struct Author: Sendable {
    /// Identity and URL segment.
    public var slug: String
    /// Display name, the most used spelling.
    public var name: String
    /// Indexes of their articles, newest first.
    public var articles: [Int]
}

/// The articles of one year, month or day, in the site's zone.
public struct DateBucket: Sendable {
    /// How wide the bucket is.
    public enum Granularity: Sendable, Hashable {
        /// `/2021/`.
        case year
        /// `/2021/11/`.
        case month
        /// `/2021/11/30/`.
        case day
    }

    /// How wide the bucket is.
    public var granularity: Granularity
    /// The year.
    public var year: Int
    /// The month (1–12), 0 for a year bucket.
    public var month: Int
    /// The day (1–31), 0 for year and month buckets.
    public var day: Int
    /// Indexes of its articles, newest first.
    public var articles: [Int]

    /// Output path relative to the site root: `2021/`, `2021/11/`, `2021/11/30/`.
    public var path: String {
        let monthPart = month < 10 ? "0\(month)" : "\(month)"
        let dayPart = day < 10 ? "0\(day)" : "\(day)"
        switch granularity {
        case .year: return "\(year)/"
        case .month: return "\(year)/\(monthPart)/"
        case .day: return "\(year)/\(monthPart)/\(dayPart)/"
        }
    }
}
