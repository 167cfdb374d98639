/// What `class` and `id` names say about an element: the word lists of Mozilla Readability (Apache-2.0),
/// which the reader views of browsers have tuned over a decade, plus the cookie-consent boxes privacy
/// laws have since put on most pages (`cookie-notice`, `consent-dialog`), and the names Vietnamese news
/// sites use (`noi-dung` content, `sapo` lede, `tin-lien-quan` related news, `quang-cao` advertising,
/// `binh-luan` comments).
///
/// Matched as lower-case substrings, as Readability's case-insensitive alternations are, but without
/// building regular expressions: these run on every element of every page.
enum ClassHints {
    static let unlikely: Words = [
        "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
        "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
        "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
        "yom-remote", "cookie", "consent",
        "lien-quan", "lienquan", "quang-cao", "quangcao", "binh-luan", "binhluan", "tin-khac", "tinkhac",
        "noi-bat", "xem-them", "xemthem", "doc-them",
    ]
    static let maybeCandidate: Words = ["and", "article", "body", "column", "content", "main", "shadow", "noi-dung", "noidung",
                                 "chi-tiet", "detail"]
    static let positive: Words = [
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text", "blog",
        "story", "noi-dung", "noidung", "chi-tiet", "chitiet", "detail", "sapo", "fck", "baiviet", "bai-viet",
    ]
    /// `foot` and `footnote` are left out: footnotes belong to the article, as current reader views agree.
    static let negative: Words = [
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr",
        "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
        "skyscraper", "sponsor", "shopping", "tags", "widget",
        "lien-quan", "lienquan", "quang-cao", "quangcao", "binh-luan", "binhluan", "tin-khac", "chia-se", "chiase",
    ]
    static let byline: Words = ["byline", "author", "dateline", "writtenby", "p-author", "tac-gia", "tacgia"]

    /// A word list encoded once as lower-case UTF-8 and grouped by first byte, so matching allocates
    /// nothing and tries at each position only the words that start with the byte found there.
    struct Words: ExpressibleByArrayLiteral {
        let patterns: [[UInt8]]
        /// For each byte value, the patterns that start with it.
        let byFirstByte: [[[UInt8]]]
        /// For each byte value, whether any pattern starts with it: most bytes of a name start none,
        /// and this answers without touching the list of lists.
        let startsAny: [Bool]

        init(arrayLiteral words: String...) {
            patterns = words.map { Array($0.lowercased().utf8) }.filter { !$0.isEmpty }
            var buckets = [[[UInt8]]](repeating: [], count: 256)
            for pattern in patterns { buckets[Int(pattern[0])].append(pattern) }
            byFirstByte = buckets
            startsAny = buckets.map { !$0.isEmpty }
        }
    }

    /// Whether any word occurs in `names`, the lower-cased bytes of an element's `class` and `id`
    /// (`DOMNode.classAndID`). One pass over the names with a first-byte table: trying each word over the
    /// whole string in turn was the largest single cost left in the body search.
    static func matches(_ names: [UInt8], _ words: Words) -> Bool {
        names.withUnsafeBufferPointer { matches($0, words) }
    }

    /// `matches` over names kept in a larger buffer.
    static func matches(_ hay: UnsafeBufferPointer<UInt8>, _ words: Words) -> Bool {
        for start in 0..<hay.count where words.startsAny[Int(hay[start])] {
            for pattern in words.byFirstByte[Int(hay[start])] where pattern.count <= hay.count - start {
                var offset = 1
                while offset < pattern.count, hay[start + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return true }
            }
        }
        return false
    }

    /// Plain substring search over bytes: Foundation's `contains` was the top cost of a whole extraction.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pattern in
                let first = pattern[0]
                let last = hay.count - pattern.count
                var start = 0
                while start <= last {
                    if hay[start] == first {
                        var offset = 1
                        while offset < pattern.count, hay[start + offset] == pattern[offset] { offset += 1 }
                        if offset == pattern.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }

    static func isUnlikely(_ names: [UInt8]) -> Bool { matches(names, unlikely) }
    static func isMaybeCandidate(_ names: [UInt8]) -> Bool { matches(names, maybeCandidate) }
    static func isByline(_ names: [UInt8]) -> Bool { matches(names, byline) }
    static func isPositive(_ names: [UInt8]) -> Bool { matches(names, positive) }

    /// Readability's negative list also holds `hid` as a whole space-separated word.
    static func isNegative(_ names: [UInt8]) -> Bool {
        matches(names, negative) || names.split(separator: 32).contains { $0.elementsEqual("hid".utf8) }
    }

    static let shareWords = Words(arrayLiteral: "share", "sharedaddy")

    /// `share` or `sharedaddy` as a word of its own, `_` counting as a boundary.
    static func isShare(_ names: [UInt8]) -> Bool {
        func isWordByte(_ byte: UInt8) -> Bool {
            (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90)
        }
        for pattern in shareWords.patterns where names.count >= pattern.count {
            for start in 0...(names.count - pattern.count)
            where names[start] == pattern[0] && names[start..<start + pattern.count].elementsEqual(pattern) {
                let before = start == 0 || !isWordByte(names[start - 1])
                let end = start + pattern.count
                let after = end == names.count || !isWordByte(names[end])
                if before && after { return true }
            }
        }
        return false
    }
}
