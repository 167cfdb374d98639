import ContentGraph
import Infrastructure
import SiteConfig

/// Makes sure no two outputs claim the same file, and that no file sits where another output
/// needs a folder (`feed.xml` against `feed.xml/index.html`). Without it two pages rendered on
/// different threads would race for one file and the site would depend on thread timing.
///
/// The site's own pages claim first (home, lists, feeds, sitemaps), then articles, then theme
/// files, then redirects, then content files; a later claim is left out and reported, with who
/// holds the path.
/// A `robots.txt` in the content folder is the exception: it replaces the generated one.
public struct PageClaims {
    let graph: ContentGraph
    /// Names content files as a user opens them from the site folder.
    let config: SiteConfig

    /// The file that marks an output folder as written by Broadsheet (see `OutputWriter`): claimed
    /// before anything else, so no page can take its path.
    public static let outputMarker = ".broadsheet-output"

    /// Claims for the pages of `graph`'s site, whose config is `config`.
    public init(graph: ContentGraph, config: SiteConfig) {
        self.graph = graph
        self.config = config
    }

    /// The pages and assets to write, the folders they go in, and what was left out.
    public func resolve(pages: [Page], themeAssets: [String], contentAssets: [SourceFile])
        -> (pages: [Page], themeAssets: [String], contentAssets: [SourceFile], folders: Set<String>, diagnostics: [Diagnostic])
    {
        // The sitemaps are written last, from the pages kept here; their names are reserved.
        // Who holds each path, named only when a claim fails: a name made for each of 20,000 pages
        // would be 20,000 strings for nothing.
        var owners: [String: Owner] = ["sitemap.xml": .generated("sitemap.xml"), "news-sitemap.xml": .generated("news-sitemap.xml"),
                                       Self.outputMarker: .generated(Self.outputMarker)]
        owners.reserveCapacity(pages.count + themeAssets.count + contentAssets.count + owners.count)
        var folders: [String: Owner] = [:]
        folders.reserveCapacity(pages.count)
        var diagnostics: [Diagnostic] = []
        // In rank order, each rank in the pages' order: three passes rather than a sort.
        let ordered = (0...2).flatMap { wanted in pages.filter { rank($0.kind) == wanted } }
        func name(_ owner: Owner) -> String {
            switch owner {
            case .page(let index):
                let page = ordered[index]
                let source = page.articles.first.map { config.sitePath(ofContent: graph.articles[$0].id) } ?? ""
                switch page.kind {
                case .article, .page: return source
                case .alias: return "an alias of " + source
                default: return "the generated /" + page.file
                }
            case .generated(let file): return "the generated /" + file
            case .theme(let path): return "the theme's assets/" + path
            case .file(let path): return path
            }
        }

        /// Claims `file` for `owner`; on failure, who holds the path (or a folder of it) already.
        func claim(_ file: String, for owner: Owner) -> String? {
            if let holder = owners[file] ?? folders[file] { return name(holder) }
            // Folders up to the first one already known: that one's own ancestors are known
            // folders too, and no file may take a known folder's path.
            var newFolders: [String] = []
            var end = file.utf8.endIndex
            while let slash = file.utf8[..<end].lastIndex(of: UInt8(ascii: "/")) {
                let folder = String(file[..<slash])
                if folders[folder] != nil { break }
                if let holder = owners[folder] { return name(holder) }
                newFolders.append(folder)
                end = slash
            }
            owners[file] = owner
            for folder in newFolders { folders[folder] = owner }
            return nil
        }

        // A robots.txt of the site's own replaces the generated one, and is claimed before any
        // article can take its path.
        let userRobots = contentAssets.contains { $0.path == "robots.txt" }
        if userRobots { _ = claim("robots.txt", for: .file(config.sitePath(ofContent: "robots.txt"))) }

        var kept: [Page] = []
        func claimPages(_ wanted: (Page.Kind) -> Bool) {
            for (index, page) in ordered.enumerated() where wanted(page.kind) {
                if page.file == "robots.txt" && userRobots { continue }
                guard let holder = claim(page.file, for: .page(index)) else {
                    kept.append(page)
                    continue
                }
                let source = page.articles.first.map { config.sitePath(ofContent: graph.articles[$0].id) } ?? ""
                switch page.kind {
                case .article, .page:
                    diagnostics.append(Diagnostic(path: source, line: 1, column: 1, severity: .error, code: "url.taken",
                                                  message: "URL /\(page.file) is already taken by \(holder); the article was left out"))
                case .alias:
                    diagnostics.append(Diagnostic(path: source, severity: .warning, code: "alias.taken",
                                                  message: "alias /\(page.file) is already taken by \(holder); it was ignored"))
                default:
                    diagnostics.append(Diagnostic(path: page.file, severity: .error, code: "url.generated-twice", message: "two generated pages want \(page.file)"))
                }
            }
        }
        claimPages { $0 != .alias }
        // The theme's files come before redirects: an alias must not replace the stylesheet.
        let theme = themeAssets.filter { path in
            guard let holder = claim("assets/" + path, for: .theme(path)) else { return true }
            diagnostics.append(Diagnostic(path: "Templates/assets/" + path, severity: .warning, code: "theme.asset-taken",
                                          message: "assets/\(path) is already taken by \(holder); the theme file was not copied"))
            return false
        }
        claimPages { $0 == .alias }
        let content = contentAssets.filter { asset in
            if asset.path == "robots.txt" && userRobots { return true }
            guard let holder = claim(asset.path, for: .file(config.sitePath(ofContent: asset.path))) else { return true }
            diagnostics.append(Diagnostic(path: config.sitePath(ofContent: asset.path), severity: .warning, code: "asset.taken",
                                          message: "/\(asset.path) is already taken by \(holder); the file was not copied"))
            return false
        }
        return (kept.sorted { $0.file < $1.file }, theme, content, Set(folders.keys), diagnostics)
    }

    /// Who claimed a path first.
    private enum Owner {
        /// A page, by its place in the claiming order.
        case page(Int)
        /// A file the build makes itself.
        case generated(String)
        /// A file of the theme, by its path below `assets/`.
        case theme(String)
        /// A file of the site, by its path from the site folder.
        case file(String)
    }

    /// The site's own pages claim first, then articles, then (after the theme's files) redirects.
    private func rank(_ kind: Page.Kind) -> Int {
        switch kind {
        case .article, .page: return 1
        case .alias: return 2
        default: return 0
        }
    }
}
