extension String {
    /// The string without leading and trailing white space (including no-break spaces), found over its
    /// UTF-8 bytes.
    var whitespaceTrimmed: String {
        var text = self
        return text.withUTF8 { bytes in
            let range = TextMeasure.trimmedRange(bytes)
            return range.count == bytes.count ? self : String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
    }

    /// `lowercased().contains(needle)` for a lower-case ASCII `needle`. An ASCII string (nearly every
    /// attribute value) is searched as bytes, lower-cased as they are read: through Foundation, these
    /// searches over every image attribute of a page were 3% of an extraction.
    func lowercasedContains(_ needle: String) -> Bool {
        var text = self
        let found: Bool? = text.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return Self.asciiLowercasedOffset(of: needle, in: bytes, from: 0) != nil
        }
        return found ?? lowercased().contains(needle)
    }

    /// Where lower-case ASCII `needle` first occurs at or after byte `start` of ASCII `text` read in lower case.
    static func asciiLowercasedOffset(of needle: String, in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var needle = needle
        return needle.withUTF8 { pattern in
            guard !pattern.isEmpty, text.count >= pattern.count, start <= text.count - pattern.count else { return nil }
            for offset in start...(text.count - pattern.count) {
                var matched = 0
                while matched < pattern.count, Self.asciiLowercased(text[offset + matched]) == pattern[matched] { matched += 1 }
                if matched == pattern.count { return offset }
            }
            return nil
        }
    }

    @inline(__always)
    static func asciiLowercased(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }

    /// The tokens of an attribute value (`rel`, `property`), split at ASCII white space as HTML
    /// splits them, byte by byte: splitting at `Character.isWhitespace` looked up each letter's
    /// Unicode properties, a measured cost over every `<meta>` of a page.
    var htmlTokens: [Substring] {
        utf8.split(whereSeparator: Self.isHTMLSpace).map { Substring($0) }
    }

    /// The text without its ASCII white space.
    var withoutHTMLSpaces: String {
        String(decoding: utf8.filter { !Self.isHTMLSpace($0) }, as: UTF8.self)
    }

    @inline(__always)
    static func isHTMLSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}
