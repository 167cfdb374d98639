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
    public static func isComposed(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0..<0x300,          // up to IPA and spacing modifiers: none decomposes or combines
                 0x1E00...0x1EFF,    // Latin Extended Additional: precomposed letters (ạ ả ấ … ỹ)
                 0x2002...0x206F,    // General Punctuation but U+2000/U+2001, which are singletons
                 0x20A0...0x20CF,    // currency signs
                 0x3000...0x303F,    // CJK punctuation
                 0x4E00...0x9FFF,    // CJK Unified Ideographs
                 0xAC00...0xD7A3:    // Hangul syllables (already composed)
                continue
            default:
                return false
            }
        }
        return true
    }
}
