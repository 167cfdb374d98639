import Foundation
import Yams

extension SiteConfig {
    /// Reads `site.yml` text. Unknown keys are ignored (themes may read them later); known keys
    /// with the wrong shape are errors with their line and column.
    public init(yaml: String, path: String) throws(ConfigError) {
        self.init()
        let root: Node?
        do {
            // Yams' default resolver compiles seven regular expressions on first use, 1.5 ms of
            // every build (most of a build with nothing to do): scalars are read as text, and the
            // few flags by `NodeReader.flag`, as that resolver reads them.
            root = try Yams.compose(yaml: yaml, .basic)
        } catch let error as YamlError {
            throw Self.error(from: error, path: path)
        } catch {
            throw ConfigError(path: path, message: "cannot read YAML: \(error)")
        }
        guard let root else { return }
        guard let mapping = root.mapping else {
            throw ConfigError(path: path, line: root.mark?.line ?? 0, column: root.mark?.column ?? 0,
                              message: "site.yml must be a mapping of keys to values")
        }
        let reader = NodeReader(path: path)
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            switch key {
            case "title": title = try reader.string(value, key)
            case "description": description = try reader.string(value, key)
            case "baseURL", "baseurl", "base_url", "url":
                let url = try reader.string(value, key)
                do {
                    try setBaseURL(url)
                } catch {
                    throw reader.error(value, error.message)
                }
            case "language", "lang", "languageCode": language = try reader.string(value, key)
            case "timeZone", "timezone", "time_zone":
                let name = try reader.string(value, key)
                guard let zone = TimeZone(identifier: name) else {
                    throw reader.error(value, "unknown time zone '\(name)' (use an IANA name such as Asia/Ho_Chi_Minh)")
                }
                timeZone = zone
                timeZoneIsSet = true
            case "pagination":
                guard let options = value.mapping else { throw reader.error(value, "pagination must be a mapping") }
                for (optionKey, optionValue) in options {
                    switch optionKey.string {
                    case "pageSize", "page_size": pageSize = try reader.positiveInt(optionValue, "pagination.pageSize")
                    case "firstPageAlias", "first_page_alias":
                        guard let flag = reader.flag(optionValue) else { throw reader.error(optionValue, "pagination.firstPageAlias must be true or false") }
                        firstPageAliases = flag
                    case "homePath", "home_path":
                        do {
                            try setHomePaging(try reader.string(optionValue, "pagination.homePath"))
                        } catch {
                            throw reader.error(optionValue, error.message)
                        }
                    default: continue
                    }
                }
            case "sections": sections = try reader.sections(value)
            case "feeds":
                guard let options = value.mapping else { throw reader.error(value, "feeds must be a mapping") }
                for (optionKey, optionValue) in options {
                    switch optionKey.string {
                    case "items": feedItems = try reader.positiveInt(optionValue, "feeds.items")
                    case "categories": feedCategories = try reader.positiveInt(optionValue, "feeds.categories")
                    case "rss":
                        let name = try reader.string(optionValue, "feeds.rss")
                        guard name.hasSuffix(".xml"), !name.contains("/"), name != "atom.xml", name != "sitemap.xml" else {
                            throw reader.error(optionValue, "feeds.rss must name an .xml file beside the list (feed.xml, index.xml)")
                        }
                        rssFile = name
                    case "fullContent", "full_content":
                        guard let flag = reader.flag(optionValue) else { throw reader.error(optionValue, "feeds.fullContent must be true or false") }
                        feedFullContent = flag
                    default: continue
                    }
                }
            case "excerptSeparator", "excerpt_separator":
                let marker = try reader.string(value, "excerptSeparator")
                guard !marker.isEmpty else { throw reader.error(value, "excerptSeparator must not be empty") }
                excerptSeparator = marker
            case "extensionlessPaths", "extensionless_paths":
                switch value.string {
                case "file": extensionlessPathsAreFiles = true
                case "folder": extensionlessPathsAreFiles = false
                default: throw reader.error(value, "extensionlessPaths must be file (Jekyll's rule: /about is about.html) or folder (about/index.html)")
                }
            case "uglyURLs", "ugly_urls":
                guard let flag = reader.flag(value) else { throw reader.error(value, "uglyURLs must be true or false") }
                uglyURLs = flag
            case "related": relatedCount = try reader.positiveInt(value, "related")
            case "markup":
                guard let options = value.mapping else { throw reader.error(value, "markup must be a mapping") }
                for (optionKey, optionValue) in options where optionKey.string == "unsafe" {
                    guard let flag = reader.flag(optionValue) else { throw reader.error(optionValue, "markup.unsafe must be true or false") }
                    unsafeMarkup = flag
                }
            case "limits":
                guard let options = value.mapping else { throw reader.error(value, "limits must be a mapping") }
                for (optionKey, optionValue) in options {
                    switch optionKey.string {
                    case "tagsPerArticle", "tags_per_article": tagsPerArticle = try reader.positiveInt(optionValue, "limits.tagsPerArticle")
                    case "fileSize", "file_size": fileSizeLimit = try reader.positiveInt(optionValue, "limits.fileSize")
                    default: continue
                    }
                }
            case "extraction":
                guard let options = value.mapping else { throw reader.error(value, "extraction must be a mapping") }
                if let rules = options["rules"] { extractionRules = try reader.extractionRules(rules) }
            case "mirror": mirror = try reader.mirror(value)
            case "permalinks":
                guard let patterns = value.mapping else { throw reader.error(value, "permalinks must be a mapping") }
                for (kind, pattern) in patterns {
                    guard let name = kind.string else { continue }
                    let permalink = try reader.permalink(pattern, "permalinks.\(name)")
                    if name == "article" || name == "articles" { articlePermalink = permalink } else { sectionPermalinks[name] = permalink }
                }
            case "taxonomies": taxonomies = try reader.taxonomies(value)
            case "permalinkDates":
                guard let written = value.string, ["site", "written"].contains(written) else {
                    throw reader.error(value, "permalinkDates must be site or written")
                }
                permalinkDatesAsWritten = written == "written"
            case "slugify":
                guard let options = value.mapping else { throw reader.error(value, "slugify must be a mapping such as `paths: safe`") }
                for (optionKey, optionValue) in options {
                    guard let name = optionKey.string, name == "paths" || name == "taxonomies" else { continue }
                    // YAML 1.1 reads a bare `on`/`off` as a flag: both spellings mean the same here.
                    let written = reader.flag(optionValue).map { $0 ? "on" : "off" } ?? optionValue.string ?? ""
                    guard let style = SlugStyle(rawValue: written) else {
                        throw reader.error(optionValue, "slugify.\(name) must be on, safe, lower or off")
                    }
                    if name == "paths" { slugifyPaths = style } else { slugifyTaxonomies = style }
                }
            default: continue
            }
        }
        if !timeZoneIsSet { timeZone = Self.defaultTimeZone(language: language) }
    }

    private static func error(from error: YamlError, path: String) -> ConfigError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return ConfigError(path: path, line: mark.line, column: mark.column, message: problem)
        default:
            return ConfigError(path: path, message: "cannot read YAML: \(error)")
        }
    }
}

