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
        var texts: [DOMNode] = []
        line.forEachDescendant { if $0.isText { texts.append($0) } }
        var bytes: [UInt8] = []
        var ends: [Int] = []
        for text in texts {
            text.appendText(to: &bytes)
            ends.append(bytes.count)
        }
        guard let start = creditStart(in: bytes),
              let first = ends.firstIndex(where: { $0 > start }) else { return }
        cuts[texts[first]] = start - (first == 0 ? 0 : ends[first - 1])
        for text in texts[(first + 1)...] { cuts[text] = 0 }
    }

    /// The byte offset at which the credit that `text` ends with starts, with the bracket or the separator
    /// that sets it off; nil when it ends with none. A line that opens with its credit is `BodyTrimmer.isCredit`'s.
    static func creditStart(in text: [UInt8]) -> Int? {
        // The label or the sign lies within the last `creditLength` characters, at most four bytes each.
        let window = max(0, text.count - 4 * BodyTrimmer.creditLength)
        guard text[window...].contains(where: { $0 == UInt8(ascii: ":") || $0 == 0xC2 || $0 == 0xEF }) else { return nil }
        let string = String(decoding: text, as: UTF8.self)
        var offset = 0
        var unitsLeft = string.utf16.count
        for (index, character) in zip(string.indices, string) {
            defer {
                offset += character.utf8.count
                unitsLeft -= character.utf16.count
            }
            guard offset >= window, unitsLeft <= BodyTrimmer.creditLength,
                  character == "©" || character.isLetter else { continue }
            var before = index
            while before > string.startIndex, spaces.contains(string[string.index(before: before)]) {
                before = string.index(before: before)
            }
            guard before > string.startIndex else { continue }
            let last = string[string.index(before: before)]
            guard character == "©" || last == "(" || afterLabel.contains(last),
                  BodyTrimmer.opensWithCredit(Substring(string[index...].lowercased())),
                  string[..<before].contains(where: \.isLetter) else { continue }
            // The separator before the credit goes with it; a stop stays with the caption's last sentence.
            var end = index
            while end > string.startIndex, setOff.contains(string[string.index(before: end)]) {
                end = string.index(before: end)
            }
            let kept = string[..<end]
            // A caption that is a credit's label with the credit after its sign (`Fotos © …`) goes whole.
            if kept.split(separator: " ").count == 1, BodyTrimmer.isCreditLabel(Substring(kept.lowercased())) { return 0 }
            return kept.utf8.count
        }
        return nil
    }

    /// What sets a credit off from the caption's words before it, besides a stop.
    static let separators: Set<Character> = [",", ";", "|", "/", "–", "—", "-", "·", "•"]
    /// What ends a caption's words before its credit's label.
    static let afterLabel = separators.union([".", "!", "?"])
    static let spaces: Set<Character> = [" ", "\u{00A0}"]
    /// What goes with the credit from before it: its separator, its bracket and spaces.
    static let setOff = separators.union(spaces).union(["("])
}
