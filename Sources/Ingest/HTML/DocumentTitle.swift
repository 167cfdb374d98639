import CLibXML2

/// The article title read from `<title>` when the page states none elsewhere: the site name after a
/// separator (`Title - Site`, `Site | Title`, `Site: Title`) taken off, unless that leaves too little.
/// Follows the reader-view rule that browsers apply, so titles agree with what readers already show.
enum DocumentTitle {
    static let separators: Set<Character> = ["|", "-", "–", "—", "\\", "/", ">", "»"]
    static let hierarchical: Set<Character> = ["\\", "/", ">", "»"]

    /// The `<title>` text as `document.title` gives it: white space folded, trimmed.
    static func raw(_ document: HTMLDocument) -> String {
        guard let title = document.head?.descendants("title").first ?? document.elements("title").first else { return "" }
        return title.textContent.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" })
            .joined(separator: " ")
    }

    static func wordCount(_ text: String) -> Int {
        // `split(/\s+/)` counts the empty strings at either end, as the rule this follows does.
        var count = 1
        var inSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if !inSpace { count += 1 }
                inSpace = true
            } else {
                inSpace = false
            }
        }
        return count
    }

    /// Whether `text` has ` X ` for a separator X, and the index of the last (or first) such separator.
    static func separatorIndex(_ text: String, last: Bool, in set: Set<Character>) -> String.Index? {
        let characters = Array(text.indices)
        var found: String.Index?
        for (position, index) in characters.enumerated() where set.contains(text[index]) {
            guard position > 0, position + 1 < characters.count, text[characters[position - 1]] == " ",
                  text[characters[position + 1]] == " " else { continue }
            found = index
            if !last { return index }
        }
        return found
    }

    static func title(_ document: HTMLDocument) -> String {
        let original = raw(document).whitespaceTrimmed
        var current = original
        var hadHierarchical = false
        if separatorIndex(original, last: true, in: separators) != nil {
            hadHierarchical = separatorIndex(original, last: true, in: hierarchical) != nil
            // Everything before the last separator that a space follows...
            let cut = original.indices.last { index in
                let next = original.index(after: index)
                return separators.contains(original[index]) && next < original.endIndex && original[next] == " "
            }
            current = String(original[..<(cut ?? original.endIndex)])
            if wordCount(current) < 3 {
                // ...or, when that is too short, everything after the first separator character.
                if let first = original.firstIndex(where: { separators.contains($0) }) {
                    current = String(original[original.index(after: first)...])
                }
            }
        } else if original.contains(": ") {
            let headings = document.elements("h1") + document.elements("h2")
            let exact = headings.contains { $0.textContent.whitespaceTrimmed == original }
            if !exact, let lastColon = original.lastIndex(of: ":"), let firstColon = original.firstIndex(of: ":") {
                current = String(original[original.index(after: lastColon)...])
                if wordCount(current) < 3 {
                    current = String(original[original.index(after: firstColon)...])
                } else if wordCount(String(original[..<firstColon])) > 5 {
                    current = original
                }
            }
        } else if original.utf16.count > 150 || original.utf16.count < 15 {
            let headings = document.elements("h1")
            if headings.count == 1 { current = TextMeasure.innerText(headings[0]) }
        }
        current = TextMeasure.collapseRuns(current.whitespaceTrimmed)
        let words = wordCount(current)
        let withoutSeparators = String(original.filter { !separators.contains($0) })
        if words <= 4, !hadHierarchical || words != wordCount(withoutSeparators) - 1 {
            current = original
        }
        return current
    }
}
