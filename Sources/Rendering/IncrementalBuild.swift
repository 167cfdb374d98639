import ContentGraph
import Foundation
import Ingest
import SiteConfig
import Templating

/// A build that reads only the content files that changed since the previous build, when none
/// of them moved in the graph (same date, names, URL, links: see `Article.placement`): the
/// previous graph is read from the cache, the changed articles patched in, and only the pages
/// that show something of them are rendered — their own pages, the list pages and feeds listing
/// them, the articles whose related box shows them, the search index. Every other page is left as
/// it is, file and modification time. Anything else (a file added, removed or moved, an asset,
/// the theme, the config) makes `run` return nil, and the whole site is built.
struct IncrementalBuild {
    let options: BuildOptions
    let config: SiteConfig
    let theme: Theme
    let templates: TemplateLibrary
    let reader: ContentReader
    let inputs: InputStamp
    let previous: BuildManifest
    let cached: GraphCache

    /// Builds the site from the previous one, or returns nil when the whole site must be built.
    func run(clock: PhaseClock) throws(BuildError) -> BuildSummary? {
        var clock = clock
        guard cached.settings == inputs.settings, cached.claimsClean, cached.content.count == inputs.content.count else { return nil }
        let builder = GraphBuilder(config: config, includeDrafts: options.includeDrafts)
        let positions = cached.graph.articleIndexes()
        var touched: [AssetFile] = []
        for (old, new) in zip(cached.content, inputs.content) {
            guard old.path == new.path else { return nil }
            guard old.size != new.size || old.modified != new.modified else { continue }
            // An asset or a document that is not an article (a draft, one with errors): the whole site.
            guard positions[new.path] != nil else { return nil }
            touched.append(new)
        }
        // A file whose time changed but whose bytes did not is not a change.
        let changedDocuments = reader.read(touched).filter { cached.graph.articles[positions[$0.path]!].contentHash != $0.contentHash }
        let changed = Set(changedDocuments.map { positions[$0.path]! })
        clock.lap("read changes")

        // The pages that show a changed article, found on the site's page list, planned from the
        // previous graph: if the changed articles did not move (the patch below checks), the new
        // graph has the same pages showing the same articles. Of the sitemaps only the news
        // sitemap shows more than URLs and dates, which stay as they were.
        let graph = cached.graph
        let now = options.now ?? graph.newestTimestamp ?? 0
        let outline = plan(graph, now: now)
        var isChanged = [Bool](repeating: false, count: graph.articles.count)
        for index in changed { isChanged[index] = true }
        // Article pages show their related articles' cards too.
        var isShown = isChanged
        for index in graph.articles.indices where graph.articles[index].related.contains(where: { isChanged[$0] }) { isShown[index] = true }
        var pages = outline.filter { page in
            page.kind == .article ? isShown[page.articles[0]] : page.articles.contains { isChanged[$0] }
        }
        // Bodies are not in the cache: the articles whose pages or feeds are rendered are read again.
        var bodies = Set<Int>()
        var cards = Set<Int>()
        for page in pages {
            switch page.kind {
            case .article:
                bodies.formUnion(page.articles)
                cards.formUnion(page.articles + graph.articles[page.articles[0]].related)
            case .feed:
                bodies.formUnion(page.articles)
            case .home, .section, .tag, .author, .year, .month, .day:
                cards.formUnion(page.articles)
            default:
                break
            }
        }
        let unchanged = reader.read(bodies.subtracting(changed).sorted().compactMap { FileTree.position(of: graph.articles[$0].id, in: inputs.content).map { inputs.content[$0] } })
        guard let patched = builder.patch(graph, with: changedDocuments + unchanged, indexes: positions) else { return nil }
        // The search index lists every article: it is rendered only when what it shows of a
        // changed article changed.
        let index = SearchIndex(graph: patched, routes: Routes(config: config))
        if changed.allSatisfy({ index.entry(for: graph.articles[$0]) == index.entry(for: patched.articles[$0]) }) {
            pages.removeAll { $0.file == SearchIndex.file }
        }
        // The pages were planned from the previous graph; they are rendered from the patched one.
        let model = ViewModel(graph: patched, config: config, theme: theme, now: today(now), cardsFor: cards)
        clock.lap("plan pages")

        let writer: OutputWriter
        do { writer = try OutputWriter(output: options.output, patching: true) } catch { throw BuildError(messages: [error.description]) }
        let result: PageRenderer.Result
        do {
            result = try PageRenderer(templates: templates, model: model, writer: writer, themeFingerprint: theme.fingerprint,
                                      previous: previous).render(pages)
            clock.lap("render and write")
            try writer.commit()
            clock.lap("swap output")
        } catch {
            writer.discard()
            throw BuildError(messages: [error.description])
        }
        var files = previous.files
        var issues = previous.issues
        for page in pages {
            files[page.file] = result.files[page.file]
            issues[page.file] = result.issues[page.file]
        }
        let content = patched.diagnostics.map { diagnostic -> Diagnostic in
            var shown = diagnostic
            shown.path = "Content/" + diagnostic.path
            return shown
        }
        var cache = cached
        cache.settings = inputs.settings
        cache.content = inputs.content
        cache.graph = patched
        cache.changedArticles.formUnion(changed)
        cache.changedFiles.formUnion(touched.map(\.path))
        cache.state = inputs.value
        cache.saveChanges(site: options.site, output: options.output)
        BuildManifest(inputs: inputs.value, output: options.output.path, articles: patched.articles.count, pages: previous.pages,
                      copied: previous.copied, contentDiagnostics: content, files: files, issues: issues)
            .save(site: options.site, output: options.output)
        clock.lap("save cache")
        // The process usually ends with the build: the large values are let go on another thread.
        Build.releaseInBackground((graph, patched, outline, model, positions, files))
        return BuildSummary(articles: patched.articles.count, pages: previous.pages, copied: previous.copied,
                            diagnostics: content + RenderReports(issues: issues).diagnostics(strict: options.strict),
                            rendered: result.rendered, written: result.written, timings: clock)
    }

    /// The site's pages, as the whole build plans them, and the news sitemap.
    private func plan(_ graph: ContentGraph, now: Int64) -> [Page] {
        let model = ViewModel(graph: graph, config: config, theme: theme, now: today(now), cardsFor: [])
        let planner = PagePlanner(graph: graph, model: model, config: config, templates: templates, sitemapLimit: options.sitemapLimit)
        var pages = planner.pages()
        pages.append(planner.newsSitemap(now: now))
        return pages
    }

    private func today(_ now: Int64) -> CivilDate {
        CivilDate(Date(timeIntervalSince1970: TimeInterval(now)), in: config.timeZone)
    }
}
