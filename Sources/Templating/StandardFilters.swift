import Foundation  // only for folding accents in the default `slug`

/// The filters of `FilterRegistry.standard`; see there for what each does.
enum StandardFilters {
    static let all: [(String, TemplateFilter)] = [
        ("iso8601", TemplateFilter { value, _ in mapDate(value) { .string($0.iso8601) } }),
        ("rfc822", TemplateFilter { value, _ in mapDate(value) { .string($0.rfc822) } }),
        ("json", TemplateFilter { value, _ in .string(value.jsonText) }),
        ("url", TemplateFilter { value, _ in mapText(value, percentEncoded) }),
        ("truncate", TemplateFilter(arguments: 1...2) { value, arguments in
            guard case .int(let limit) = arguments[0] else { return value }
            let ellipsis = arguments.count > 1 ? text(of: arguments[1]) ?? "…" : "…"
            return mapText(value) { truncated($0, to: limit, ellipsis: ellipsis) }
        }),
        ("slug", TemplateFilter { value, _ in mapText(value, slug) }),
        ("upper", TemplateFilter { value, _ in mapText(value) { $0.uppercased() } }),
        ("lower", TemplateFilter { value, _ in mapText(value) { $0.lowercased() } }),
        ("default", TemplateFilter(arguments: 1...1, suppliesDefault: true) { value, arguments in
            isEmpty(value) ? arguments[0] : value
        }),
        ("count", TemplateFilter { value, _ in count(value) }),
        ("first", TemplateFilter { value, _ in element(of: value, last: false) }),
        ("last", TemplateFilter { value, _ in element(of: value, last: true) }),
    ]

    /// `date: "PATTERN"[, "vi"|"en"]`; the language defaults to the registry's `dateLanguage`.
    static func date(defaultLanguage: DateLanguage) -> TemplateFilter {
        TemplateFilter(arguments: 1...2) { value, arguments in
            guard let pattern = text(of: arguments[0]) else { return value }
            var language = defaultLanguage
            if arguments.count > 1, let code = text(of: arguments[1]), let named = DateLanguage(rawValue: code) {
                language = named
            }
            return mapDate(value) { .string(DatePattern(pattern).format($0, language: language)) }
        }
    }

    private static func mapDate(_ value: TemplateValue, _ transform: (CivilDate) -> TemplateValue) -> TemplateValue {
        guard case .date(let date) = value else { return value }
        return transform(CivilDate(date))
    }

    /// Applies a text transform to plain values; markup, lists and objects pass unchanged.
    private static func mapText(_ value: TemplateValue, _ transform: (String) -> String) -> TemplateValue {
        switch value {
        case .html, .htmlBytes: return value
        default: break
        }
        guard let text = text(of: value) else { return value }
        return .string(transform(text))
    }

    /// The text a plain value renders as, or nil for values without one.
    private static func text(of value: TemplateValue) -> String? {
        switch value {
        case .string(let text), .html(let text): text
        case .htmlBytes(let html): String(decoding: html, as: UTF8.self)
        case .int(let number): String(number)
        case .double(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .date(let date): CivilDate(date).iso8601
        case .null, .list, .object, .lambda: nil
        }
    }

    private static func isEmpty(_ value: TemplateValue) -> Bool {
        switch value {
        case .null: true
        case .string(let text), .html(let text): text.isEmpty
        case .htmlBytes(let html): html.isEmpty
        case .list(let items): items.isEmpty
        default: false
        }
    }

    private static func count(_ value: TemplateValue) -> TemplateValue {
        switch value {
        case .list(let items): .int(items.count)
        case .object(let fields): .int(fields.count)
        case .string(let text), .html(let text): .int(text.count)
        case .htmlBytes(let html): .int(String(decoding: html, as: UTF8.self).count)
        case .null: .int(0)
        default: .null
        }
    }

    private static func element(of value: TemplateValue, last: Bool) -> TemplateValue {
        switch value {
        case .list(let items): (last ? items.last : items.first) ?? .null
        case .string(let text): (last ? text.last : text.first).map { .string(String($0)) } ?? .null
        default: .null
        }
    }

    /// RFC 3986: everything but unreserved characters, as `%XX` of its UTF-8 bytes.
    private static func percentEncoded(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                bytes.append(byte)
            default:
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// At most `limit` characters (grapheme clusters) including the ellipsis, cut before the word
    /// that would not fit, without trailing spaces or `,;:` before the ellipsis.
    static func truncated(_ text: String, to limit: Int, ellipsis: String) -> String {
        let characters = Array(text)
        guard characters.count > limit else { return text }
        let keep = max(0, limit - ellipsis.count)
        var cut = keep
        if keep < characters.count, !characters[keep].isWhitespace,
            let space = characters[..<keep].lastIndex(where: \.isWhitespace), space > 0
        {
            cut = space
        }
        var kept = characters[..<cut]
        while let last = kept.last, last.isWhitespace || ",;:".contains(last) { kept.removeLast() }
        return String(kept) + ellipsis
    }

    /// A simple default slug: accents folded (`đ` → `d`), lowercase ASCII letters and digits,
    /// every other run of characters one `-`.
    static func slug(_ text: String) -> String {
        let folded = text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var slug = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash, !slug.isEmpty { slug += "-" }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return slug
    }
}
