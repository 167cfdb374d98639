/// What `class` and `id` names say about an element: the word lists of Mozilla Readability (Apache-2.0),
/// which the reader views of browsers have tuned over a decade, plus the names Vietnamese news sites use
/// (`noi-dung` content, `sapo` lede, `tin-lien-quan` related news, `quang-cao` advertising, `binh-luan` comments).
///
/// Matched as lower-case substrings, as Readability's case-insensitive alternations are, but without
/// building regular expressions: these run on every element of every page.
enum ClassHints {
    static let unlikely = [
        "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
        "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
        "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
        "yom-remote",
        "lien-quan", "lienquan", "quang-cao", "quangcao", "binh-luan", "binhluan", "tin-khac", "tinkhac",
        "noi-bat", "xem-them", "xemthem", "doc-them",
    ]
    static let maybeCandidate = ["and", "article", "body", "column", "content", "main", "shadow", "noi-dung", "noidung",
                                 "chi-tiet", "detail"]
    static let positive = [
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text", "blog",
        "story", "noi-dung", "noidung", "chi-tiet", "chitiet", "detail", "sapo", "fck", "baiviet", "bai-viet",
    ]
    /// `foot` and `footnote` are left out: footnotes belong to the article, as current reader views agree.
    static let negative = [
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr",
        "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
        "skyscraper", "sponsor", "shopping", "tags", "widget",
        "lien-quan", "lienquan", "quang-cao", "quangcao", "binh-luan", "binhluan", "tin-khac", "chia-se", "chiase",
    ]
    static let byline = ["byline", "author", "dateline", "writtenby", "p-author", "tac-gia", "tacgia"]

    static func matches(_ text: String, _ words: [String]) -> Bool {
        let haystack = lowercasedBytes(text)
        return words.contains { contains(haystack, Array($0.utf8)) }
    }

    /// ASCII-lowercased UTF-8 (class and id names are ASCII in practice; other bytes pass through).
    static func lowercasedBytes(_ text: String) -> [UInt8] {
        text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    }

    /// Plain substring search over bytes: Foundation's `contains` was the top cost of a whole extraction.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        let first = needle[0]
        let last = haystack.count - needle.count
        var start = 0
        while start <= last {
            if haystack[start] == first {
                var offset = 1
                while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    static func isUnlikely(_ text: String) -> Bool { matches(text, unlikely) }
    static func isMaybeCandidate(_ text: String) -> Bool { matches(text, maybeCandidate) }
    static func isByline(_ text: String) -> Bool { matches(text, byline) }
    static func isPositive(_ text: String) -> Bool { matches(text, positive) }

    /// Readability's negative list also holds `hid` as a whole space-separated word.
    static func isNegative(_ text: String) -> Bool {
        matches(text, negative) || lowercasedBytes(text).split(separator: 32).contains { Array($0) == Array("hid".utf8) }
    }

    /// `share` or `sharedaddy` as a word of its own, `_` counting as a boundary.
    static func isShare(_ text: String) -> Bool {
        let bytes = Array(text.lowercased().utf8)
        func isWordByte(_ byte: UInt8) -> Bool {
            (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90)
        }
        for word in ["share", "sharedaddy"] {
            let pattern = Array(word.utf8)
            guard bytes.count >= pattern.count else { continue }
            for start in 0...(bytes.count - pattern.count) where Array(bytes[start..<start + pattern.count]) == pattern {
                let before = start == 0 || !isWordByte(bytes[start - 1])
                let end = start + pattern.count
                let after = end == bytes.count || !isWordByte(bytes[end])
                if before && after { return true }
            }
        }
        return false
    }
}
