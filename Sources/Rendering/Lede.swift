import Foundation

/// Whether an article's body already opens with its summary: a crawled page's description is
/// usually its first paragraph, which a page showing both would print twice, once under the
/// headline and again as the body's first lines.
enum Lede {
    /// True when the text of `bodyHTML`'s first paragraph begins with `summary` (white space and
    /// markup aside, and a short source line such as `(Tổ Quốc) -` before it) — the summary a
    /// theme would show above it adds nothing.
    static func opens(_ bodyHTML: String, with summary: String) -> Bool {
        let wanted = collapsed(summary)
        guard !wanted.isEmpty, let first = firstParagraphText(bodyHTML) else { return false }
        // The summary may lack the source the paragraph opens with (`(Tổ Quốc) - `).
        guard let found = collapsed(first).range(of: wanted) else { return false }
        return found.lowerBound.utf16Offset(in: collapsed(first)) <= 60
    }

    /// The text of the first `<p>` of the body, tags taken out, entities as written (the summary
    /// is compared with the five entities the writers use decoded).
    private static func firstParagraphText(_ html: String) -> String? {
        guard let open = html.range(of: "<p") , let start = html[open.upperBound...].firstIndex(of: ">"),
              let close = html[start...].range(of: "</p>") else { return nil }
        var text = ""
        var inTag = false
        for character in html[html.index(after: start)..<close.lowerBound] {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        return text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
    }

    /// The text with each run of white space one space, and none at the ends.
    private static func collapsed(_ text: String) -> String {
        text.split { $0.isWhitespace }.joined(separator: " ")
    }
}
