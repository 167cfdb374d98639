#if canImport(Glibc)
import Glibc
#endif
import Infrastructure

/// Rewrites the `href`, `src` and `srcset` attributes of serialized HTML.
///
/// Both cmark-gfm and the HTML sanitizer write attributes as `name="value"` with `&`, `<`, `>` and
/// `"` escaped, so a scan of the bytes finds every one without parsing the document again.
enum AttributeRewriter {
    /// Which attribute a value was found in.
    enum Attribute {
        /// A link: `<a href>`.
        case href
        /// An embedded file: `<img src>`, `<video src>`, `<source src>`.
        case src
        /// Candidate images: `<img srcset>`, `<source srcset>` (a mirror points them at its copies).
        case srcset
    }

    /// Calls `transform` with each `href`/`src`/`srcset` value (entities decoded) and its attribute; a
    /// non-nil result replaces it (escaped again).
    static func rewrite(_ html: String, _ transform: (String, Attribute) -> String?) -> String {
        var html = html
        return SpillableText.applying(html.withUTF8 { edits(in: $0, transform) }, to: html)
    }

    /// `rewrite` of a body that may be in a spill file: its bytes are read once and the edits kept
    /// beside it, so the rewritten body takes no second place in the file.
    static func rewrite(_ body: SpillableText, _ transform: (String, Attribute) -> String?) -> SpillableText {
        body.editing(body.withUTF8 { edits(in: $0, transform) })
    }

    /// The replacements `transform` makes, as byte ranges of the body and their new values: found
    /// with `memchr` jumping from one `=` to the next (body text has few).
    private static func edits(in bytes: UnsafeBufferPointer<UInt8>, _ transform: (String, Attribute) -> String?) -> [SpillableText.Edit] {
        guard let base = bytes.baseAddress else { return [] }
        var found: [SpillableText.Edit] = []
        var index = 0
        while index < bytes.count, let hit = memchr(base + index, Int32(UInt8(ascii: "=")), bytes.count - index) {
            let equals = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            index = equals + 1
            guard let (valueStart, attribute) = attributeValueStart(bytes, equals: equals),
                  let valueEnd = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { continue }
            let value = decodeEntities(String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self))
            if let replacement = transform(value, attribute) { found.append(SpillableText.Edit(range: valueStart..<valueEnd, replacement: escape(replacement))) }
            index = valueEnd + 1
        }
        return found
    }

    /// Where the value starts, and in which attribute, when the `=` at `equals` ends ` href` or
    /// ` src` or ` srcset` and a `"` follows.
    private static func attributeValueStart(_ bytes: UnsafeBufferPointer<UInt8>, equals: Int) -> (Int, Attribute)? {
        guard equals + 1 < bytes.count, bytes[equals + 1] == UInt8(ascii: "\"") else { return nil }
        func isSpace(_ index: Int) -> Bool {
            index >= 0 && (bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\t"))
        }
        if equals >= 5, matches(bytes, at: equals - 4, "href"), isSpace(equals - 5) { return (equals + 2, .href) }
        if equals >= 4, matches(bytes, at: equals - 3, "src"), isSpace(equals - 4) { return (equals + 2, .src) }
        if equals >= 7, matches(bytes, at: equals - 6, "srcset"), isSpace(equals - 7) { return (equals + 2, .srcset) }
        return nil
    }

    /// Whether the ASCII `word` is at `index`, compared byte by byte in place.
    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ word: StaticString) -> Bool {
        guard index + word.utf8CodeUnitCount <= bytes.count else { return false }
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for offset in 0..<expected.count where bytes[index + offset] != expected[offset] { return false }
        return true
    }

    /// The five entities cmark and the sanitizer write, decoded in one pass over the bytes (the
    /// same result as replacing `&quot;`, `&lt;`, `&gt;`, `&#39;`, then `&amp;`).
    static func decodeEntities(_ value: String) -> String {
        guard value.containsBytes("&") else { return value }
        let bytes = Array(value.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        outer: while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&") {
                for (entity, character) in entities where bytes[index...].starts(with: entity) {
                    output.append(character)
                    index += entity.count
                    continue outer
                }
            }
            output.append(bytes[index])
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static let entities: [([UInt8], UInt8)] = [
        (Array("&quot;".utf8), UInt8(ascii: "\"")), (Array("&lt;".utf8), UInt8(ascii: "<")), (Array("&gt;".utf8), UInt8(ascii: ">")),
        (Array("&#39;".utf8), UInt8(ascii: "'")), (Array("&amp;".utf8), UInt8(ascii: "&")),
    ]

    /// `&`, `"`, `<` and `>` escaped, in one pass over the bytes.
    static func escape(_ value: String) -> String {
        func replacement(_ byte: UInt8) -> String? {
            switch byte {
            case UInt8(ascii: "&"): return "&amp;"
            case UInt8(ascii: "\""): return "&quot;"
            case UInt8(ascii: "<"): return "&lt;"
            case UInt8(ascii: ">"): return "&gt;"
            default: return nil
            }
        }
        guard value.utf8.contains(where: { replacement($0) != nil }) else { return value }
        var output: [UInt8] = []
        output.reserveCapacity(value.utf8.count + 16)
        for byte in value.utf8 {
            if let entity = replacement(byte) { output.append(contentsOf: entity.utf8) } else { output.append(byte) }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
