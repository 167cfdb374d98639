import Foundation

/// Unicode Normalization Form C, the form names are compared and shown in.
///
/// Foundation's `precomposedStringWithCanonicalMapping` costs microseconds even for text that is
/// already composed, and every title, summary and name goes through here. Text whose scalars all
/// lie in ranges where every character is its own NFC form and none combines with a neighbour
/// (ASCII and Latin-1, the precomposed Latin letters Vietnamese uses, general punctuation,
/// CJK ideographs, Hangul syllables) is returned as it is; anything else goes to Foundation.
/// Extracted page text is composed here too: the same letter written decomposed would not match
/// itself composed in a search or a comparison.
public enum NFC {
    /// `text` in NFC, returned as it is when it is known to be composed already.
    public static func normalize(_ text: String) -> String {
        isComposed(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// True when the text is NFC by the range rule above (false means "not known", not "not NFC").
    ///
    /// Read as UTF-8 bytes rather than scalars: whole article bodies come through here. A lead byte below
    /// 0xCC starts a scalar below U+0300 (continuation bytes are skipped the same way), so only three-byte
    /// scalars are decoded; two-byte ones from U+0300 up and four-byte ones are outside every range.
    public static func isComposed(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0xCC {
                    index += 1
                    continue
                }
                guard lead >= 0xE0, lead < 0xF0, index + 2 < bytes.count else { return false }
                let scalar = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                guard isComposedThreeByte(scalar) else { return false }
                index += 3
            }
            return true
        }
    }

    @inline(__always)
    private static func isComposedThreeByte(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x1E00...0x1EFF,    // Latin Extended Additional: precomposed letters (ạ ả ấ … ỹ)
             0x2002...0x206F,    // General Punctuation but U+2000/U+2001, which are singletons
             0x20A0...0x20CF,    // currency signs
             0x3000...0x303F,    // CJK punctuation
             0x4E00...0x9FFF,    // CJK Unified Ideographs
             0xAC00...0xD7A3:    // Hangul syllables (already composed)
            return true
        default:
            return false
        }
    }
}
