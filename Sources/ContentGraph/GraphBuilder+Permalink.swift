import Infrastructure
import Ingest
import SiteConfig

extension GraphBuilder {
    /// An article's URL from its permalink pattern: its content folder's (`permalinks.posts`),
    /// else its section's, else the site's; `sectionSlug` is its section's slug, when it has one.
    func permalinkPath(of item: PendingArticle, sectionSlug: String?) -> String {
        let document = item.document
        let folder = document.kind == .markdown ? Self.folderSection(of: document.path) : nil
        var civil = item.date
        if config.permalinkDatesAsWritten, let written = document.date {
            civil = CivilDate(secondsSince1970: Int64(written.date.timeIntervalSince1970.rounded(.down)), utcOffsetSeconds: written.utcOffsetSeconds)
        }
        func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }
        return config.permalink(folder: folder, section: sectionSlug).expand { placeholder in
            switch placeholder {
            case .year: return String(civil.year)
            case .month: return twoDigits(civil.month)
            case .day: return twoDigits(civil.day)
            case .i_month: return String(civil.month)
            case .i_day: return String(civil.day)
            case .short_year: return twoDigits(civil.year % 100)
            case .y_day: return Self.dayOfYear(civil)
            case .slug: return item.slug
            case .title:
                // Jekyll's `:title` is a post's slug (`slug:` or its file name) as written; Hugo's
                // is the title, made a slug, whatever `slug:` says.
                return JekyllFolder(path: document.path) != nil ? item.slug : Slug.fold(item.title)
            case .filename:
                // Lowercased with the rest of the path where the site lowercases paths, as Hugo does.
                let name = Self.fileName(of: document.path)
                return config.slugifyPaths == .lower ? name.lowercased() : name
            case .section: return sectionSlug ?? "uncategorized"
            case .sections: return Self.folders(of: document.path)
            case .categories: return Self.jekyllCategories(of: document)
            case .output_ext: return ".html"
            }
        }
    }

    /// Jekyll's categories of a post as its URLs show them: the folders above `_posts/`, then the
    /// front matter's, lowercased, each once, joined by `/`.
    static func jekyllCategories(of document: SourceDocument) -> String {
        var folders = document.path.split(separator: "/").dropLast().map(String.init)
        if let jekyll = folders.firstIndex(where: { JekyllFolder.isJekyllFolder(Substring($0)) }) { folders.removeSubrange(jekyll...) }
        var seen = Set<String>()
        return (folders + document.categories).map { $0.lowercased() }.filter { !$0.isEmpty && seen.insert($0).inserted }
            .map { Slug.asWritten($0) }.joined(separator: "/")
    }

    /// Hugo's `:filename`: the file's name without its extension; a bundle's `index.md` gives its folder's name.
    static func fileName(of path: String) -> String {
        let components = path.split(separator: "/")
        var stem = String(components.last ?? "")
        if let dot = stem.lastIndex(of: ".") { stem = String(stem[..<dot]) }
        if stem == "index", components.count > 1 { stem = String(components[components.count - 2]) }
        return Slug.asWritten(stem)
    }

    /// Hugo's `:sections`: the folders a file is in, lowercased, as Hugo lowercases its paths; a
    /// bundle's `index.md` is in the folders above its own.
    static func folders(of path: String) -> String {
        var folders = path.split(separator: "/").dropLast()
        if path.hasSuffix("/index.md") || path.hasSuffix("/index.markdown") { folders = folders.dropLast() }
        return folders.map { Slug.asWritten(String($0).lowercased()) }.joined(separator: "/")
    }

    /// Jekyll's `:y_day`: the day of the year, three digits (`004`).
    static func dayOfYear(_ date: CivilDate) -> String {
        let day = CivilDate.daysSince1970(year: date.year, month: date.month, day: date.day)
            - CivilDate.daysSince1970(year: date.year, month: 1, day: 1) + 1
        return String(repeating: "0", count: 3 - String(day).count) + String(day)
    }
}

extension GraphBuilder {
    /// A Hugo leaf bundle's resources (the files beside its `index.md`), copied beside the page's
    /// own URL, as Hugo publishes them: `posts/market/photo.jpg` of a page at `/2023/05/market/`
    /// is also at `/2023/05/market/photo.jpg`. The copy at the folder's path stays, and is where
    /// the body's links lead; the other keeps addresses from the old site working.
    static func bundleCopies(of assets: [SourceFile], articles: [Article]) -> [SourceFile] {
        var bundles: [(folder: String, path: String)] = []
        // Only a bundle's `index.md` is split into folders (by `Character`, every article's was a
        // serial cost), and articles are read by index (a `for article in` loop copied each one).
        for index in articles.indices where articles[index].kind == .markdown && articles[index].path.utf8.last == UInt8(ascii: "/")
            && (articles[index].id.hasSuffix("index.md") || articles[index].id.hasSuffix("index.markdown")) {
            let components = articles[index].id.split(separator: "/")
            guard components.count > 1, components.last == "index.md" || components.last == "index.markdown" else { continue }
            let folder = components.dropLast().joined(separator: "/") + "/"
            if folder != articles[index].path { bundles.append((folder, articles[index].path)) }
        }
        guard !bundles.isEmpty else { return [] }
        // The deepest bundle a file is in owns it.
        bundles.sort { $0.folder.count > $1.folder.count }
        return assets.compactMap { asset in
            guard let bundle = bundles.first(where: { asset.path.hasPrefix($0.folder) }) else { return nil }
            var copy = asset
            copy.path = bundle.path + asset.path.dropFirst(bundle.folder.count)
            return copy
        }
    }
}
