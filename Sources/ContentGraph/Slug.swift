import Infrastructure
import SiteConfig

/// URL slugs: Vietnamese folded to ASCII, symbols that carry meaning spelled out, stable.
public enum Slug {
    /// The longest slug made; longer ones are cut at a hyphen.
    public static let maximumLength = 80

    /// Folds a name into a slug: `Chuyển đổi số` → `chuyen-doi-so`, `Đà Nẵng` → `da-nang`,
    /// `C++` → `c-plus-plus`, `Q&A` → `q-and-a`, `#MeToo` → `metoo`, `50/50` → `50-50`.
    /// Letters of other scripts are kept, lower-cased. May return an empty string.
    public static func fold(_ name: String) -> String {
        var folding = Folding()
        // Canonical decomposition splits a letter from its diacritics, which are then dropped.
        // Foundation's decomposition is slow, and the Latin letters news names use have their
        // base letter in `baseLetters`: only other text is decomposed by Foundation.
        if name.unicodeScalars.allSatisfy({ $0.isASCII || baseLetter($0) != nil || isMark($0) }) {
            for scalar in name.unicodeScalars {
                if let base = baseLetter(scalar), base != 0 {
                    folding.add(Unicode.Scalar(base))
                } else {
                    folding.add(scalar)
                }
            }
        } else {
            for scalar in name.decomposedStringWithCanonicalMapping.unicodeScalars { folding.add(scalar) }
        }
        return cut(folding.finish())
    }

    /// A name made a slug as `style` says: folded (`on`), kept as written (`safe`, see
    /// `asWritten`), that lowercased (`lower`), or kept exactly (`off`) but for `/`, `\` and
    /// control characters, which would make other folders or no file at all.
    /// A slug of dots alone (`.`, `..`) would name the folder it is in or the one above: it is folded.
    public static func make(_ name: String, style: SlugStyle) -> String {
        let slug: String
        switch style {
        case .on: return fold(name)
        case .safe: slug = asWritten(name)
        case .lower: slug = asWritten(name).lowercased()
        case .off: slug = String(name.unicodeScalars.filter { $0 != "/" && $0 != "\\" && $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
        }
        return slug.utf8.allSatisfy { $0 == UInt8(ascii: ".") } ? fold(name) : slug
    }

    /// A slug someone wrote (front matter `slug:`, a file or folder name) kept as written — case,
    /// `_`, `.` and letters of any script — as Hugo and Zola keep one: only what a URL path cannot
    /// hold as it is goes. Runs of white space become `-`; other ASCII punctuation but `. _ - ~ +
    /// @` is dropped (`/`, `?`, `#`, `%`, quotes, brackets), as are control characters. Not
    /// percent-encoded: the slug names a folder on disk, which a server finds by the decoded URL.
    /// Not cut: a name too long for a file system is reported where the URL is made.
    public static func asWritten(_ name: String) -> String {
        // Written as UTF-8 bytes: appending to a scalar view cost 300 instructions a character, on
        // the file name of every document.
        var slug: [UInt8] = []
        slug.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for scalar in name.unicodeScalars {
            if scalar.isSpace {
                pendingSpace = !slug.isEmpty
                continue
            }
            let kept: Bool
            if scalar.isASCII {
                switch UInt8(scalar.value) {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                     UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "+"), UInt8(ascii: "@"):
                    kept = true
                default:
                    kept = false
                }
            } else {
                let properties = scalar.properties
                kept = properties.isAlphabetic || properties.numericType != nil || isMark(scalar)
            }
            guard kept else { continue }
            if pendingSpace { slug.append(UInt8(ascii: "-")) }
            pendingSpace = false
            UTF8.encode(scalar) { slug.append($0) }
        }
        return String(decoding: slug, as: UTF8.self)
    }

    /// Words being folded into a slug, one scalar at a time, written as UTF-8 with a `-` between
    /// words: every heading, tag and title of a site is folded.
    private struct Folding {
        var bytes: [UInt8] = []
        var inWord = false
        var previousWasAlphanumeric = false

        mutating func endWord() {
            inWord = false
        }

        /// Adds a byte to the word, starting one (after a `-`) if none is open.
        mutating func append(_ byte: UInt8) {
            if !inWord {
                if !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                inWord = true
            }
            bytes.append(byte)
        }

        /// A word of its own.
        mutating func appendWord(_ word: String) {
            endWord()
            for byte in word.utf8 { append(byte) }
            endWord()
        }

        mutating func add(_ scalar: Unicode.Scalar) {
            if Slug.isMark(scalar) { return }
            switch scalar {
            case "đ", "Đ", "ð", "Ð":
                append(UInt8(ascii: "d"))
                previousWasAlphanumeric = true
                return
            case "+", "&", "@", "%":
                appendWord(spelledOut[scalar]!)
                previousWasAlphanumeric = false
                return
            case "#":
                // `C#` and `F#` are names; a leading `#` is a hashtag mark.
                if previousWasAlphanumeric { appendWord("sharp") }
                previousWasAlphanumeric = false
                return
            default:
                break
            }
            if scalar.isASCII {
                // No String per letter, and no Unicode property lookup, for the common case.
                let value = UInt8(scalar.value)
                switch value {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    append(value)
                    previousWasAlphanumeric = true
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    append(value + 0x20)
                    previousWasAlphanumeric = true
                default:
                    // The apostrophe of `don't` joins, everything else separates.
                    if scalar != "'" { endWord() }
                    previousWasAlphanumeric = false
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                for byte in String(scalar).lowercased().utf8 { append(byte) }
                previousWasAlphanumeric = true
            } else {
                if scalar != "’" { endWord() }
                previousWasAlphanumeric = false
            }
        }

        func finish() -> String {
            String(decoding: bytes, as: UTF8.self)
        }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        guard !scalar.isASCII else { return false }
        let category = scalar.properties.generalCategory
        return category == .nonspacingMark || category == .enclosingMark
    }

    /// The ASCII letter a letter of Latin-1, Latin Extended-A and -B or Latin Extended Additional
    /// (every Vietnamese letter) decomposes to when the rest of its canonical decomposition is
    /// marks; 0 when it does not decompose; nil for other scalars and for letters that decompose
    /// otherwise, which take Foundation's path.
    private static func baseLetter(_ scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        let entry: UInt8
        switch value {
        case 0xC0...0x24F: entry = baseLetters[Int(value - 0xC0)]
        case 0x1E00...0x1EFF: entry = baseLetters[Int(value - 0x1E00) + 0x190]
        default: return nil
        }
        return entry == notInTable ? nil : entry
    }

    private static let notInTable: UInt8 = 0xFF

    /// `baseLetter`'s answers for the two ranges, one after the other, looked up by offset: worked
    /// out once, with Foundation, so both paths agree.
    private static let baseLetters: [UInt8] = (Array(0xC0...0x24F) + Array(0x1E00...0x1EFF)).map { value in
        guard let scalar = Unicode.Scalar(value) else { return notInTable }
        let decomposed = Array(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars)
        if decomposed == [scalar] { return 0 }
        if let first = decomposed.first, first.isASCII, decomposed.dropFirst().allSatisfy(isMark) { return UInt8(first.value) }
        return notInTable
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
