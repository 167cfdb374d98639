#if canImport(Glibc)
import Glibc
#endif

/// A page's bytes with the bodies of its `<script>` and `<style>` elements taken out before libxml2 parses
/// them, JSON-LD excepted. Those bodies are two fifths of a scraped news page, and libxml2 2.9 reads them
/// a character at a time: they were a quarter of the parse, which is the largest cost of an extraction.
/// Nothing reads them (the extractor drops scripts and styles before it looks at the body), so the tags stay
/// and only their content goes.
///
/// The scan follows the markup as libxml2 2.9 tokenizes it (comments, start tags with quoted and bogus
/// attributes, end tags, raw text ended by `</script` or `</style`), and gives up, keeping the rest of the
/// page as it is, wherever that reading could be in doubt. `agrees(with:)` then checks the parse against
/// the scan, so a page whose markup the scan still misread is parsed again from its original bytes.
struct RawTextStripper {
    /// The bytes to parse.
    private(set) var bytes: [UInt8]
    /// Whether any body was taken out (otherwise `bytes` is the page itself and needs no check).
    private(set) var stripped = false
    /// The script and style elements the scan found, emptied or kept.
    private(set) var elementCount = 0

    /// Scans `input`, a page in an ASCII-compatible encoding (UTF-8, windows-1252).
    init(_ input: [UInt8]) {
        bytes = input
        var output: [UInt8] = []
        var copiedUpTo = 0
        input.withUnsafeBufferPointer { page in
            // A NUL byte ends libxml2's reading early in some states; such a page is left to it whole.
            guard let base = page.baseAddress, memchr(base, 0, page.count) == nil else { return }
            var scanner = Scanner(page: page)
            while let body = scanner.nextRawTextBody() {
                elementCount += 1
                guard body.removable, !body.range.isEmpty else { continue }
                if output.isEmpty { output.reserveCapacity(page.count) }
                output.append(contentsOf: page[copiedUpTo..<body.range.lowerBound])
                copiedUpTo = body.range.upperBound
            }
            guard copiedUpTo > 0 else { return }
            output.append(contentsOf: page[copiedUpTo...])
        }
        if copiedUpTo > 0 {
            bytes = output
            stripped = true
        }
    }

    /// Whether libxml2 found the script and style elements the scan did, i.e. read the markup the same way.
    /// `found` holds every script and style element of the parsed page (and maybe other elements).
    func agrees(with found: [DOMNode]) -> Bool {
        !stripped || found.lazy.filter { $0.isTag("script") || $0.isTag("style") }.count == elementCount
    }

    /// Charsets in which every byte below 0x80 is the ASCII character, so markup can be read bytewise.
    static func canScan(encoding: String?) -> Bool {
        guard let name = encoding?.lowercased() else { return false }
        return name == "utf-8" || name.hasPrefix("windows-125") || name.hasPrefix("iso-8859-")
    }

    /// The body of one script or style element: where it lies, and whether it may go.
    struct RawTextBody {
        var range: Range<Int>
        /// False for JSON-LD (and for anything whose `type` could spell it through an entity).
        var removable: Bool
    }

    /// libxml2 2.9's HTML tokenizer, reduced to what finds raw-text bodies.
    struct Scanner {
        let page: UnsafeBufferPointer<UInt8>
        var index = 0

        init(page: UnsafeBufferPointer<UInt8>) { self.page = page }

