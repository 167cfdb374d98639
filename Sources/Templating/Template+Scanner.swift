extension Template {
    /// Cuts a template's source into tokens: text runs split at line endings, and tags.
    ///
    /// Line-sized text tokens make the spec's standalone rule a question about one line's tokens.
    struct Scanner {
        let source: SourceText
        private var delimiters: Delimiters
        private var tokens: [Token] = []

        init(source: SourceText, delimiters: Delimiters) {
            self.source = source
            self.delimiters = delimiters
        }

        mutating func scan() throws(TemplateError) -> [Token] {
            let bytes = source.bytes
            var textStart = 0
            var offset = 0
            while offset < bytes.count {
                if bytes[offset] == delimiters.open[0], matches(delimiters.open, at: offset) {
                    appendText(from: textStart, to: offset)
                    offset = try scanTag(at: offset)
                    textStart = offset
                } else {
                    offset += 1
                }
            }
            appendText(from: textStart, to: bytes.count)
            return tokens
        }

        private func matches(_ pattern: [UInt8], at offset: Int) -> Bool {
            let bytes = source.bytes
            guard offset + pattern.count <= bytes.count else { return false }
            for index in pattern.indices where bytes[offset + index] != pattern[index] { return false }
            return true
        }

        private func find(_ pattern: [UInt8], from offset: Int) -> Int? {
            var offset = offset
            while offset + pattern.count <= source.bytes.count {
                if matches(pattern, at: offset) { return offset }
                offset += 1
            }
            return nil
        }

        private mutating func appendText(from start: Int, to end: Int) {
            var lineStart = start
            for offset in start..<end where source.bytes[offset] == UInt8(ascii: "\n") {
                appendToken(.text, start: lineStart, end: offset + 1, content: lineStart..<offset + 1)
                lineStart = offset + 1
            }
            if lineStart < end {
                appendToken(.text, start: lineStart, end: end, content: lineStart..<end)
            }
        }

        private mutating func appendToken(_ kind: Token.Kind, start: Int, end: Int, content: Range<Int>) {
            tokens.append(Token(
                kind: kind, start: start, end: end, contentStart: content.lowerBound,
                contentEnd: content.upperBound, delimiters: delimiters))
        }

        /// Scans the tag opening at `start`; returns the offset just after it.
        private mutating func scanTag(at start: Int) throws(TemplateError) -> Int {
            let bytes = source.bytes
            let afterOpen = start + delimiters.open.count
            let sigil = afterOpen < bytes.count ? bytes[afterOpen] : 0
            let kind: Token.Kind
            var closing = delimiters.close
            switch sigil {
            case UInt8(ascii: "{"): kind = .unescaped; closing = [UInt8(ascii: "}")] + closing
            case UInt8(ascii: "&"): kind = .unescaped
            case UInt8(ascii: "#"): kind = .section
            case UInt8(ascii: "^"): kind = .inverted
            case UInt8(ascii: "/"): kind = .close
            case UInt8(ascii: "!"): kind = .comment
            case UInt8(ascii: ">"): kind = .partial
            case UInt8(ascii: "<"): kind = .parent
            case UInt8(ascii: "$"): kind = .block
            case UInt8(ascii: "="): kind = .delimiters; closing = [UInt8(ascii: "=")] + closing
            default: kind = .variable
            }
            let contentStart = kind == .variable ? afterOpen : afterOpen + 1
            guard let contentEnd = find(closing, from: contentStart) else {
                let expected = String(decoding: closing, as: UTF8.self)
                throw source.error("unclosed tag: no '\(expected)' after this opening", at: start)
            }
            let content = trimmed(contentStart..<contentEnd)
            if content.isEmpty, kind != .comment {
                throw source.error("empty tag", at: start)
            }
            appendToken(kind, start: start, end: contentEnd + closing.count, content: content)
            if kind == .delimiters {
                delimiters = try parseDelimiters(content, tagStart: start)
            }
            return contentEnd + closing.count
        }

        private func trimmed(_ range: Range<Int>) -> Range<Int> {
            var lower = range.lowerBound
            var upper = range.upperBound
            while lower < upper, isWhitespace(source.bytes[lower]) { lower += 1 }
            while upper > lower, isWhitespace(source.bytes[upper - 1]) { upper -= 1 }
            return lower..<upper
        }

        private func isWhitespace(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r")
        }

        /// `{{=<% %>=}}`: two non-empty strings, separated by whitespace, neither containing `=`
        /// or whitespace (the spec's rule; anything else would make tags ambiguous).
        private func parseDelimiters(_ content: Range<Int>, tagStart: Int) throws(TemplateError) -> Delimiters {
            let parts = source.bytes[content].split(whereSeparator: isWhitespace)
            guard parts.count == 2, !parts.contains(where: { $0.contains(UInt8(ascii: "=")) }) else {
                throw source.error(
                    "bad delimiters: expected two delimiters separated by a space, as in {{=<% %>=}}", at: tagStart)
            }
            return Delimiters(open: Array(parts[0]), close: Array(parts[1]))
        }
    }
}
