/// Escapes text for XML character data and attribute values.
enum XMLText {
    /// Works on UTF-8 bytes and copies unescaped runs whole: feeds with full article bodies escape
    /// megabytes per build.
    static func escape(_ text: String) -> String {
        var bytes = text
        return bytes.withUTF8 { utf8 -> String in
            // Most URLs and titles have nothing to escape: they are kept, not copied.
            guard utf8.contains(where: needsEscaping) else { return text }
            var result: [UInt8] = []
            result.reserveCapacity(utf8.count + utf8.count / 8)
            var runStart = 0
            for index in 0..<utf8.count {
                let replacement: StaticString
                switch utf8[index] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&apos;"
                case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): continue
                // Other control characters are not allowed in XML 1.0: dropped.
                case 0..<0x20: replacement = ""
                default: continue
                }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                replacement.withUTF8Buffer { result.append(contentsOf: $0) }
                runStart = index + 1
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// Whether `escape` replaces or drops the byte: markup and quote characters, and control
    /// characters but tab and line ends.
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): false
        default: byte < 0x20
        }
    }

    /// Plain text for an element that RSS readers read as HTML (`<description>`): escaped for HTML
    /// first, then for XML, so a summary reading `<script>` reaches the reader as text, not markup.
    static func escapeAsHTMLText(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }) else {
            return escape(text)
        }
        var html = ""
        html.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": html += "&amp;"
            case "<": html += "&lt;"
            case ">": html += "&gt;"
            default: html.unicodeScalars.append(character)
            }
        }
        return escape(html)
    }
}
