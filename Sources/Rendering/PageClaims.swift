import ContentGraph
import Infrastructure

/// Makes sure no two outputs claim the same file, and that no file sits where another output
/// needs a folder (`feed.xml` against `feed.xml/index.html`). Without it two pages rendered on
/// different threads would race for one file and the site would depend on thread timing.
///
/// The site's own pages claim first (home, lists, feeds, sitemaps), then articles, then
/// redirects, then theme files, then content files; a later claim is left out and reported.
/// A `robots.txt` in the content folder is the exception: it replaces the generated one.
public struct PageClaims {
    let graph: ContentGraph

    /// Claims for the pages of `graph`'s site.
    public init(graph: ContentGraph) {
        self.graph = graph
    }

    /// The pages and assets to write, the folders they go in, and what was left out.
    public func resolve(pages: [Page], themeAssets: [String], contentAssets: [SourceFile])
        -> (pages: [Page], themeAssets: [String], contentAssets: [SourceFile], folders: Set<String>, diagnostics: [Diagnostic])
    {
        // The sitemaps are written last, from the pages kept here; their names are reserved.
        var files: Set<String> = ["sitemap.xml", "news-sitemap.xml"]
        var folders = Set<String>()
        var diagnostics: [Diagnostic] = []
        let userRobots = contentAssets.contains { $0.path == "robots.txt" }

        func claim(_ file: String) -> Bool {
            guard !files.contains(file), !folders.contains(file) else { return false }
            // Folders up to the first one already known: that one's own ancestors are known
            // folders too, and no file may take a known folder's path.
            var newFolders: [String] = []
            var end = file.utf8.endIndex
            while let slash = file.utf8[..<end].lastIndex(of: UInt8(ascii: "/")) {
                let folder = String(file[..<slash])
                if folders.contains(folder) { break }
                if files.contains(folder) { return false }
                newFolders.append(folder)
                end = slash
            }
            files.insert(file)
            folders.formUnion(newFolders)
            return true
        }

        func rank(_ kind: Page.Kind) -> Int {
            switch kind {
            case .article: return 1
            case .alias: return 2
            default: return 0
            }
        }
        var kept: [Page] = []
        for page in pages.enumerated().sorted(by: { (rank($0.element.kind), $0.offset) < (rank($1.element.kind), $1.offset) }).map(\.element) {
            if page.file == "robots.txt" && userRobots { continue }
            if claim(page.file) {
                kept.append(page)
                continue
            }
            let source = page.articles.first.map { graph.articles[$0].id }
            switch page.kind {
            case .article:
                diagnostics.append(Diagnostic(path: "Content/" + (source ?? ""), line: 1, column: 1, severity: .error, code: "url.taken",
                                              message: "URL /\(page.file) is already taken by another page of the site; the article was left out"))
            case .alias:
                diagnostics.append(Diagnostic(path: "Content/" + (source ?? ""), severity: .warning, code: "alias.taken",
                                              message: "alias /\(page.file) is already taken by another page; it was ignored"))
            default:
                diagnostics.append(Diagnostic(path: page.file, severity: .error, code: "url.generated-twice", message: "two generated pages want \(page.file)"))
            }
        }
        let theme = themeAssets.filter { path in
            if claim("assets/" + path) { return true }
            diagnostics.append(Diagnostic(path: "Templates/assets/" + path, severity: .warning, code: "theme.asset-taken",
                                          message: "assets/\(path) is already taken by a page; the theme file was not copied"))
            return false
        }
        let content = contentAssets.filter { asset in
            if claim(asset.path) { return true }
            diagnostics.append(Diagnostic(path: "Content/" + asset.path, severity: .warning, code: "asset.taken",
                                          message: "/\(asset.path) is already taken by a page or a theme file; the file was not copied"))
            return false
        }
        return (kept.sorted { $0.file < $1.file }, theme, content, folders, diagnostics)
    }
}
