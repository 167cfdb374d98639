import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns a text file's bytes into a string: UTF-8 (a byte-order mark dropped), UTF-16 with its
/// byte-order mark, or, when the bytes are not UTF-8, a legacy one-byte encoding (Windows-1258
/// for a Vietnamese site, where Word and old CMSs saved it; Windows-1252 otherwise) through
/// glibc's iconv. What was not UTF-8 is said in `note`, so the author can convert the file.
struct TextDecoding {
    /// The text, or nil when the bytes cannot be read in any of these encodings.
    let text: String?
    /// How the bytes were read when they were not plain UTF-8.
    let note: String?
    /// Whether they were read in the legacy encoding (then the first byte that is not UTF-8 says where).
    var isLegacy = false

    /// Decodes `bytes`; `legacyEncoding` is an iconv name.
    init(_ bytes: [UInt8], legacyEncoding: String) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            text = String(validating: bytes.dropFirst(3), as: UTF8.self)
            note = nil
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let littleEndian = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var index = 2
            while index + 1 < bytes.count {
                units.append(littleEndian ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8 : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
                index += 2
            }
            text = String(validating: units, as: UTF16.self)
            note = "read as UTF-16 (byte-order mark); save it as UTF-8"
        } else if let utf8 = String(validating: bytes, as: UTF8.self) {
            text = utf8
            note = nil
        } else if let repaired = Self.damagedUTF8(bytes) {
            // Letters written in UTF-8 around a few broken bytes: a UTF-8 file, damaged. Read in the
            // legacy encoding, its letters would all turn to mojibake.
            text = repaired.text
            note = "\(repaired.replaced) byte\(repaired.replaced == 1 ? " is" : "s are") not UTF-8 (shown as U+FFFD); the rest is UTF-8"
            isLegacy = true
        } else if let legacy = Self.iconv(bytes, from: legacyEncoding) {
            // Windows-1258 writes Vietnamese tones as combining marks: composed, as UTF-8 files have them.
            text = legacy.precomposedStringWithCanonicalMapping
            note = "not valid UTF-8; read as \(legacyEncoding.lowercased()) — save it as UTF-8"
            isLegacy = true
        } else {
            text = nil
            note = nil
        }
    }

    /// The text with its bad bytes replaced, when the bytes hold at least one well-formed UTF-8
    /// letter beyond ASCII (a legacy one-byte text almost never does); nil otherwise.
    private static func damagedUTF8(_ bytes: [UInt8]) -> (text: String, replaced: Int)? {
        let text = String(decoding: bytes, as: UTF8.self)
        var replaced = 0
        var letters = 0
        for scalar in text.unicodeScalars where scalar.value > 0x7F {
            if scalar == "\u{FFFD}" { replaced += 1 } else { letters += 1 }
        }
        return letters > 0 ? (text, replaced) : nil
    }

    /// `bytes` converted from `encoding` to UTF-8, or nil when iconv cannot.
    private static func iconv(_ bytes: [UInt8], from encoding: String) -> String? {
        let converter = iconv_open("UTF-8", encoding)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 4)
        let converted: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                var outLeft = outBuffer.count
                guard Glibc.iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let converted else { return nil }
        return String(validating: output[..<converted].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
