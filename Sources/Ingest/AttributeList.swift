/// A kramdown attribute list, `{: #id .class title="…"}`, as Jekyll sites write one on the line
/// after a heading or paragraph, and the short header id `### Heading {#custom-id}`.
///
/// Only attributes that cannot run script or load anything are kept: `id`, `class`, `title`,
/// `lang` and `dir` — what a theme styles or a link targets. Any other (`style`, `on…`, `data-…`,
/// `href`, kramdown's references such as `{:toc}`) is dropped and reported; the sanitizer would
/// drop most of them from a body anyway, and an attribute kept only sometimes would be worse.
struct AttributeList {
    /// The attributes kept, in the order written (`class` once, its names joined).
    var attributes: [(name: String, value: String)] = []
    /// What was written but not kept.
    var rejected: [String] = []

    /// The attributes written on an element.
    static let allowed: Set<String> = ["id", "class", "title", "lang", "dir"]

    /// Reads `{: …}` (or, with `headerForm`, also `{#id}` and `{.class}`): the whole of `text`,
    /// white space around it allowed. Nil when `text` is not one.
    init?(_ text: Substring, headerForm: Bool = false) {
        let text = text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
        var inside = Substring(String(text))
        guard inside.hasPrefix("{"), inside.hasSuffix("}") else { return nil }
        inside = inside.dropFirst().dropLast()
        if inside.hasPrefix(":") {
            inside = inside.dropFirst()
        } else if !headerForm || !(inside.hasPrefix("#") || inside.hasPrefix(".")) {
            return nil
        }
        var classes: [String] = []
        var rest = inside[...]
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard let first = rest.first else { break }
            if first == "#" || first == "." {
                let name = rest.dropFirst().prefix { !$0.isWhitespace }
                guard Self.isName(name) else { return nil }
                if first == "#" { attributes.append(("id", String(name))) } else { classes.append(String(name)) }
                rest = rest.dropFirst(name.count + 1)
                continue
            }
            let key = rest.prefix { !$0.isWhitespace && $0 != "=" }
            guard Self.isName(key) else { return nil }
            rest = rest.dropFirst(key.count)
            guard rest.first == "=" else {
                // A bare word refers to a kramdown attribute definition (`{:toc}`, `{:.x ref}`).
                rejected.append(String(key))
                continue
            }
            rest = rest.dropFirst()
            let value: Substring
            if let quote = rest.first, quote == "\"" || quote == "'" {
                guard let close = rest.dropFirst().firstIndex(of: quote) else { return nil }
                value = rest[rest.index(after: rest.startIndex)..<close]
                rest = rest[rest.index(after: close)...]
            } else {
                value = rest.prefix { !$0.isWhitespace }
                rest = rest.dropFirst(value.count)
            }
            let name = key.lowercased()
            guard Self.allowed.contains(name) else {
                rejected.append(String(key))
                continue
            }
            if name == "class" {
                classes += value.split(separator: " ").map(String.init)
            } else {
                attributes.removeAll { $0.name == name }
                attributes.append((name, String(value)))
            }
        }
        if !classes.isEmpty { attributes.append(("class", classes.joined(separator: " "))) }
        guard !attributes.isEmpty || !rejected.isEmpty else { return nil }
    }

    /// An id, class or attribute name: letters, digits, `-`, `_`, `:` and `.`, any script.
    private static func isName(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" || $0 == "." }
    }

    /// This list with `other`'s attributes added: its classes joined to these, its other values
    /// in place of these.
    func merged(with other: AttributeList) -> AttributeList {
        var merged = self
        for (name, value) in other.attributes {
            if name == "class", let index = merged.attributes.firstIndex(where: { $0.name == "class" }) {
                merged.attributes[index].value += " " + value
            } else {
                merged.attributes.removeAll { $0.name == name }
                merged.attributes.append((name, value))
            }
        }
        merged.rejected += other.rejected
        return merged
    }

    /// The attributes as HTML, each with a leading space: ` id="x" class="a b"`.
    var html: [UInt8] {
        var html: [UInt8] = []
        for (name, value) in attributes {
            html += Array(" \(name)=\"".utf8)
            var value = value
            value.withUTF8 { Sanitizer.Writer.appendEscaped($0, quotes: true, to: &html) }
            html.append(UInt8(ascii: "\""))
        }
        return html
    }
}
