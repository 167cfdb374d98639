import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// The text measures the body heuristics score with. Lengths count UTF-16 code units, as the browser
/// reader views whose thresholds (25, 80, 100, 500 characters) these heuristics inherit do.
enum TextMeasure {
    /// The node's text, trimmed, with runs of two or more white-space characters folded to one space.
    /// Trimmed and folded as UTF-8 bytes: through Unicode scalars, this was a thirtieth of an extraction.
    static func innerText(_ node: DOMNode, normalizeSpaces: Bool = true) -> String {
        var bytes: [UInt8] = []
        node.appendText(to: &bytes)
        return bytes.withUnsafeBufferPointer { text in
            let trimmed = UnsafeBufferPointer(rebasing: text[trimmedRange(text)])
            return normalizeSpaces ? String(decoding: collapseRuns(trimmed), as: UTF8.self)
                : String(decoding: trimmed, as: UTF8.self)
        }
    }

    static func length(_ text: String) -> Int { text.utf16.count }

    /// `length(innerText(node))` without building the string: the non-space characters plus one for each
    /// run of white space between them (white space as JavaScript's `\s`, which the reader-view thresholds
    /// were tuned with). The heuristics ask for this length thousands of times per page, so it adds up the
    /// text nodes' summaries.
    static func textLength(_ node: DOMNode) -> Int {
        var counter = LengthCounter()
        counter.visit(node)
        return counter.length + counter.runsBetween
    }

    /// Whether `textLength(node) <= limit`, reading no further than the text past the limit: most
    /// elements asked this ("a short label?") are large, and measuring them whole was a measured cost.
    static func textLength(_ node: DOMNode, isAtMost limit: Int) -> Bool {
        var counter = LengthCounter(limit: limit)
        counter.visit(node)
        return counter.length + counter.runsBetween <= limit
    }

    /// Counts UTF-16 units of non-space text and the white-space runs that fall between non-space text,
    /// stopping once past `limit` (the counts only grow).
    struct LengthCounter {
        var limit = Int.max
        var length = 0
        var runsBetween = 0
        var seenText = false
        var inRun = false

        mutating func visit(_ node: DOMNode) {
            if node.isText {
                add(TextNodeSummary(node))
                return
            }
            guard node.isElement else { return }
            var child = node.pointee.children
            while let current = child, length + runsBetween <= limit {
                visit(current)
                child = current.pointee.next
            }
        }

        /// Reads one text node as if its characters came one by one.
        mutating func add(_ text: TextNodeSummary) {
            guard text.hasText else {
                if text.startsWithSpace { inRun = true }
                return
            }
            if inRun || text.startsWithSpace, seenText { runsBetween += 1 }
            runsBetween += text.runsInside
            length += text.units
            seenText = true
            inRun = text.endsWithSpace
        }
    }

    /// `innerText(node).utf16.count <= limit`, answered from the text bytes without building the string
    /// and reading no further than past the limit. Unlike `textLength`, white space here is what trimming
    /// and folding a `String` see (`White_Space`), so the answer is exactly the string's.
    static func innerTextLength(_ node: DOMNode, isAtMost limit: Int) -> Bool {
        var counter = InnerTextCounter(limit: limit)
        counter.visit(node)
        return counter.length + counter.runsBetween <= limit
    }

    private struct InnerTextCounter {
        let limit: Int
        var length = 0
        var runsBetween = 0
        var seenText = false
        var inRun = false

        mutating func visit(_ node: DOMNode) {
            if node.isText {
                guard let content = node.pointee.content else { return }
                scan(UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content)
                    .assumingMemoryBound(to: CChar.self))))
                return
            }
            guard node.isElement else { return }
            var child = node.pointee.children
            while let current = child, length + runsBetween <= limit {
                visit(current)
                child = current.pointee.next
            }
        }

        mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
            var index = 0
            while index < bytes.count, length + runsBetween <= limit {
                let width = TextMeasure.unicodeSpaceWidth(bytes, index)
                if width > 0 {
                    inRun = true
                    index += width
                    continue
                }
                if inRun, seenText { runsBetween += 1 }
                inRun = false
                seenText = true
                let byte = bytes[index]
                if byte < 0x80 || byte >= 0xC0 { length += byte >= 0xF0 ? 2 : 1 }
                index += 1
            }
        }
    }
}
