import ContentGraph

/// Gives the `h2`–`h4` headings of an article body stable `id`s and lists them as a table of
/// contents. Ids come from the heading text (`## Giá xăng` → `gia-xang`), numbered when repeated,
/// so a link to a section of an article survives rebuilds.
struct HeadingAnchors {
    /// One entry of the table of contents.
    struct Entry {
        var level: Int
        var text: String
        var id: String
    }

    /// The body with ids added.
    let html: String
    /// The headings, in order.
    let entries: [Entry]

    init(_ body: String) {
        var output = ""
        output.reserveCapacity(body.utf8.count + 256)
        var entries: [Entry] = []
        var used = Set<String>()
        var rest = Substring(body)
        while let open = rest.range(of: "<h") {
            let afterName = open.upperBound
            guard afterName < rest.endIndex, let level = rest[afterName].wholeNumberValue, (2...4).contains(level),
                  let tagEnd = rest[afterName...].firstIndex(of: ">"),
                  let close = rest[tagEnd...].range(of: "</h\(level)>") else {
                output += rest[..<afterName]
                rest = rest[afterName...]
                continue
            }
            let attributes = rest[rest.index(after: afterName)..<tagEnd]
            let inner = rest[rest.index(after: tagEnd)..<close.lowerBound]
            let text = Self.plainText(inner)
            var id = Self.existingID(attributes) ?? Slug.fold(text)
            if id.isEmpty { id = "muc" }
            if Self.existingID(attributes) == nil {
                let base = id
                var counter = 2
                while used.contains(id) { id = "\(base)-\(counter)"; counter += 1 }
                output += rest[..<open.lowerBound]
                output += "<h\(level) id=\"\(id)\"\(attributes)>"
            } else {
                output += rest[..<rest.index(after: tagEnd)]
            }
            used.insert(id)
            entries.append(Entry(level: level, text: text, id: id))
            output += inner
            output += "</h\(level)>"
            rest = rest[close.upperBound...]
        }
        output += rest
        html = output
        self.entries = entries
    }

    private static func existingID(_ attributes: Substring) -> String? {
        guard let start = attributes.range(of: "id=\"") else { return nil }
        let value = attributes[start.upperBound...].prefix { $0 != "\"" }
        return value.isEmpty ? nil : String(value)
    }

    /// The text of a heading: tags dropped, the few entities cmark writes decoded.
    private static func plainText(_ html: Substring) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        return text.replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&quot;", with: "\"")
            .replacing("&#39;", with: "'").replacing("&amp;", with: "&")
    }
}
