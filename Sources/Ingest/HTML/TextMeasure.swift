/// The text measures the body heuristics score with. Lengths count UTF-16 code units, as the browser
/// reader views whose thresholds (25, 80, 100, 500 characters) these heuristics inherit do.
enum TextMeasure {
    /// The node's text, trimmed, with runs of two or more white-space characters folded to one space.
    static func innerText(_ node: DOMNode, normalizeSpaces: Bool = true) -> String {
        let text = node.textContent.whitespaceTrimmed
        return normalizeSpaces ? collapseRuns(text) : text
    }

    /// Folds runs of two or more white-space characters into one space; a single one stays as it is.
    static func collapseRuns(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pending: Unicode.Scalar?
        var runLength = 0
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                runLength += 1
                pending = scalar
                continue
            }
            if runLength == 1, let pending { result.append(pending) } else if runLength > 1 { result.append(" ") }
            runLength = 0
            result.append(scalar)
        }
        return String(result)
    }

    static func length(_ text: String) -> Int { text.utf16.count }

    /// `length(innerText(node))` without building the string: the non-space characters plus one for each
    /// run of white space between them. The heuristics ask for this length thousands of times per page,
    /// so it walks the text bytes directly.
    static func textLength(_ node: DOMNode) -> Int {
        var counter = LengthCounter()
        counter.visit(node)
        return counter.length + counter.runsBetween
    }

    /// Counts UTF-16 units of non-space text and the white-space runs that fall between non-space text.
    struct LengthCounter {
        var length = 0
        var runsBetween = 0
        var seenText = false
        var inRun = false

        mutating func visit(_ node: DOMNode) {
            if node.isText {
                guard let content = node.pointee.content else { return }
                scan(content)
                return
            }
            guard node.isElement else { return }
            var child = node.pointee.children
            while let current = child {
                visit(current)
                child = current.pointee.next
            }
        }

        mutating func scan(_ bytes: UnsafePointer<UInt8>) {
            var index = 0
            while true {
                let byte = bytes[index]
                if byte == 0 { return }
                let width = TextMeasure.spaceWidth(bytes, index)
                if width > 0 {
                    inRun = true
                    index += width
                    continue
                }
                if inRun, seenText { runsBetween += 1 }
                inRun = false
                seenText = true
                // A UTF-8 lead byte starts one UTF-16 unit, or two for the four-byte (astral) forms.
                if byte < 0x80 || byte >= 0xC0 { length += byte >= 0xF0 ? 2 : 1 }
                index += 1
            }
        }
    }

    /// The byte length of the white-space character at `index` (as JavaScript's `\s` counts white space),
    /// or 0 when it is not white space.
    @inline(__always)
    static func spaceWidth(_ bytes: UnsafePointer<UInt8>, _ index: Int) -> Int {
        let byte = bytes[index]
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return 1
        case 0xC2: return bytes[index + 1] == 0xA0 ? 2 : 0
        case 0xE1: return bytes[index + 1] == 0x9A && bytes[index + 2] == 0x80 ? 3 : 0
        case 0xE2:
            let second = bytes[index + 1]
            guard second == 0x80 || second == 0x81 else { return 0 }
            let third = bytes[index + 2]
            if second == 0x80, (0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF { return 3 }
            return second == 0x81 && third == 0x9F ? 3 : 0
        case 0xE3: return bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0
        case 0xEF: return bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF ? 3 : 0
        default: return 0
        }
    }

    /// The share of the node's text that sits inside links; in-page `#` links weigh less, as they are
    /// usually footnotes or a table of contents, not navigation away from the article.
    static func linkDensity(_ node: DOMNode) -> Double {
        let total = textLength(node)
        guard total > 0 else { return 0 }
        var linked = 0.0
        for link in node.descendants("a") {
            let href = link.attribute("href") ?? ""
            let weight = href.count > 1 && href.hasPrefix("#") ? 0.3 : 1
            linked += Double(textLength(link)) * weight
        }
        return linked / Double(total)
    }

    /// The share of the node's text inside descendants named in `tags`.
    static func textDensity(_ node: DOMNode, tags: Set<String>) -> Double {
        let total = textLength(node)
        guard total > 0 else { return 0 }
        let inside = node.descendants(in: tags).reduce(0) { $0 + textLength($1) }
        return Double(inside) / Double(total)
    }

    static let commas: Set<Character> = [",", "\u{060C}", "\u{FE50}", "\u{FE10}", "\u{FE11}", "\u{2E41}", "\u{2E34}",
                                         "\u{2E32}", "\u{FF0C}"]

    /// Commas in the node's text, counted over the UTF-8 bytes (`,` and the comma forms of other scripts).
    static func commaCount(_ node: DOMNode) -> Int {
        var bytes: [UInt8] = []
        node.appendText(to: &bytes)
        var count = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x2C {
                count += 1
            } else if byte == 0xD8, index + 1 < bytes.count, bytes[index + 1] == 0x8C {
                count += 1
            } else if byte == 0xEF || byte == 0xE2, index + 2 < bytes.count {
                let pair = (UInt16(bytes[index + 1]) << 8) | UInt16(bytes[index + 2])
                if byte == 0xEF, [0xB990, 0xB890, 0xB891, 0xBC8C].contains(pair) { count += 1 }
                if byte == 0xE2, [0xB981, 0xB8B4, 0xB8B2].contains(pair) { count += 1 }
            }
            index += 1
        }
        return count
    }

    static func commaCount(_ text: String) -> Int { text.reduce(0) { $0 + (commas.contains($1) ? 1 : 0) } }

    /// Word overlap of `b` with `a`: 1 when every word of `b` is in `a`. Words split on ASCII non-word
    /// characters, as the reader-view heuristic this mirrors does.
    static func similarity(_ a: String, _ b: String) -> Double {
        let tokensA = asciiWords(a.lowercased())
        let tokensB = asciiWords(b.lowercased())
        guard !tokensA.isEmpty, !tokensB.isEmpty else { return 0 }
        let setA = Set(tokensA)
        let unique = tokensB.filter { !setA.contains($0) }
        let distance = Double(unique.joined(separator: " ").utf16.count) / Double(tokensB.joined(separator: " ").utf16.count)
        return 1 - distance
    }

    static func asciiWords(_ text: String) -> [String] {
        text.split { character in
            !(character.isASCII && (character.isLetter || character.isNumber || character == "_"))
        }.map(String.init)
    }

    /// Whether `text` is empty or only white space.
    static func isBlank(_ text: String) -> Bool { text.unicodeScalars.allSatisfy(\.properties.isWhitespace) }
}

extension String {
    /// The string without leading and trailing white space (including no-break spaces).
    var whitespaceTrimmed: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[start...end])
    }
}
