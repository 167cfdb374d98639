/// Per-site extraction hints from `site.yml` (`extraction.rules`), for crawled pages the general
/// heuristics read wrongly. Selectors are CSS; they are checked when the build starts.
public struct ExtractionRule: Sendable, Hashable {
    /// The host the rule applies to (`example.com` also covers its subdomains).
    public var host: String
    /// Where the article body is.
    public var content: String?
    /// Elements to delete before anything is read.
    public var remove: [String]
    /// Where the title is printed.
    public var title: String?
    /// Where the publication date is printed.
    public var date: String?
    /// Where the author's name is printed.
    public var author: String?
    /// Where the rule was written in `site.yml` (1-based line and column), for error messages.
    public var line: Int
    /// See `line`.
    public var column: Int

    /// Makes a rule.
    public init(host: String, content: String? = nil, remove: [String] = [], title: String? = nil, date: String? = nil,
                author: String? = nil, line: Int = 0, column: Int = 0) {
        self.host = host
        self.content = content
        self.remove = remove
        self.title = title
        self.date = date
        self.author = author
        self.line = line
        self.column = column
    }

    /// Every selector of the rule, for checking.
    public var selectors: [String] {
        [content, title, date, author].compactMap { $0 } + remove
    }
}
