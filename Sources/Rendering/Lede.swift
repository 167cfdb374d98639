/// Whether an article's body already opens with its summary: a crawled page's description is
/// usually its first paragraph, which a page showing both would print twice, once under the
/// headline and again as the body's first lines.
///
/// Every article page asks, so it reads bytes, and no more of the body than the summary's length:
/// done with Foundation's string searches it was a fifth of rendering a 10,000-article site.
enum Lede {
    /// How far into the paragraph the summary may start: past a source line such as
    /// `(Tổ Quốc) - `, which a summary may have dropped.
    static let slack = 80

    /// True when the text of `bodyHTML`'s first paragraph begins with `summary` (white space and
    /// markup aside, and a short source line before it) — the summary a theme would show above it
    /// adds nothing.
    static func opens(_ bodyHTML: [UInt8], with summary: String) -> Bool {
        let wanted = collapsed(Array(summary.utf8))
        guard let first = wanted.first else { return false }
        let text = firstParagraphText(bodyHTML, upTo: wanted.count + slack)
        guard text.count >= wanted.count else { return false }
        for start in 0...min(slack, text.count - wanted.count) where text[start] == first {
            if text[start..<(start + wanted.count)].elementsEqual(wanted) { return true }
        }
        return false
    }

    /// The text of the body's first `<p>`, tags out, the five entities the writers use decoded,
    /// white space collapsed: at most `limit` bytes.
    private static func firstParagraphText(_ html: [UInt8], upTo limit: Int) -> [UInt8] {
        html.withUnsafeBufferPointer { bytes in
            var index = 0
            // The first `<p>` or `<p …>`.
            while index + 2 < bytes.count {
                if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "p"),
                   bytes[index + 2] == UInt8(ascii: ">") || bytes[index + 2] == UInt8(ascii: " ") { break }
                index += 1
            }
            while index < bytes.count, bytes[index] != UInt8(ascii: ">") { index += 1 }
            index += 1
            var text: [UInt8] = []
            text.reserveCapacity(limit + 1)
            var inTag = false
            while index < bytes.count, text.count < limit {
                let byte = bytes[index]
                if byte == UInt8(ascii: "<") {
                    if index + 3 < bytes.count, bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "p"),
                       bytes[index + 3] == UInt8(ascii: ">") { break }
                    inTag = true
                } else if byte == UInt8(ascii: ">") {
                    inTag = false
                } else if !inTag {
                    if byte == UInt8(ascii: "&"), let (decoded, length) = entity(bytes, at: index) {
                        append(decoded, to: &text)
                        index += length
                        continue
                    }
                    append(byte, to: &text)
                }
                index += 1
            }
            return text
        }
    }

    /// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;` at `index`: the character and the entity's length.
    private static func entity(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt8, Int)? {
        for (name, character) in entities {
            let end = index + name.count
            if end <= bytes.count, bytes[index..<end].elementsEqual(name) { return (character, name.count) }
        }
        return nil
    }

    private static let entities: [([UInt8], UInt8)] = [
        (Array("&amp;".utf8), UInt8(ascii: "&")), (Array("&lt;".utf8), UInt8(ascii: "<")), (Array("&gt;".utf8), UInt8(ascii: ">")),
        (Array("&quot;".utf8), UInt8(ascii: "\"")), (Array("&#39;".utf8), UInt8(ascii: "'")),
    ]

    /// Appends a byte, folding runs of ASCII white space into one space and dropping it at the start.
    private static func append(_ byte: UInt8, to text: inout [UInt8]) {
        let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
        if isSpace {
            if let last = text.last, last != 0x20 { text.append(0x20) }
        } else {
            text.append(byte)
        }
    }

    private static func collapsed(_ bytes: [UInt8]) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        for byte in bytes { append(byte, to: &text) }
        if text.last == 0x20 { text.removeLast() }
        return text
    }
}
