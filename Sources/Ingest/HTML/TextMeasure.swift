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

    /// The share of the node's text that sits inside links; in-page `#` links weigh less, as they are
    /// usually footnotes or a table of contents, not navigation away from the article.
    static func linkDensity(_ node: DOMNode) -> Double {
        let total = length(innerText(node))
        guard total > 0 else { return 0 }
        var linked = 0.0
        for link in node.descendants("a") {
            let href = link.attribute("href") ?? ""
            let weight = href.count > 1 && href.hasPrefix("#") ? 0.3 : 1
            linked += Double(length(innerText(link))) * weight
        }
        return linked / Double(total)
    }

    /// The share of the node's text inside descendants named in `tags`.
    static func textDensity(_ node: DOMNode, tags: Set<String>) -> Double {
        let total = length(innerText(node))
        guard total > 0 else { return 0 }
        let inside = node.descendants(in: tags).reduce(0) { $0 + length(innerText($1)) }
        return Double(inside) / Double(total)
    }

    static let commas: Set<Character> = [",", "\u{060C}", "\u{FE50}", "\u{FE10}", "\u{FE11}", "\u{2E41}", "\u{2E34}",
                                         "\u{2E32}", "\u{FF0C}"]

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
