/// Rewrites the `href` and `src` attributes of serialized HTML.
///
/// Both cmark-gfm and the HTML sanitizer write attributes as `name="value"` with `&`, `<`, `>` and
/// `"` escaped, so a scan of the bytes finds every one without parsing the document again.
enum AttributeRewriter {
    /// Calls `transform` with each `href`/`src` value (entities decoded); a non-nil result
    /// replaces it (escaped again).
    static func rewrite(_ html: String, _ transform: (String) -> String?) -> String {
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        var index = 0
        var copiedUpTo = 0
        while index < bytes.count {
            guard let valueStart = attributeValueStart(bytes, at: index) else {
                index += 1
                continue
            }
            guard let valueEnd = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            let value = decodeEntities(String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self))
            if let replacement = transform(value) {
                output.append(contentsOf: bytes[copiedUpTo..<valueStart])
                output.append(contentsOf: escape(replacement).utf8)
                copiedUpTo = valueEnd
            }
            index = valueEnd + 1
        }
        guard copiedUpTo > 0 else { return html }
        output.append(contentsOf: bytes[copiedUpTo...])
        return String(decoding: output, as: UTF8.self)
    }

    private static let href = Array(" href=\"".utf8)
    private static let src = Array(" src=\"".utf8)

    /// Where the value starts when an ` href="` or ` src="` begins at `index`.
    private static func attributeValueStart(_ bytes: [UInt8], at index: Int) -> Int? {
        let byte = bytes[index]
        guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") else { return nil }
        for name in [href, src] where index + name.count <= bytes.count {
            if bytes[(index + 1)..<(index + name.count)].elementsEqual(name.dropFirst()) { return index + name.count }
        }
        return nil
    }

    static func decodeEntities(_ value: String) -> String {
        guard value.contains("&") else { return value }
        return value.replacingEntities([("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"), ("&#39;", "'"), ("&amp;", "&")])
    }

    static func escape(_ value: String) -> String {
        value.replacingEntities([("&", "&amp;"), ("\"", "&quot;"), ("<", "&lt;"), (">", "&gt;")])
    }
}

private extension String {
    func replacingEntities(_ pairs: [(String, String)]) -> String {
        var result = self
        for (from, to) in pairs { result = result.replacing(from, with: to) }
        return result
    }
}