        /// The next script or style body, or nil at the end of the page or where the scan gives up.
        mutating func nextRawTextBody() -> RawTextBody? {
            while let open = find(UInt8(ascii: "<"), from: index) {
                let next = byte(open + 1)
                if next == UInt8(ascii: "!") {
                    guard skipDeclaration(at: open) else { return nil }
                } else if next == UInt8(ascii: "?") {
                    // A processing instruction with a target ends at the first `>`; `<?` without one is dropped.
                    let target = byte(open + 2)
                    guard target < 0x80 else { return nil }
                    if Self.isLetter(target) || target == UInt8(ascii: "_") || target == UInt8(ascii: ":") {
                        guard let close = find(UInt8(ascii: ">"), from: open + 2) else { return nil }
                        index = close + 1
                    } else {
                        index = open + 2
                    }
                } else if next == UInt8(ascii: "/") {
                    // An end tag ends at the first `>`, quotes or not; `</` without a name is text.
                    if Self.startsName(byte(open + 2)) {
                        guard let close = find(UInt8(ascii: ">"), from: open + 2) else { return nil }
                        index = close + 1
                    } else {
                        index = open + 2
                    }
                } else if Self.isLetter(next) {
                    guard let tag = startTag(at: open) else { return nil }
                    index = tag.end
                    guard let name = tag.rawTextName else { continue }
                    if tag.selfClosing { return RawTextBody(range: tag.end..<tag.end, removable: false) }
                    guard let close = endOfRawText(named: name, from: tag.end) else { return nil }
                    index = close
                    return RawTextBody(range: tag.end..<close, removable: !tag.mayBeJSON)
                } else {
                    index = open + 1
                }
            }
            return nil
        }

        /// `<!--…-->` (also ended by `--!>`), `<!DOCTYPE …>`, or a lone `<!` read as text. False to give up.
        mutating func skipDeclaration(at open: Int) -> Bool {
            if byte(open + 2) == UInt8(ascii: "-"), byte(open + 3) == UInt8(ascii: "-") {
                var search = open + 4
                while let dash = find(UInt8(ascii: "-"), from: search) {
                    if byte(dash + 1) == UInt8(ascii: "-") {
                        if byte(dash + 2) == UInt8(ascii: ">") {
                            index = dash + 3
                            return true
                        }
                        if byte(dash + 2) == UInt8(ascii: "!"), byte(dash + 3) == UInt8(ascii: ">") {
                            index = dash + 4
                            return true
                        }
                    }
                    search = dash + 1
                }
                return false
            }
            if matchesLowercased(Array("doctype".utf8), at: open + 2) {
                // Quoted identifiers hold no `>` in practice; one that does is not worth reading exactly.
                var position = open + 9
                var quote: UInt8 = 0
                while position < page.count {
                    let current = page[position]
                    if quote != 0 {
                        if current == quote { quote = 0 } else if current == UInt8(ascii: ">") { return false }
                    } else if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") {
                        quote = current
                    } else if current == UInt8(ascii: ">") {
                        index = position + 1
                        return true
                    }
                    position += 1
                }
                return false
            }
            index = open + 1
            return true
        }

        /// What a start tag says about raw text after it.
        struct StartTag {
            /// Just past the tag's `>`.
            var end: Int
            /// `script` or `style` (lower case), else nil.
            var rawTextName: [UInt8]?
            /// Ended by `/>`, which libxml2 reads as an empty element even for a script.
            var selfClosing: Bool
            /// The tag mentions `json` or holds an entity that could spell it.
            var mayBeJSON: Bool
        }

        static let script = Array("script".utf8)
        static let style = Array("style".utf8)

