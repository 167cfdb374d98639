/// Rewrites the `href` and `src` attributes of serialized HTML.
///
/// Both cmark-gfm and the HTML sanitizer write attributes as `name="value"` with `&`, `<`, `>` and
/// `"` escaped, so a scan of the bytes finds every one without parsing the document again.
enum AttributeRewriter {
    /// Calls `transform` with each `href`/`src` value (entities decoded); a non-nil result
    /// replaces it (escaped again).
    static func rewrite(_ html: String, _ transform: (String) -> String?) -> String {
        var html = html
        // One pass over the contiguous UTF-8 bytes, with no allocation until an attribute is
        // replaced: this runs over every byte of every body.
        let rewritten: [UInt8]? = html.withUTF8 { bytes in
            var output: [UInt8] = []
            var index = 0
            var copiedUpTo = 0
            while index < bytes.count {
                guard let valueStart = attributeValueStart(bytes, at: index) else {
                    index += 1
                    continue
                }
                guard let valueEnd = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { break }
                let value = decodeEntities(String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self))
                if let replacement = transform(value) {
                    if output.isEmpty { output.reserveCapacity(bytes.count + 64) }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<valueStart]))
                    output.append(contentsOf: escape(replacement).utf8)
                    copiedUpTo = valueEnd
                }
                index = valueEnd + 1
            }
            guard copiedUpTo > 0 else { return nil }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo...]))
            return output
        }
        return rewritten.map { String(decoding: $0, as: UTF8.self) } ?? html
    }

    /// Where the value starts when an ` href="` or ` src="` begins at `index`.
    private static func attributeValueStart(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let byte = bytes[index]
        guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") else { return nil }
        if matches(bytes, at: index + 1, "href=\"") { return index + 7 }
        if matches(bytes, at: index + 1, "src=\"") { return index + 6 }
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
        guard value.utf8.contains(UInt8(ascii: "&")) else { return value }
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
