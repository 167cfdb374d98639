import Foundation
import Infrastructure

/// Turns front matter fields into a document's metadata, with the keys Hugo and Jekyll users write.
enum FrontMatter {
    /// Fills `document` from `fields`; wrong shapes and unreadable dates become diagnostics at the key.
    static func apply(_ fields: FrontMatterFields, to document: inout SourceDocument, timeZone: TimeZone) {
        func first(_ keys: String...) -> (key: String, value: FrontMatterValue)? {
            for key in keys { if let value = fields.values[key] { return (key, value) } }
            return nil
        }
        func report(_ key: String, _ severity: Diagnostic.Severity, _ message: String, code: String = "front-matter.value") {
            let position = fields.positions[key] ?? SourcePosition(line: 1, column: 1)
            document.diagnostics.append(Diagnostic(path: document.path, at: position, severity: severity, code: code, message: message))
        }
        func text(_ keys: String...) -> String? {
            for key in keys {
                guard let value = fields.values[key] else { continue }
                if let text = value.text { return text.isEmpty ? nil : text }
                report(key, .warning, "'\(key)' should be a single value; it was ignored")
            }
            return nil
        }
        func date(_ keys: String..., severity: Diagnostic.Severity = .error) -> ParsedDate? {
            for key in keys {
                // Jekyll's `published: false` is a flag, not a date.
                guard let value = fields.values[key], case .string(let raw) = value, !raw.isEmpty else { continue }
                switch ISODateReader.read(raw) {
                case .date(let year, let month, let day, let hour, let minute, let second, let fraction, let offset, let hasTime):
                    return DateParser.date(days: CivilDate.daysSince1970(year: year, month: month, day: day),
                                           seconds: hour * 3600 + minute * 60 + second, fraction: fraction, offset: offset,
                                           defaultTimeZone: timeZone, hasTime: hasTime)
                case .invalid(let reason):
                    report(key, severity, "cannot read the date '\(raw)': \(reason)", code: "front-matter.date")
                    return nil
                case .notISO:
                    if let parsed = DateParser.parse(raw, defaultTimeZone: timeZone) {
                        // The free-text parser skips what it cannot read, as a page needs; a value
                        // someone typed must not lose its time or offset without a word.
                        if let problem = Self.unreadPart(of: raw, parsed: parsed) {
                            report(key, severity, "cannot read the date '\(raw)': \(problem)", code: "front-matter.date")
                            return nil
                        }
                        return parsed
                    }
                }
                report(key, severity, "cannot read the date '\(raw)' (write it like 2021-11-30T22:58:00+07:00 or 30/11/2021 22:58)",
                       code: "front-matter.date")
                return nil
            }
            return nil
        }

        // Jekyll prints a title as written, so `It&#8217;s` and `&amp;` are characters there; Broadsheet
        // escapes what it prints, so they are decoded here (as in a scraped page's metas).
        document.title = text("title").map(MetaTags.unescape)
        document.date = date("date", "publishdate", "pubdate", "published")
        // A bad modification date is worth a warning, not the article.
        document.lastModified = date("lastmod", "updated", "modified", "last_modified_at", severity: .warning)
        document.expires = date("expirydate", "unpublishdate")
        if let (key, value) = first("tags", "keywords") {
            if let tags = value.texts(splitCommas: true) { document.tags = tags } else { report(key, .warning, "'\(key)' should be a list of names") }
        }
        // Categories are kept as written: the graph makes them the section and tags, or a
        // taxonomy of their own, as the site's config says (see `GraphBuilder.prepare`).
        if let (key, value) = first("categories", "category") {
            if case .string(let text) = value, key == "categories", JekyllFolder(path: document.path) != nil {
                // Jekyll's rule for a string of categories; elsewhere `categories: Thời sự` is one name.
                document.categories = text.split(whereSeparator: \.isWhitespace).map(String.init)
            } else if let names = value.texts(splitCommas: false) {
                document.categories = names.filter { !$0.isEmpty }
            } else {
                report(key, .warning, "'\(key)' should be a name or a list of names")
            }
        }
        if let (key, value) = first("section") {
            if let name = value.texts(splitCommas: false)?.first(where: { !$0.isEmpty }) {
                document.section = name
            } else {
                report(key, .warning, "'\(key)' should be a name or a list of names")
            }
        }
        if let (key, value) = first("authors", "author") {
            switch value {
            case .table(let author):
                document.authors = author["name"]?.text.map { [$0] } ?? []
            case .list(let items):
                document.authors = items.compactMap { item in
                    if case .table(let author) = item { return author["name"]?.text }
                    return item.text
                }
            case .string(let text):
                // One string may name several people; a list names one per item.
                document.authors = AuthorNames.split(text)
            case .bool:
                document.authors = []
            }
            if document.authors.isEmpty { report(key, .warning, "'\(key)' has no author name") }
        }
        document.summary = text("summary", "description", "excerpt").map(MetaTags.unescape)
        if let (_, value) = first("image", "images", "cover", "featured_image") {
            switch value {
            case .string(let path): document.image = URLPolicy.allowed(path, image: true)
            case .list(let items): document.image = items.first?.text.flatMap { URLPolicy.allowed($0, image: true) }
            case .table(let image):
                document.image = (image["src"] ?? image["url"] ?? image["path"] ?? image["image"])?.text.flatMap { URLPolicy.allowed($0, image: true) }
            case .bool: break
            }
        }
        if let (key, value) = first("draft", "published"), key == "draft" || value.text == "false" {
            switch value {
            case .bool(let flag): document.draft = key == "draft" ? flag : !flag
            default: report(key, .warning, "'\(key)' should be true or false")
            }
        }
        // Hugo says `type: page`, Jekyll `layout: page`; any other value (`post`) is an article's.
        document.isPage = text("type") == "page" || text("layout") == "page"
        if let value = fields.values["featured"] {
            // Hugo themes and Jekyll sites write it as a flag; a string "true" is a typo worth a word.
            if case .bool(let flag) = value { document.featured = flag } else { report("featured", .warning, "'featured' should be true or false") }
        }
        document.slug = text("slug")
        document.url = text("url", "permalink")
        if let (key, value) = first("aliases", "redirect_from") {
            if let aliases = value.texts(splitCommas: false) { document.aliases = aliases } else { report(key, .warning, "'\(key)' should be a list of paths") }
        }
        document.language = text("lang", "language")
        document.canonical = text("canonical", "source", "original_url").flatMap { URLPolicy.allowed($0) }
    }

    /// A time or an offset that `raw` writes and `parsed` does not hold: `99:99` or `22:58:61`
    /// read as midnight, `+9999` read as the site's zone.
    static func unreadPart(of raw: String, parsed: ParsedDate) -> String? {
        if !parsed.hasTime, raw.utf8.contains(UInt8(ascii: ":")) { return "the time is not a time of day" }
        guard let match = raw.range(of: #"(?<![0-9])[+\-−][0-9]{2}:?[0-9]{2}(?![0-9])\s*\)?\s*$"#, options: .regularExpression) else { return nil }
        let digits = raw[match].filter(\.isNumber)
        guard digits.count == 4, let value = Int(digits) else { return nil }
        let hours = value / 100
        let minutes = value % 100
        return hours > 14 || minutes > 59 || hours * 60 + minutes > 14 * 60 ? "offset beyond ±14:00" : nil
    }
}
