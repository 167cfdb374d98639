import CUTF8

/// Decides how libxml2 should decode a page, and repairs invalid UTF-8 before it parses.
///
/// libxml2 2.9 reads a page that declares nothing as Latin-1, which turns every Vietnamese letter into
/// two or three wrong ones; so a page that declares UTF-8 or nothing is validated here, repaired (each
/// invalid sequence becomes U+FFFD, as browsers do) and handed over as UTF-8. A page that declares
/// another charset is left to libxml2's converters.
struct CharsetRepair {
    /// The bytes to parse.
    var bytes: [UInt8]
    /// The encoding to force, or nil to let libxml2 follow the page's declaration.
    var encoding: String?
    /// What was repaired, for the page's warnings.
    var warnings: [String] = []

    init(_ input: [UInt8]) {
        bytes = input
        if input.starts(with: [0xFE, 0xFF]) || input.starts(with: [0xFF, 0xFE]) {
            encoding = nil  // UTF-16 with a byte-order mark: libxml2 detects it.
            return
        }
        let isValidUTF8 = Self.isValidUTF8(input)
        if let declared = Self.declaredCharset(input), !["utf-8", "utf8", "unicode-1-1-utf-8"].contains(declared) {
            // Text in a legacy multi-byte charset is almost never valid UTF-8 by chance; a page that is valid
            // UTF-8 with non-ASCII letters was re-saved as UTF-8 without its declaration being updated.
            if isValidUTF8, input.contains(where: { $0 >= 0x80 }) {
                encoding = "UTF-8"
                warnings.append("declared \(declared) but is valid UTF-8; read as UTF-8")
                return
            }
            // Pages that say ISO-8859-1 or ASCII are in practice windows-1252, as browsers assume.
            encoding = ["iso-8859-1", "latin1", "us-ascii", "ascii"].contains(declared) ? "windows-1252" : declared
            return
        }
        encoding = "UTF-8"
        if !isValidUTF8, Self.validMultibyteCount(input) == 0 {
            // Not one well-formed UTF-8 sequence among its non-ASCII bytes: an undeclared legacy page, which
            // browsers read as windows-1252 too. Repairing it as UTF-8 would erase every accented letter.
            encoding = "windows-1252"
            warnings.append("not UTF-8 and no charset declared; read as windows-1252")
            return
        }
        if !isValidUTF8 {
            let repaired = Array(String(decoding: input, as: UTF8.self).utf8)
            let replaced = Self.replacementCount(repaired) - Self.replacementCount(input)
            bytes = repaired
            warnings.append("repaired \(replaced) invalid UTF-8 sequence\(replaced == 1 ? "" : "s") (replaced with U+FFFD)")
        }
    }

    /// Whether `bytes` is well-formed UTF-8 (Unicode's table 3-7: no overlong forms, surrogates or values
    /// past U+10FFFF), as `String(validating:)` decides, making no copy: 32 bytes at a time where the
    /// processor can (`CUTF8`), since every page of a crawl is checked whole.
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return true }
            return broadsheet_utf8_is_valid(base, buffer.count) != 0
        }
    }

    /// How many well-formed multi-byte UTF-8 sequences `bytes` holds.
    static func validMultibyteCount(_ bytes: [UInt8]) -> Int {
        var count = 0
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 && lead <= 0xDF ? 2 : 1
            if length > 1, index + length <= bytes.count,
               bytes[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 }) {
                count += 1
                index += length
            } else {
                index += 1
            }
        }
        return count
    }

    static func replacementCount(_ bytes: [UInt8]) -> Int {
        var count = 0
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == 0xEF, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBD {
                count += 1
                index += 3
            } else {
                index += 1
            }
        }
        return count
    }

    /// The charset named by `<meta charset>`, `<meta http-equiv content="…; charset=…">` or an XML
    /// declaration within the first 4 KiB, lower-cased.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        for marker in [Array("charset".utf8), Array("encoding".utf8)] {
            var start = 0
            while let found = firstIndex(of: marker, in: head, from: start) {
                var index = found + marker.count
                while index < head.count, head[index] == 32 { index += 1 }
                guard index < head.count, head[index] == UInt8(ascii: "=") else { start = found + 1; continue }
                index += 1
                while index < head.count, head[index] == 32 || head[index] == 34 || head[index] == 39 { index += 1 }
                var name: [UInt8] = []
                while index < head.count, isNameByte(head[index]) { name.append(head[index]); index += 1 }
                if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
                start = found + 1
            }
        }
        return nil
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte == 45 || byte == 95 || byte == 46 || byte == 58
    }

    static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= pattern.count, start <= bytes.count - pattern.count else { return nil }
        for index in start...(bytes.count - pattern.count) where bytes[index] == pattern[0] {
            if Array(bytes[index..<index + pattern.count]) == pattern { return index }
        }
        return nil
    }
}
