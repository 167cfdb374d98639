#if canImport(Glibc)
import Glibc
#endif

/// The credit a caption ends with, after its own words (`… René Klemmer. Foto: GdP/Hagen Immel`,
/// `… will für Furore sorgen. © AFP / Marco Bertorello`). Who took the picture is not the article's
/// text, as a credit line of its own is not (`BodyTrimmer.isCredit`); but it stays with its caption on
/// the page, so the credit is left out of the text only (`Sanitizer.textCuts`).
enum CaptionCredit {
    /// The elements a caption is written as, whose text may end with a credit.
    static let lines = BodyTrimmer.creditLines

    /// Adds to `cuts` the text nodes of `line` that are its credit, if it ends with one: a © sign or a
    /// credit's label and a colon, after a stop, a comma or a bracket, and no longer than
    /// `BodyTrimmer.creditLength`. The node the credit starts in keeps its bytes before it; those after, none.
    static func cut(_ line: DOMNode, into cuts: inout [DOMNode: Int]) {
        // Measured before anything is copied: a paragraph is asked, and each span nested in it.
        guard TextMeasure.textLength(line, isAtMost: Captions.maximumBytes) else { return }
        var bytes: [UInt8] = []
        line.appendText(to: &bytes)
        guard let start = creditStart(in: bytes) else { return }
        // The text nodes, in the order their bytes were appended, and where each ends.
        var texts: [DOMNode] = []
        line.forEachDescendant { if $0.isText { texts.append($0) } }
        var end = 0
        for (index, text) in texts.enumerated() {
            let count = text.pointee.content.map { strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) } ?? 0
            if end + count > start {
                cuts[text] = start - end
                for later in texts[(index + 1)...] { cuts[later] = 0 }
                return
            }
            end += count
        }
    }

    /// The byte offset at which the credit that `text` ends with starts, with the bracket or the separator
    /// that sets it off; nil when it ends with none. A line that opens with its credit is `BodyTrimmer.isCredit`'s.
    static func creditStart(in text: [UInt8]) -> Int? {
        // The sign or the label's colon lies within the last `creditLength` characters, at most four
        // bytes each. Most lines have neither there; the words of those that do are decoded only
        // around each colon (asking every character of a caption whether it is a letter was a tenth
        // of a mirror's reading).
        let window = max(0, text.count - 4 * BodyTrimmer.creditLength)
        var candidates: [Int] = []
        var index = window
        while index < text.count {
            if text[index] == UInt8(ascii: ":") || (text[index] == 0xEF && text[index...].starts(with: [0xEF, 0xBC, 0x9A])) {
                if let start = labelStart(text, colon: index) { candidates.append(start) }
            } else if text[index] == 0xC2, text[index...].starts(with: [0xC2, 0xA9]) {
                candidates.append(index)
            }
            index += 1
        }
        for start in candidates.sorted() {
            guard String(decoding: text[start...], as: UTF8.self).utf16.count <= BodyTrimmer.creditLength else { continue }
            let head = String(decoding: text[characterStart(text, max(0, start - 16))..<start], as: UTF8.self)
            guard let last = head.last(where: { !spaces.contains($0) }),
                  text[start] == 0xC2 || last == "(" || afterLabel.contains(last),
                  text[..<start].contains(where: { $0 >= 0x80 || ($0 | 0x20 >= UInt8(ascii: "a") && $0 | 0x20 <= UInt8(ascii: "z")) })
            else { continue }
            // The separator before the credit goes with it; a stop stays with the caption's last sentence.
            var kept = Substring(head)
            while let end = kept.last, setOff.contains(end) { kept = kept.dropLast() }
            let end = start - (head.utf8.count - kept.utf8.count)
            // A caption that is a credit's label with the credit after its sign (`Fotos © …`) goes whole.
            if end <= 4 * BodyTrimmer.labelLength {
                let words = String(decoding: text[..<end], as: UTF8.self).split(whereSeparator: spaces.contains)
                if words.count == 1, BodyTrimmer.isCreditLabel(Substring(words[0].lowercased())) { return 0 }
            }
            return end
        }
        return nil
    }

    /// Where the credit's label that ends at the colon at byte `colon` starts, if the word or two before
    /// it are one (`Foto:`, `Crédits photos :`, `(Titelbild:`).
    private static func labelStart(_ text: [UInt8], colon: Int) -> Int? {
        // Most colons end no label: the bytes before one are compared with the labels' endings first.
        var end = colon
        while end > 0, text[end - 1] == 0x20 || (text[end - 1] == 0xA0 && end > 1 && text[end - 2] == 0xC2) {
            end -= text[end - 1] == 0x20 ? 1 : 2
        }
        guard labelEndings.contains(where: { end >= $0.count && text[(end - $0.count)..<end].elementsEqual($0) }) else { return nil }
        let from = characterStart(text, max(0, end - 4 * BodyTrimmer.labelLength))
        let before = String(decoding: text[from..<end], as: UTF8.self)
        // The last word or two, read backwards: runs of letters (and hyphens), a space alone between them.
        var words: [Substring] = []
        var wordEnd = before.endIndex
        var index = before.endIndex
        while index > before.startIndex, words.count < 2 {
            let previous = before.index(before: index)
            let character = before[previous]
            if character.isLetter || character == "-" {
                index = previous
                continue
            }
            guard index < wordEnd else { break }
            words.append(before[index..<wordEnd])
            guard spaces.contains(character) else { break }
            index = previous
            wordEnd = index
        }
        if words.count < 2, index == before.startIndex, index < wordEnd { words.append(before[index..<wordEnd]) }
        // Two words first: the earlier start, when both are labels.
        for count in [2, 1] where words.count >= count {
            let label = words.prefix(count).reversed().joined(separator: " ")
            guard BodyTrimmer.opensWithCredit(Substring(label.lowercased() + ":")) else { continue }
            return from + before.utf8.distance(from: before.startIndex, to: words[count - 1].startIndex)
        }
        return nil
    }

    /// The bytes a credit's label ends with: each label and each last part of a compound, in lower case,
    /// capitalized and in capitals (`foto`, `Foto`, `FOTO`, `Ảnh`).
    private static let labelEndings = Set((Array(BodyTrimmer.creditLabels.map(String.init)) + BodyTrimmer.compoundCreditLabels)
        .flatMap { [$0, $0.prefix(1).uppercased() + $0.dropFirst(), $0.uppercased()] }.map { Array($0.utf8) })

    /// `offset`, moved back to the start of the character it falls in.
    private static func characterStart(_ text: [UInt8], _ offset: Int) -> Int {
        var offset = offset
        while offset > 0, offset < text.count, text[offset] & 0xC0 == 0x80 { offset -= 1 }
        return offset
    }

    /// What sets a credit off from the caption's words before it, besides a stop.
    static let separators: Set<Character> = [",", ";", "|", "/", "–", "—", "-", "·", "•"]
    /// What ends a caption's words before its credit's label.
    static let afterLabel = separators.union([".", "!", "?"])
    static let spaces: Set<Character> = [" ", "\u{00A0}"]
    /// What goes with the credit from before it: its separator, its bracket and spaces.
    static let setOff = separators.union(spaces).union(["("])
}
