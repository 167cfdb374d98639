import Foundation
import Infrastructure
import SiteConfig

/// A Hugo or Jekyll site's own config file, read as Broadsheet's when the site has no `site.yml`:
/// `_config.yml` (Jekyll) or `hugo.toml`, `hugo.yaml`, `config.toml`, `config.yaml` (Hugo). The
/// keys that carry over (title, base URL, language, time zone, permalinks, taxonomies, page
/// size and path, Hugo's lowercasing of paths) are read with the front matter readers; the build
/// says once which it used and which it ignored, so nobody wonders where a setting went. That is a
/// note, not a warning: a site moved as it is has nothing wrong with it, and `--strict` must pass
/// on it. Only an ignored key that moves pages to other URLs (Hugo's `uglyURLs`, Jekyll's
/// `collections`) is a warning.
public struct MigratedConfig: Sendable {
    /// The config, with Broadsheet's defaults where the file says nothing.
    public var config: SiteConfig
    /// The note naming the file, the keys used and the keys ignored; and a warning naming the
    /// ignored keys that would have given pages other URLs, when there are any.
    public var diagnostics: [Diagnostic]

    /// Hugo's config file names, in the order Hugo looks for them.
    public static let hugoFiles = ["hugo.toml", "hugo.yaml", "config.toml", "config.yaml"]
    /// Jekyll's.
    public static let jekyllFile = "_config.yml"
    /// The code of the note.
    public static let code = "config.migrated"
    /// The code of the warning about ignored keys that change URLs.
    public static let urlsCode = "config.migrated-urls"
    /// The keys of a Hugo config that change URLs which Broadsheet does not read (lowercased, as
    /// the reader gives them).
    static let hugoURLKeys: Set<String> = ["defaultcontentlanguageinsubdir", "languages", "paginatepath"]
    /// Jekyll's: collections get URLs of their own, and `defaults` can set a permalink.
    static let jekyllURLKeys: Set<String> = ["collections", "defaults"]

