/// Link density, commas and word overlap: the measures of what kind of text a block holds.
extension TextMeasure {
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

    static let commas: Set<Character> = [",", "\u{060C}", "\u{FE50}", "\u{FE10}", "\u{FE11}", "\u{2E41}", "\u{2E34}",
                                         "\u{2E32}", "\u{FF0C}"]

    /// Commas in the node's text (`,` and the comma forms of other scripts), from the text nodes' summaries.
    static func commaCount(_ node: DOMNode) -> Int {
        if node.isText { return TextNodeSummary(node).commas }
        guard node.isElement else { return 0 }
        var count = 0
        var child = node.pointee.children
        while let current = child {
            count += commaCount(current)
            child = current.pointee.next
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
}
