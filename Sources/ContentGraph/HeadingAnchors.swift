import Infrastructure

/// Gives the `h2`–`h4` headings of an article body stable `id`s and lists them as a table of
/// contents. Ids come from the heading text (`## Giá xăng` → `gia-xang`), numbered when repeated,
/// so a link to a section of an article survives rebuilds.
///
/// Rendering anchors every article page with it; the graph asks it which ids a linked article's
/// page will have, to check links to its sections (`link.anchor`). Runs once per article page on
/// the build's hot path, so it scans UTF-8 bytes and copies the body only when it has headings to
/// change.
public struct HeadingAnchors {
    /// One entry of the table of contents.
    public struct Entry {
        /// 2 to 4, as in `h2`–`h4`.
        public var level: Int
        /// The heading as plain text.
        public var text: String
        /// The heading's `id`: the one written in the body, else one made from its text.
        public var id: String
    }

    /// The body with ids added, as UTF-8 bytes: a page writes them out as they are.
    public let html: [UInt8]
    /// The headings, in order.
    public let entries: [Entry]

    /// Anchors the headings of an article body, given as UTF-8 bytes: read back from the build's
    /// spill file, it is never made a `String`, which would check every byte again.
    public init(_ bytes: [UInt8]) {
        // Where ids go (byte offsets of the body) and which.
        var insertions: [(offset: Int, id: String)] = []
        var entries: [Entry] = []
        // Ids written in the body, and those the default theme uses, are taken before any is made.
        var used: Set<String> = ["main", "toc-title", "related-title"]
        used.formUnion(Self.explicitIDs(bytes))
        // The next number to try for each repeated base: counting up from 2 for every repeat made
        // 50,000 headings of one text take minutes.
        var nextNumber: [String: Int] = [:]
        var index = 0
        let count = bytes.count
        while index + 3 < count {
            // Straight to the next tag: a body is mostly text.
            if bytes[index] != UInt8(ascii: "<") {
                guard let next = bytes.firstOffset(of: Self.tagOpen, from: index) else { break }
                index = next
                continue
            }
            // `<h2`…`<h4` followed by `>` or a space.
            guard bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "h"),
                  (UInt8(ascii: "2")...UInt8(ascii: "4")).contains(bytes[index + 2]),
                  bytes[index + 3] == UInt8(ascii: ">") || bytes[index + 3] == UInt8(ascii: " ") else {
                index += 1
                continue
            }
            let level = Int(bytes[index + 2] - UInt8(ascii: "0"))
            guard let tagEnd = bytes[(index + 3)...].firstIndex(of: UInt8(ascii: ">")),
                  let close = bytes.firstOffset(of: Array("</h\(level)>".utf8), from: tagEnd) else {
                index += 1
                continue
            }
            let attributes = bytes[(index + 3)..<tagEnd]
            let text = Self.plainText(bytes[(tagEnd + 1)..<close])
            if let existing = Self.existingID(attributes) {
                used.insert(existing)
                entries.append(Entry(level: level, text: text, id: existing))
            } else {
                var id = Slug.fold(text)
                if id.isEmpty { id = "muc" }
                let base = id
                var counter = nextNumber[base] ?? 2
                while used.contains(id) { id = "\(base)-\(counter)"; counter += 1 }
                nextNumber[base] = counter
                used.insert(id)
                entries.append(Entry(level: level, text: text, id: id))
                insertions.append((index + 3, id))
            }
            index = close
        }
        self.entries = entries
        guard !insertions.isEmpty else {
            html = bytes
            return
        }
        var result: [UInt8] = []
        result.reserveCapacity(count + 32 * insertions.count)
        var copied = 0
        for insertion in insertions {
            result += bytes[copied..<insertion.offset]
            result += " id=\"\(insertion.id)\"".utf8
            copied = insertion.offset
        }
        result += bytes[copied...]
        html = result
    }

    /// Every id the body has once its headings are anchored: those of the headings, and those
    /// written on any element (a footnote, a raw HTML `<a id>`), where a link can land as well.
    public static func anchors(in body: [UInt8]) -> Set<String> {
        Set(explicitIDs(body)).union(HeadingAnchors(body).entries.map(\.id))
    }

    private static func explicitIDs(_ bytes: [UInt8]) -> [String] {
        let key = Array(" id=\"".utf8)
        var ids: [String] = []
        var index = 0
        while let start = bytes.firstOffset(of: key, from: index) {
            let valueStart = start + key.count
            let value = bytes[valueStart...].prefix { $0 != UInt8(ascii: "\"") }
            ids.append(String(decoding: value, as: UTF8.self))
            index = valueStart + value.count
        }
        return ids
    }

    private static let tagOpen = [UInt8(ascii: "<")]

    private static func existingID(_ attributes: ArraySlice<UInt8>) -> String? {
        let key = Array(" id=\"".utf8)
        guard let start = Array(attributes).firstOffset(of: key, from: 0) else { return nil }
        let value = attributes.dropFirst(start + key.count).prefix { $0 != UInt8(ascii: "\"") }
        return value.isEmpty ? nil : String(decoding: value, as: UTF8.self)
    }

    /// The text of a heading: tags dropped, the few entities cmark and the sanitizer write decoded.
    private static func plainText(_ html: ArraySlice<UInt8>) -> String {
        var text: [UInt8] = []
        var inTag = false
        for byte in html {
            if byte == UInt8(ascii: "<") { inTag = true } else if byte == UInt8(ascii: ">") { inTag = false } else if !inTag { text.append(byte) }
        }
        return AttributeRewriter.decodeEntities(String(decoding: text, as: UTF8.self))
    }
}
