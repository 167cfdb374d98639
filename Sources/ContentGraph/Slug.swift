/// URL slugs: Vietnamese folded to ASCII, symbols that carry meaning spelled out, stable.
public enum Slug {
    /// The longest slug made; longer ones are cut at a hyphen.
    public static let maximumLength = 80

    /// Folds a name into a slug: `Chuyển đổi số` → `chuyen-doi-so`, `Đà Nẵng` → `da-nang`,
    /// `C++` → `c-plus-plus`, `Q&A` → `q-and-a`, `#MeToo` → `metoo`, `50/50` → `50-50`.
    /// Letters of other scripts are kept, lower-cased. May return an empty string.
    public static func fold(_ name: String) -> String {
        var words: [String] = []
        var word = ""
        func endWord() {
            if !word.isEmpty { words.append(word) }
            word = ""
        }
        var previousWasAlphanumeric = false
        // Canonical decomposition splits a letter from its diacritics, which are then dropped.
        // ASCII has no decompositions, and most names (file names) are ASCII: skip Foundation then.
        let isASCII = name.utf8.allSatisfy { $0 < 0x80 }
        for scalar in (isASCII ? name : name.decomposedStringWithCanonicalMapping).unicodeScalars {
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark { continue }
            switch scalar {
            case "đ", "Đ", "ð", "Ð":
                word.append("d")
                previousWasAlphanumeric = true
                continue
            case "+", "&", "@", "%":
                endWord()
                words.append(spelledOut[scalar]!)
                previousWasAlphanumeric = false
                continue
            case "#":
                // `C#` and `F#` are names; a leading `#` is a hashtag mark.
                if previousWasAlphanumeric {
                    endWord()
                    words.append("sharp")
                }
                previousWasAlphanumeric = false
                continue
            default:
                break
            }
            if properties.isAlphabetic || properties.numericType != nil {
                if scalar.isASCII {
                    // No String per letter for the common case.
                    let value = UInt8(scalar.value)
                    word.unicodeScalars.append(Unicode.Scalar(value >= 0x41 && value <= 0x5A ? value + 0x20 : value))
                } else {
                    for lower in String(scalar).lowercased().unicodeScalars { word.unicodeScalars.append(lower) }
                }
                previousWasAlphanumeric = true
            } else {
                // The apostrophe of `don't` joins, everything else separates.
                if scalar != "'" && scalar != "’" { endWord() }
                previousWasAlphanumeric = false
            }
        }
        endWord()
        return cut(words.joined(separator: "-"))
    }

    private static let spelledOut: [Unicode.Scalar: String] = ["+": "plus", "&": "and", "@": "at", "%": "percent"]

    /// Cuts a slug to the maximum length at the last hyphen that fits.
    static func cut(_ slug: String) -> String {
        guard slug.unicodeScalars.count > maximumLength else { return slug }
        let head = String(String.UnicodeScalarView(slug.unicodeScalars.prefix(maximumLength)))
        guard let hyphen = head.lastIndex(of: "-"), hyphen > head.startIndex else { return head }
        return String(head[..<hyphen])
    }
}
