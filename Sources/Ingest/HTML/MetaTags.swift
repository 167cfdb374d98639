import CLibXML2
import Infrastructure

/// The `<meta>` and `<link>` facts of a page, keyed the way the metadata reader looks them up.
struct MetaTags {
    /// Readability-style keys (`og:title`, `dc:creator`, `author`, `parsely-pub-date`, …), the last tag winning.
    var values: [String: String] = [:]
    /// Every `property`/`name`/`itemprop` key in lower case, each with all its contents in order.
    var all: [String: [String]] = [:]
    /// `<link rel=…>` targets by relation, in order.
    var links: [String: [String]] = [:]

    static let propertyPrefixes: Set<String> = ["article", "dc", "dcterm", "og", "twitter"]
    static let propertyNames: Set<String> = ["author", "creator", "description", "published_time", "title", "site_name"]
    static let namePrefixes: Set<String> = ["dc", "dcterm", "og", "twitter", "parsely", "weibo:article", "weibo:webpage"]
    static let names: Set<String> = ["author", "creator", "pub-date", "description", "title", "site_name"]

    /// Reads the `meta` and `link` elements among `found`, which are in document order.
    init(found: [DOMNode]) {
        for meta in found where meta.isTag("meta") {
            guard let content = meta.attribute("content").map({ Self.unescape($0.whitespaceTrimmed) }), !content.isEmpty else { continue }
            let property = meta.attribute("property")
            var matched = false
            if let property {
                for token in property.htmlTokens {
                    let key = token.lowercased()
                    all[key, default: []].append(content)
                    if !matched, let found = Self.readabilityProperty(in: key) {
                        values[found] = content
                        matched = true
                    }
                }
            }
            for attribute in ["name", "itemprop", "http-equiv"] {
                guard let name = meta.attribute(attribute) else { continue }
                let key = name.lowercased().withoutHTMLSpaces.replacingDots()
                if attribute != "name" || key != (property ?? "").lowercased() { all[key, default: []].append(content) }
                if attribute == "name", !matched, Self.isReadabilityName(key) { values[key] = content }
            }
        }
        for link in found where link.isTag("link") {
            guard let rel = link.attribute("rel"), let href = link.attribute("href")?.whitespaceTrimmed, !href.isEmpty else { continue }
            for relation in rel.lowercased().htmlTokens {
                links[String(relation), default: []].append(href)
            }
        }
    }

    /// The leftmost `prefix:name` inside a property token: `og:article:author` holds `article:author`.
    static func readabilityProperty(in token: String) -> String? {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2 else { return nil }
        for index in 0..<(parts.count - 1) where propertyPrefixes.contains(parts[index]) {
            if propertyNames.contains(parts[index + 1]) { return parts[index] + ":" + parts[index + 1] }
        }
        return nil
    }

    /// `author`, `dc:creator`, `parsely-pub-date`, `weibo:article:title`, … (after dots became colons).
    static func isReadabilityName(_ key: String) -> Bool {
        if names.contains(key) { return true }
        for prefix in namePrefixes {
            for separator in [":", "-"] where key.hasPrefix(prefix + separator) {
                if names.contains(String(key.dropFirst(prefix.count + 1))) { return true }
            }
        }
        return false
    }

    /// The first content of `key` in `all`.
    func first(_ keys: String...) -> String? {
        for key in keys { if let value = all[key]?.first { return value } }
        return nil
    }

    /// Undoes a second layer of entity escaping, which many sites apply to meta contents.
    static func unescape(_ text: String) -> String {
        // A byte test: Foundation's `contains` here was a third of reading the metas. (An `&` that a
        // combining mark makes part of a larger Character is no entity start to the loop below either.)
        guard text.containsBytes("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            rest = rest[amp...]
            guard let semicolon = rest.prefix(12).firstIndex(of: ";") else {
                result.append("&")
                rest = rest.dropFirst()
                continue
            }
            let entity = rest[rest.index(after: rest.startIndex)..<semicolon]
            var replacement: String?
            switch entity {
            case "quot": replacement = "\""
            case "amp": replacement = "&"
            case "apos": replacement = "'"
            case "lt": replacement = "<"
            case "gt": replacement = ">"
            default:
                if entity.hasPrefix("#") {
                    let digits = entity.dropFirst()
                    let value = digits.lowercased().hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                    if let value {
                        let valid = value != 0 && value <= 0x10FFFF && !(0xD800...0xDFFF).contains(value)
                        replacement = String(Unicode.Scalar(valid ? value : 0xFFFD).map(Character.init) ?? "\u{FFFD}")
                    }
                } else if !entity.isEmpty, entity.utf8.allSatisfy({ $0 < 0x80 }),
                          let known = htmlEntityLookup(String(entity)), let scalar = Unicode.Scalar(known.pointee.value) {
                    // HTML 4's other names (`&rsquo;`, `&hellip;`, `&nbsp;`), from libxml2's own table.
                    replacement = String(Character(scalar))
                }
            }
            if let replacement {
                result += replacement
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result.append("&")
                rest = rest.dropFirst()
            }
        }
        return result + rest
    }
}

private extension String {
    func replacingDots() -> String { String(map { $0 == "." ? ":" : $0 }) }
}
