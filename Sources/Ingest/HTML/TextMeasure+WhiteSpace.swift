import CLibXML2
import Infrastructure
#if canImport(Glibc)
import Glibc
#endif

/// White space as the heuristics see it: Unicode's `White_Space` for trimming and folding, JavaScript's `\s`
/// for the reader-view lengths, both read from UTF-8 bytes in place.
extension TextMeasure {
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

    /// Whether `text` is empty or only white space.
    static func isBlank(_ text: String) -> Bool { text.utf8.allSatisfy(isASCIISpace) || text.unicodeScalars.allSatisfy(\.isSpace) }

    /// `isBlank(node.textContent)` read from the text bytes in place, without making a String: the body
    /// search asks it of most nodes of a page.
    static func isBlank(node: DOMNode) -> Bool {
        if node.isText {
            guard let content = node.pointee.content else { return true }
            // White space beyond ASCII read in the bytes too (`unicodeSpaceWidth`): a text starting
            // with a letter such as `Đ` was made into a String here.
            let text = UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self)))
            var index = 0
            while index < text.count {
                let width = unicodeSpaceWidth(text, index)
                if width == 0 { return false }
                index += width
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
