/// A URL pattern such as `/:year/:month/:day/:slug/`, checked when the config is read.
public struct Permalink: Sendable, Hashable {
    /// One piece of a pattern.
    public enum Part: Sendable, Hashable {
        /// Text copied as it is.
        case literal(String)
        /// `:year`, `:month`, `:day`, `:slug`, `:section`.
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
        /// The article's slug.
        case slug
        /// The slug of the article's section (`uncategorized` without one).
        case section
    }

    /// The pattern as parsed.
    public let parts: [Part]
    /// The pattern as written.
    public let pattern: String

    /// The default article URL: `/YYYY/MM/DD/slug/`.
    public static let defaultArticle = try! Permalink(parsing: "/:year/:month/:day/:slug/")

    /// Parses a pattern; unknown placeholders are an error naming the ones that exist.
    public init(parsing pattern: String) throws(PermalinkError) {
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
            let nameEnd = pattern[nameStart...].firstIndex { !$0.isLetter } ?? pattern.endIndex
            let name = String(pattern[nameStart..<nameEnd])
            guard let placeholder = Placeholder(rawValue: name) else {
                throw PermalinkError(pattern: pattern, placeholder: name)
            }
            if !literal.isEmpty { parts.append(.literal(literal)) }
            literal = ""
            parts.append(.placeholder(placeholder))
            index = nameEnd
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        guard parts.contains(.placeholder(.slug)) else {
            throw PermalinkError(pattern: pattern, placeholder: nil)
        }
        self.parts = parts
        self.pattern = pattern
    }

    /// Fills the pattern in; the result has no leading `/` (it is relative to the site root).
    public func expand(_ value: (Placeholder) -> String) -> String {
        var path = ""
        for part in parts {
            switch part {
            case .literal(let text): path += text
            case .placeholder(let placeholder): path += value(placeholder)
            }
        }
        while path.hasPrefix("/") { path.removeFirst() }
        return path
    }
}

/// A permalink pattern that cannot be used.
public struct PermalinkError: Error, Sendable {
    /// The pattern as written.
    public var pattern: String
    /// The unknown placeholder, or nil when the pattern lacks `:slug`.
    public var placeholder: String?

    /// What is wrong, naming the placeholders that exist.
    public var message: String {
        let known = Permalink.Placeholder.allCases.map { ":" + $0.rawValue }.joined(separator: ", ")
        if let placeholder {
            return "unknown placeholder ':\(placeholder)' in permalink '\(pattern)' (known: \(known))"
        }
        return "permalink '\(pattern)' must contain :slug so that every article gets its own URL"
    }
}