    /// Reads the first config file of `site`, Hugo's before Jekyll's; nil when there is none. A
    /// file that cannot be read, or a key it writes wrong, is an error at its line.
    public static func read(site: URL) throws(ConfigError) -> MigratedConfig? {
        for name in hugoFiles + [jekyllFile] {
            guard let data = FileManager.default.contents(atPath: site.appendingPathComponent(name).path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            let fields: FrontMatterFields
            do {
                fields = name.hasSuffix(".toml") ? try TOMLFrontMatter.parse(Substring(text), firstLine: 1)
                    : try YAMLFrontMatter.parse(Substring(text), firstLine: 1)
            } catch {
                throw ConfigError(path: name, line: error.line, column: error.column, message: error.message)
            }
            var reader = Reader(path: name, fields: fields)
            let config = name == jekyllFile ? try reader.jekyll() : try reader.hugo()
            return MigratedConfig(config: config, diagnostics: reader.diagnostics(urlKeys: name == jekyllFile ? jekyllURLKeys : hugoURLKeys))
        }
        return nil
    }

    /// Maps one file's keys, remembering which it used.
    private struct Reader {
        let path: String
        let fields: FrontMatterFields
        var used: [String] = []
        /// Parts of keys that were read whose setting is not, and would give pages other URLs
        /// (`permalinks.section`).
        var unread: [String] = []

        init(path: String, fields: FrontMatterFields) {
            self.path = path
            self.fields = fields
        }

        func error(_ key: String, _ message: String) -> ConfigError {
            let position = fields.positions[key] ?? SourcePosition(line: 0, column: 0)
            return ConfigError(path: path, line: position.line, column: position.column, message: message)
        }

        mutating func text(_ key: String) -> String? {
            guard let text = fields.values[key]?.text, !text.isEmpty else { return nil }
            used.append(key)
            return text
        }

        /// The flag at `key` (`written` as the tool spells it, for the message), when set; an error when it is not true or false.
        mutating func flag(_ key: String, written: String) throws(ConfigError) -> Bool? {
            guard let value = fields.values[key] else { return nil }
            used.append(key)
            guard case .bool(let flag) = value else { throw error(key, "\(written) must be true or false") }
            return flag
        }

        /// Broadsheet's defaults for a site moved from either tool: English and UTC unless it says otherwise.
        mutating func common(language: String?, timeZone: String?) throws(ConfigError) -> SiteConfig {
            var config = SiteConfig(language: language ?? "en")
            if let title = text("title") { config.title = title }
            if let description = text("description") { config.description = description }
            if let name = timeZone {
                guard let zone = TimeZone(identifier: name) else {
                    throw error("timezone", "unknown time zone '\(name)' (use an IANA name such as Europe/Berlin)")
                }
                config.timeZone = zone
                config.timeZoneIsSet = true
            }
            if let size = text("paginate") {
                guard let number = Int(size), number > 0 else { throw error("paginate", "paginate must be a whole number above 0") }
                config.pageSize = number
            }
            return config
        }

        mutating func jekyll() throws(ConfigError) -> SiteConfig {
            var config = try common(language: text("lang"), timeZone: text("timezone"))
            if let url = text("url") {
                do {
                    try config.setBaseURL(url.trimmingCharacters(in: ["/"]) + "/" + (text("baseurl") ?? "").trimmingCharacters(in: ["/"]))
                } catch {
                    throw self.error("url", error.message)
                }
            }
            if let folder = text("source") { config.contentFolder = folder.trimmingCharacters(in: ["/"]) }
            config.excludedContent = Self.jekyllExcluded
            if case .list(let names)? = fields.values["exclude"] {
                used.append("exclude")
                config.excludedContent.formUnion(names.compactMap { $0.text?.trimmingCharacters(in: ["/"]) })
            }
            if let marker = text("excerpt_separator") { config.excerptSeparator = marker }
            // Jekyll writes `/about` (a permalink `:title`, a page's `permalink: /about`) as `about.html`.
            config.extensionlessPathsAreFiles = true
            // Jekyll's default style, when the file names none.
            config.articlePermalink = try permalink("permalink", text("permalink") ?? "date")
            // jekyll-paginate's pages of the home list (`/page2/`), at its default path when the file names none.
            do {
                try config.setHomePaging(text("paginate_path") ?? "/page:num/")
            } catch {
                throw self.error("paginate_path", error.message)
            }
            return config
        }

        mutating func hugo() throws(ConfigError) -> SiteConfig {
            // Without `timeZone`, Hugo reads a date without an offset in UTC whatever the language:
            // the same dates, so the same date URLs, and nothing to warn about.
            var config = try common(language: text("languagecode") ?? text("defaultcontentlanguage"), timeZone: text("timezone") ?? "UTC")
            if let url = text("baseurl") {
                do {
                    try config.setBaseURL(url)
                } catch {
                    throw self.error("baseurl", error.message)
                }
            }
            if let folder = text("contentdir") { config.contentFolder = folder.trimmingCharacters(in: ["/"]) }
            // Hugo lowercases every path it makes (`slug: Ferry_Schedule` → `/ferry_schedule/`) unless told not to.
            config.slugifyPaths = .lower
            if try flag("disablepathtolower", written: "disablePathToLower") == true { config.slugifyPaths = .safe }
            if let ugly = try flag("uglyurls", written: "uglyURLs") { config.uglyURLs = ugly }
            // Hugo's terms keep their letters, `.` and `+` (`/tags/asp.net/`, `/tags/chuyển-đổi-số/`).
            config.slugifyTaxonomies = config.slugifyPaths
            // Hugo's default URL of a page: its folders, then its slug or file name.
            config.articlePermalink = try permalink("permalinks", "/:sections/:slug/")
            if case .table(var patterns)? = fields.values["permalinks"] {
                used.append("permalinks")
                // Hugo 0.120's form: the patterns of pages in `page`, beside those of section,
                // taxonomy and term lists, which Broadsheet's own list URLs stand in for.
                let kinds = ["page", "section", "taxonomy", "term"]
                if kinds.contains(where: { if case .table? = patterns[$0] { true } else { false } }) {
                    unread += kinds.filter { $0 != "page" && patterns[$0] != nil }.map { "permalinks." + $0 }
                    if case .table(let pages)? = patterns["page"] { patterns = pages } else { patterns = [:] }
                }
                for (folder, pattern) in patterns.sorted(by: { $0.key < $1.key }) {
                    guard let written = pattern.text else { continue }
                    config.sectionPermalinks[folder] = try permalink("permalinks", written)
                }
            }
            // Hugo's default taxonomies: tags and categories.
            var taxonomies = TaxonomyPaths()
            (taxonomies.tag, taxonomies.tagsIndex, taxonomies.category) = ("tags", "tags", "categories")
            if case .table(let names)? = fields.values["taxonomies"] {
                used.append("taxonomies")
                taxonomies.category = names["category"]?.text
                if let tag = names["tag"]?.text { (taxonomies.tag, taxonomies.tagsIndex) = (tag, tag) } else {
                    (taxonomies.tag, taxonomies.tagsIndex) = (TaxonomyPaths().tag, TaxonomyPaths().tagsIndex)
                }
                if let author = names["author"]?.text { (taxonomies.author, taxonomies.authorsIndex) = (author, author) }
            }
            config.taxonomies = taxonomies
            // Hugo writes each list's first page again at `page/1/`, as a redirect.
            config.firstPageAliases = true
            // Hugo's URLs show a date in the offset it was written with.
            config.permalinkDatesAsWritten = true
            // Hugo's RSS feed of every list is its `index.xml`.
            config.rssFile = "index.xml"
            return config
        }

        /// What Jekyll leaves out of a site folder without being told (its `exclude` default), and
        /// the files it copies but does not render for want of front matter, which Broadsheet
        /// would make pages of.
        static let jekyllExcluded: Set<String> = ["Gemfile", "Gemfile.lock", "node_modules", "vendor",
                                                  "README.md", "README", "LICENSE", "LICENSE.md", "CHANGELOG.md"]

        func permalink(_ key: String, _ written: String) throws(ConfigError) -> Permalink {
            do {
                return try Permalink(parsing: written)
            } catch {
                throw self.error(key, error.message)
            }
        }

        /// One note: what was read and what was not, each key once, in order; then a warning at
        /// each ignored key of `urlKeys`.
        func diagnostics(urlKeys: Set<String>) -> [Diagnostic] {
            let usedKeys = Set(used)
            let ignored = fields.values.keys.filter { !usedKeys.contains($0) }.sorted()
            let read = used.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let note = Diagnostic(path: path, severity: .note, code: MigratedConfig.code,
                                  message: "no site.yml: read \(read.isEmpty ? "no key" : read.joined(separator: ", ")) from \(path)"
                                    + (ignored.isEmpty ? "" : "; ignored \(ignored.joined(separator: ", "))")
                                    + " (write a site.yml to set them yourself)")
            return [note] + (ignored.filter(urlKeys.contains) + unread).map { key in
                let top = String(key.prefix { $0 != "." })
                return Diagnostic(path: path, at: fields.positions[top] ?? SourcePosition(line: 0, column: 0), severity: .warning,
                                  code: MigratedConfig.urlsCode,
                                  message: "'\(key)' is not read: pages may not keep the URLs they had (set their URLs in a site.yml)")
            }
        }
    }
}