/// Reads typed values out of YAML nodes, turning a wrong shape into a positioned error.
private struct NodeReader {
    let path: String

    func error(_ node: Node, _ message: String) -> ConfigError {
        ConfigError(path: path, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0, message: message)
    }

    func string(_ node: Node, _ key: String) throws(ConfigError) -> String {
        guard let scalar = node.scalar else { throw error(node, "\(key) must be a single value") }
        return scalar.string
    }

    /// A YAML 1.1 flag (`true`, `yes`, `on`, `false`, `no`, `off`, in any case) written plain:
    /// what `Node.bool` makes of a scalar under Yams' default resolver.
    func flag(_ node: Node) -> Bool? {
        guard let scalar = node.scalar, scalar.style == .plain else { return nil }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    func positiveInt(_ node: Node, _ key: String) throws(ConfigError) -> Int {
        guard let number = node.int, number > 0 else { throw error(node, "\(key) must be a whole number above 0") }
        return number
    }

    func permalink(_ node: Node, _ key: String) throws(ConfigError) -> Permalink {
        let text = try string(node, key)
        do {
            return try Permalink(parsing: text)
        } catch {
            throw self.error(node, error.message)
        }
    }

    /// `taxonomies:`: each key names a list (`tag`, `tags`, `section`, `category`, `author`,
    /// `authors`), its value the folder it lives in.
    func taxonomies(_ node: Node) throws(ConfigError) -> TaxonomyPaths {
        guard let fields = node.mapping else { throw error(node, "taxonomies must be a mapping such as `tag: tags`") }
        var paths = TaxonomyPaths()
        var authorsIndexSet = false
        for (key, value) in fields {
            let prefix = TaxonomyPaths.normalized(try string(value, "taxonomies.\(key.string ?? "")"))
            switch key.string {
            case "tag": paths.tag = prefix
            case "tags": paths.tagsIndex = prefix
            case "section": paths.section = prefix
            case "category", "categories": paths.category = prefix
            case "author": paths.author = prefix
            case "authors":
                paths.authorsIndex = prefix
                authorsIndexSet = true
            default:
                throw error(key, "unknown taxonomy '\(key.string ?? "")' (known: tag, tags, section, category, author, authors)")
            }
        }
        // Hugo writes the index of a taxonomy at its own folder; a tag folder of `tags` has the index there already.
        if paths.tag != "tag", fields["tags"] == nil { paths.tagsIndex = paths.tag }
        if paths.author != "author", !authorsIndexSet { paths.authorsIndex = paths.author }
        for (name, prefix) in [("tag", paths.tag), ("section", paths.section), ("author", paths.author), ("category", paths.category ?? "-")]
        where prefix.isEmpty {
            throw error(node, "taxonomies.\(name) must name a folder: an empty one would put its lists among the articles")
        }
        return paths
    }

    func extractionRules(_ node: Node) throws(ConfigError) -> [ExtractionRule] {
        guard let list = node.sequence else { throw error(node, "extraction.rules must be a list") }
        var rules: [ExtractionRule] = []
        for item in list {
            guard let fields = item.mapping, let host = fields["host"]?.string, !host.isEmpty else {
                throw error(item, "each extraction rule needs a host, like `host: example.org`")
            }
            var remove: [String] = []
            if let removal = fields["remove"] {
                if let one = removal.string { remove = [one] } else if let many = removal.sequence {
                    remove = many.compactMap(\.string)
                } else {
                    throw error(removal, "remove must be a selector or a list of selectors")
                }
            }
            rules.append(ExtractionRule(host: host, content: fields["content"]?.string, remove: remove,
                                        title: fields["title"]?.string, date: fields["date"]?.string,
                                        author: fields["author"]?.string, line: item.mark?.line ?? 0, column: item.mark?.column ?? 0))
        }
        return rules
    }

    func mirror(_ node: Node) throws(ConfigError) -> MirrorConfig {
        guard let fields = node.mapping else { throw error(node, "mirror must be a mapping with paths, origin and urls") }
        var config = MirrorConfig(paths: [])
        for (key, value) in fields {
            switch key.string {
            case "paths", "path":
                if let one = value.scalar?.string { config.paths = [one] } else if let many = value.sequence {
                    config.paths = try many.map { (item: Node) throws(ConfigError) -> String in try string(item, "mirror.paths") }
                } else {
                    throw error(value, "mirror.paths must be a path or a list of paths")
                }
            case "origin":
                let origin = try string(value, "mirror.origin")
                guard origin.hasPrefix("http://") || origin.hasPrefix("https://") else {
                    throw error(value, "mirror.origin must be an http or https address, like https://example.org/")
                }
                config.origin = origin
            case "urls":
                guard let urls = MirrorConfig.URLs(rawValue: try string(value, "mirror.urls")) else {
                    throw error(value, "mirror.urls must be original or clean")
                }
                config.urls = urls
            default: throw error(key, "unknown key mirror.\(key.string ?? "") (expected paths, origin, urls)")
            }
        }
        guard !config.paths.isEmpty else { throw error(node, "mirror.paths must name at least one crawl folder or WARC file") }
        return config
    }

    func sections(_ node: Node) throws(ConfigError) -> [SectionConfig] {
        guard let list = node.sequence else { throw error(node, "sections must be a list") }
        var sections: [SectionConfig] = []
        for item in list {
            if let name = item.scalar?.string {
                sections.append(SectionConfig(name: name))
                continue
            }
            guard let fields = item.mapping, let name = fields["name"]?.string else {
                throw error(item, "each section must be a name or a mapping with name and slug")
            }
            sections.append(SectionConfig(name: name, slug: fields["slug"]?.string))
        }
        return sections
    }
}
