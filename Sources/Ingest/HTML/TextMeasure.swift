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

    /// Folds runs of two or more white-space characters into one space; a single one stays as it is, and
    /// a run at the end goes.
    static func collapseRuns(_ text: String) -> String {
        var text = text
        return text.withUTF8 { String(decoding: collapseRuns($0), as: UTF8.self) }
    }

    /// `collapseRuns` over UTF-8 bytes (white space as Unicode's `White_Space` property has it).
    static func collapseRuns(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        var runStart = 0
        var runLength = 0
        var index = 0
        while index < text.count {
            let width = unicodeSpaceWidth(text, index)
            if width > 0 {
                if runLength == 0 { runStart = index }
                runLength += 1
                index += width
                continue
            }
            if runLength == 1 {
                result.append(contentsOf: text[runStart..<index])
            } else if runLength > 1 {
                result.append(0x20)
            }
            runLength = 0
            result.append(text[index])
            index += 1
        }
        return result
    }

    /// The bytes of `text` without leading and trailing white space (Unicode's `White_Space`).
    static func trimmedRange(_ text: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = 0
        while start < text.count {
            let width = unicodeSpaceWidth(text, start)
            if width == 0 { break }
            start += width
        }
        var end = text.count
        while end > start {
            let width = unicodeSpaceWidth(endingAt: end, in: text)
            if width == 0 { break }
            end -= width
        }
        return start..<end
    }

    /// The byte length of the `White_Space` character at `index`, or 0. That property (which `String`
    /// trimming and `Unicode.Scalar.isSpace` follow) differs from JavaScript's `\s` (`spaceWidth`) only in
    /// U+0085, which it has, and U+FEFF, which it has not.
    @inline(__always)
    static func unicodeSpaceWidth(_ text: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        let byte = text[index]
        if byte < 0x80 { return isASCIISpace(byte) ? 1 : 0 }
        guard byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3, index + 1 < text.count else { return 0 }
        let second = text[index + 1]
        if byte == 0xC2 { return second == 0x85 || second == 0xA0 ? 2 : 0 }
        guard index + 2 < text.count else { return 0 }
        return isUnicodeSpace(byte, second, text[index + 2]) ? 3 : 0
    }

    /// The byte length of the `White_Space` character that ends just before `end`, or 0.
    @inline(__always)
    static func unicodeSpaceWidth(endingAt end: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        let last = text[end - 1]
        if last < 0x80 { return isASCIISpace(last) ? 1 : 0 }
        if end >= 2, text[end - 2] == 0xC2, last == 0x85 || last == 0xA0 { return 2 }
        if end >= 3, isUnicodeSpace(text[end - 3], text[end - 2], last) { return 3 }
        return 0
    }

    /// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F and U+3000 as their three UTF-8 bytes.
    @inline(__always)
    static func isUnicodeSpace(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
        switch first {
        case 0xE1: return second == 0x9A && third == 0x80
        case 0xE2:
            if second == 0x80 { return (0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF }
            return second == 0x81 && third == 0x9F
        case 0xE3: return second == 0x80 && third == 0x80
        default: return false
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

    /// Whether `text` is empty or only white space.
    static func isBlank(_ text: String) -> Bool { text.utf8.allSatisfy(isASCIISpace) || text.unicodeScalars.allSatisfy(\.isSpace) }

    /// `isBlank(node.textContent)` read from the text bytes in place, without making a String: the body
    /// search asks it of most nodes of a page.
    static func isBlank(node: DOMNode) -> Bool {
        if node.isText {
            guard let content = node.pointee.content else { return true }
            var index = 0
            while content[index] != 0 {
                let byte = content[index]
                if byte >= 0x80 { return isBlank(String(cString: content)) }
                if !isASCIISpace(byte) { return false }
                index += 1
            }
            return true
        }
        guard node.isElement || node.pointee.type == XML_DOCUMENT_NODE || node.pointee.type == XML_HTML_DOCUMENT_NODE
        else { return true }
        var child = node.pointee.children
        while let current = child {
            if !isBlank(node: current) { return false }
            child = current.pointee.next
        }
        return true
    }

    @inline(__always)
    static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
}

extension Unicode.Scalar {
    /// Unicode white space, answered without the property tables for ASCII: the table look-up was the top
    /// single cost of an extraction when every trim and blank test went through it.
    @inline(__always)
    var isSpace: Bool {
        value < 0x80 ? TextMeasure.isASCIISpace(UInt8(value)) : properties.isWhitespace
    }
}

extension String {
    /// The string without leading and trailing white space (including no-break spaces), found over its
    /// UTF-8 bytes.
    var whitespaceTrimmed: String {
        var text = self
        return text.withUTF8 { bytes in
            let range = TextMeasure.trimmedRange(bytes)
            return range.count == bytes.count ? self : String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
    }

    /// `lowercased().contains(needle)` for a lower-case ASCII `needle`. An ASCII string (nearly every
    /// attribute value) is searched as bytes, lower-cased as they are read: through Foundation, these
    /// searches over every image attribute of a page were 3% of an extraction.
    func lowercasedContains(_ needle: String) -> Bool {
        var text = self
        let found: Bool? = text.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return Self.asciiLowercasedOffset(of: needle, in: bytes, from: 0) != nil
        }
        return found ?? lowercased().contains(needle)
    }

    /// Where lower-case ASCII `needle` first occurs at or after byte `start` of ASCII `text` read in lower case.
    static func asciiLowercasedOffset(of needle: String, in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var needle = needle
        return needle.withUTF8 { pattern in
            guard !pattern.isEmpty, text.count >= pattern.count, start <= text.count - pattern.count else { return nil }
            for offset in start...(text.count - pattern.count) {
                var matched = 0
                while matched < pattern.count, Self.asciiLowercased(text[offset + matched]) == pattern[matched] { matched += 1 }
                if matched == pattern.count { return offset }
            }
            return nil
        }
    }

    @inline(__always)
    static func asciiLowercased(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
}

/// `TextMeasure.textLength` and `TextMeasure.linkDensity` of chosen elements, all from one walk of the page.
///
/// Choosing the top candidate asks the link density of every scored ancestor, and each answer walked the
/// ancestor's whole subtree: these subtrees nest, so the page was read several times over (a tenth of an
/// extraction). One walk keeps the running counts of `TextMeasure.LengthCounter` and reads each element's
/// share off them. Valid until the page changes.
struct LinkDensityTable {
    private var densities: [DOMNode: Double] = [:]

    /// Measures the elements of `wanted` below `root`.
    init(root: DOMNode, wanted: Set<DOMNode>) {
        var walker = Walker(wanted: wanted)
        walker.visit(root)
        for record in walker.records where record.isWanted {
            densities[record.node] = record.total > 0
                ? (Double(record.linked) + record.linkedInPage) / Double(record.total) : 0
        }
    }

    /// The link density of `node`, as `TextMeasure.linkDensity` gives it (measured on the spot when it
    /// was not below the root, as in a subtree taken out of the page).
    func linkDensity(_ node: DOMNode) -> Double { densities[node] ?? TextMeasure.linkDensity(node) }

    private struct Record {
        let node: DOMNode
        let isWanted: Bool
        let startLength: Int
        /// The page's run count just after this element's first non-space character (-1: none yet).
        var runsAtFirstText = -1
        var total = 0
        /// Link text inside the element at full weight, and in-page (`#`) links at their lower weight,
        /// kept apart so the common page without in-page links sums exactly as `linkDensity` does.
        var linked = 0
        var linkedInPage = 0.0
    }

    /// `LengthCounter` over the whole page, with a stack of the elements open around the current node.
    /// An element's length is the characters read while it was open plus the runs counted after its first
    /// character: before that, its own counter would not have seen text yet.
    private struct Walker {
        let wanted: Set<DOMNode>
        var length = 0
        var runs = 0
        var seenText = false
        var inRun = false
        var records: [Record] = []
        /// Indices into `records` of the open elements measured for themselves or as links.
        var open: [Int] = []
        /// The tail of `open` whose first character has not been read yet.
        var pendingFrom = 0

        init(wanted: Set<DOMNode>) { self.wanted = wanted }

        mutating func visit(_ node: DOMNode) {
            if node.isText {
                add(TextNodeSummary(node))
                return
            }
            guard node.isElement else { return }
            let isLink = node.isTag("a")
            let isWanted = wanted.contains(node)
            let measured = isLink || isWanted
            if measured {
                open.append(records.count)
                records.append(Record(node: node, isWanted: isWanted, startLength: length))
            }
            var child = node.pointee.children
            while let current = child {
                visit(current)
                child = current.pointee.next
            }
            guard measured, let index = open.popLast() else { return }
            pendingFrom = min(pendingFrom, open.count)
            let record = records[index]
            let total = record.runsAtFirstText < 0 ? 0 : length - record.startLength + runs - record.runsAtFirstText
            records[index].total = total
            guard isLink, total > 0 else { return }
            let href = node.attribute("href") ?? ""
            let inPage = href.count > 1 && href.hasPrefix("#")
            for outer in open {
                if inPage { records[outer].linkedInPage += Double(total) * 0.3 } else { records[outer].linked += total }
            }
        }

        /// `LengthCounter.add`, also noting the run count at the first character of the elements opened
        /// since the last text.
        mutating func add(_ text: TextNodeSummary) {
            guard text.hasText else {
                if text.startsWithSpace { inRun = true }
                return
            }
            if inRun || text.startsWithSpace, seenText { runs += 1 }
            seenText = true
            if pendingFrom < open.count {
                for position in pendingFrom..<open.count { records[open[position]].runsAtFirstText = runs }
                pendingFrom = open.count
            }
            runs += text.runsInside
            length += text.units
            inRun = text.endsWithSpace
        }
    }
}