        /// Reads the start tag at `open` as `htmlParseStartTag` does: a name, then attributes whose values
        /// may be quoted (and then hold `>`), and, where an attribute name is expected but something else
        /// stands, a bogus run skipped up to white space or the tag's end. Nil to give up.
        mutating func startTag(at open: Int) -> StartTag? {
            var position = open + 1
            let nameStart = position
            while position < page.count, Self.continuesName(page[position]) { position += 1 }
            // libxml2 cuts names at 100 bytes and reads on from there; no real tag is that long.
            guard position - nameStart < 100 else { return nil }
            let name = UnsafeBufferPointer(rebasing: page[nameStart..<position])
            let rawTextName = Self.equalsLowercased(name, Self.script) ? Self.script
                : Self.equalsLowercased(name, Self.style) ? Self.style : nil
            var mayBeJSON = false
            while true {
                while position < page.count, Self.isBlank(page[position]) { position += 1 }
                guard position < page.count else { return nil }
                let current = page[position]
                if current == UInt8(ascii: ">") {
                    break
                }
                if current == UInt8(ascii: "/"), byte(position + 1) == UInt8(ascii: ">") {
                    return StartTag(end: position + 2, rawTextName: rawTextName, selfClosing: true, mayBeJSON: mayBeJSON)
                }
                let attributeStart = position
                if Self.startsName(current) {
                    while position < page.count, Self.continuesName(page[position]) { position += 1 }
                    while position < page.count, Self.isBlank(page[position]) { position += 1 }
                    if byte(position) == UInt8(ascii: "=") {
                        position += 1
                        while position < page.count, Self.isBlank(page[position]) { position += 1 }
                        let quote = byte(position)
                        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                            // An unclosed quote runs to the end of the page in libxml2.
                            guard let close = find(quote, from: position + 1) else { return nil }
                            position = close + 1
                        } else {
                            while position < page.count, !Self.isBlank(page[position]),
                                  page[position] != UInt8(ascii: ">") { position += 1 }
                        }
                    }
                } else {
                    while position < page.count, !Self.isBlank(page[position]), page[position] != UInt8(ascii: ">"),
                          !(page[position] == UInt8(ascii: "/") && byte(position + 1) == UInt8(ascii: ">")) {
                        position += 1
                    }
                }
                if rawTextName != nil, !mayBeJSON { mayBeJSON = mentionsJSON(attributeStart..<position) }
            }
            return StartTag(end: position + 1, rawTextName: rawTextName, selfClosing: false, mayBeJSON: mayBeJSON)
        }

        /// Where the raw text after a `name` start tag ends: at `</name` in any case, as libxml2 reads it in
        /// recovery mode. Nil (give up) when there is none, or when the end tag's name runs on (`</scripts>`):
        /// libxml2 ends the text there but stays inside the element.
        func endOfRawText(named name: [UInt8], from start: Int) -> Int? {
            var search = start
            while let open = find(UInt8(ascii: "<"), from: search) {
                if byte(open + 1) == UInt8(ascii: "/"), matchesLowercased(name, at: open + 2) {
                    return Self.continuesName(byte(open + 2 + name.count)) ? nil : open
                }
                search = open + 1
            }
            return nil
        }

        func mentionsJSON(_ range: Range<Int>) -> Bool {
            let json = Array("json".utf8)
            for position in range {
                if page[position] == UInt8(ascii: "&") { return true }
                if position + json.count <= range.upperBound, matchesLowercased(json, at: position) { return true }
            }
            return false
        }

        func find(_ target: UInt8, from start: Int) -> Int? {
            guard start < page.count, let base = page.baseAddress,
                  let found = memchr(base + start, Int32(target), page.count - start) else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }

        /// The byte at `position`, 0 past the end.
        func byte(_ position: Int) -> UInt8 { position < page.count ? page[position] : 0 }

        /// Whether `lowercase` (ASCII, lower case) stands at `position`, in any case.
        func matchesLowercased(_ lowercase: [UInt8], at position: Int) -> Bool {
            guard position + lowercase.count <= page.count else { return false }
            for offset in 0..<lowercase.count where Self.lowercased(page[position + offset]) != lowercase[offset] {
                return false
            }
            return true
        }

        static func equalsLowercased(_ name: UnsafeBufferPointer<UInt8>, _ lowercase: [UInt8]) -> Bool {
            name.count == lowercase.count && zip(name, lowercase).allSatisfy { lowercased($0) == $1 }
        }

        static func lowercased(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
        static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }
        static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

        /// `htmlParseHTMLName`'s first character.
        static func startsName(_ byte: UInt8) -> Bool {
            isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
        }

        static func continuesName(_ byte: UInt8) -> Bool {
            startsName(byte) || (byte >= 48 && byte <= 57) || byte == UInt8(ascii: "-")
        }
    }
}
