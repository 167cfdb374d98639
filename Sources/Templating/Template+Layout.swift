extension Template {
    /// The line structure of a template's tokens, and the whitespace edits the standalone rules
    /// make to it: which blank text tokens go, how much indentation each text line loses, and
    /// the indentation each partial, parent or block tag hands on to what it expands.
    struct Layout {
        struct Region {
            /// Token indices of a block's tags; the lines strictly inside lose `prefix`.
            let opener: Int
            let closer: Int
            let prefix: [UInt8]
        }

        private var tokens: [Token] = []
        private var bytes: [UInt8] = []
        /// Token index ranges of each line, and the line of each token.
        private var lines: [Range<Int>] = []
        private var lineOf: [Int] = []
        /// Per token: removed text, bytes trimmed from the start of a text, a tag's indentation,
        /// and whether a tag stands alone.
        private(set) var removed: [Bool] = []
        private(set) var trimmed: [Int] = []
        var indentation: [[UInt8]] = []
        var standalone: [Bool] = []

        init() {}

        init(tokens: [Token], source: SourceText) {
            self.tokens = tokens
            bytes = source.bytes
            removed = Array(repeating: false, count: tokens.count)
            trimmed = Array(repeating: 0, count: tokens.count)
            indentation = Array(repeating: [], count: tokens.count)
            standalone = Array(repeating: false, count: tokens.count)
            var lineStart = 0
            for (index, token) in tokens.enumerated() {
                lineOf.append(lines.count)
                if token.kind == .text, bytes[token.end - 1] == UInt8(ascii: "\n") {
                    lines.append(lineStart..<(index + 1))
                    lineStart = index + 1
                }
            }
            if lineStart < tokens.count { lines.append(lineStart..<tokens.count) }
        }

        /// Spaces and tabs, then nothing or a line ending.
        private func isBlank(_ index: Int) -> Bool {
            let token = tokens[index]
            guard token.kind == .text else { return false }
            var offset = token.start
            while offset < token.end, bytes[offset] == UInt8(ascii: " ") || bytes[offset] == UInt8(ascii: "\t") {
                offset += 1
            }
            let rest = token.end - offset
            return rest == 0 || (rest == 1 && bytes[offset] == UInt8(ascii: "\n"))
                || (rest == 2 && bytes[offset] == UInt8(ascii: "\r") && bytes[offset + 1] == UInt8(ascii: "\n"))
        }

        /// Only blank text before the tag on its line.
        func clearsLeft(_ index: Int) -> Bool {
            (lines[lineOf[index]].lowerBound..<index).allSatisfy(isBlank)
        }

        /// Only blank text (and the line ending) after the tag on its line.
        func clearsRight(_ index: Int) -> Bool {
            ((index + 1)..<lines[lineOf[index]].upperBound).allSatisfy(isBlank)
        }

        /// Removes the whitespace before a tag that clears left, and returns it.
        mutating func stripBefore(_ index: Int) -> [UInt8] {
            let first = lines[lineOf[index]].lowerBound
            guard first < index else { return [] }
            removed[first] = true
            return Array(bytes[tokens[first].start..<tokens[first].end])
        }

        /// Removes the whitespace and line ending after a tag that clears right.
        mutating func stripAfter(_ index: Int) {
            for after in (index + 1)..<lines[lineOf[index]].upperBound { removed[after] = true }
        }

        /// The spec's standalone rule: a tag alone on its line takes the whole line with it.
        mutating func stripIfStandalone(_ index: Int) {
            guard clearsLeft(index), clearsRight(index) else { return }
            indentation[index] = stripBefore(index)
            stripAfter(index)
            standalone[index] = true
        }

        /// Leading spaces and tabs of the line after the tag's line.
        func nextLineIndentation(_ index: Int) -> [UInt8] {
            let next = lineOf[index] + 1
            guard next < lines.count, tokens[lines[next].lowerBound].kind == .text else { return [] }
            let token = tokens[lines[next].lowerBound]
            var end = token.start
            while end < token.end, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") { end += 1 }
            return Array(bytes[token.start..<end])
        }

        /// Removes each region's prefix from the lines inside it ("block indentation is removed at
        /// the site of definition"); a line inside nested regions loses the innermost one's prefix,
        /// which already contains the outer ones. Tag indentation on those lines shrinks the same way.
        mutating func removeIndentation(of regions: [Region]) {
            guard !regions.isEmpty else { return }
            var prefixOfLine: [[UInt8]?] = Array(repeating: nil, count: lines.count)
            for region in regions.sorted(by: { $0.opener < $1.opener }) {
                for line in (lineOf[region.opener] + 1)...lineOf[region.closer] {
                    prefixOfLine[line] = region.prefix
                }
            }
            for (line, range) in lines.enumerated() {
                guard let prefix = prefixOfLine[line] else { continue }
                let first = range.lowerBound
                if tokens[first].kind == .text, !removed[first] {
                    trimmed[first] = commonPrefixCount(bytes[tokens[first].start..<tokens[first].end], prefix)
                }
                for index in range where !indentation[index].isEmpty {
                    indentation[index].removeFirst(commonPrefixCount(indentation[index][...], prefix))
                }
            }
        }

        private func commonPrefixCount(_ text: ArraySlice<UInt8>, _ prefix: [UInt8]) -> Int {
            zip(text, prefix).prefix(while: { $0 == $1 }).count
        }
    }
}
