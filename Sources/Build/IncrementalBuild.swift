import ContentGraph
import Foundation
import Infrastructure
import Ingest
import Rendering

/// A build that reads only the content files that changed since the previous build, when none
/// of them moved in the graph (same date, names, URL, links: see `Article.placement`): the
/// previous graph is read from the cache, the changed articles patched in, and only the pages
/// that show something of them are rendered — their own pages, the list pages and feeds listing
/// them, the articles whose related box shows them, the search index. Every other page is left as
/// it is, file and modification time. Anything else (a file added, removed or moved, an asset,
/// the theme, the config) makes `run` return nil, and the whole site is built.
struct IncrementalBuild {
    let options: BuildOptions
    let site: SiteInputs
    let inputs: InputStamp
    /// The previous manifest, with a record of every file it wrote.
    let previous: BuildManifest
    /// The previous graph, this build's only copy: it is patched in place.
    var cached: GraphCache
    /// The output's files before this build, and those changed by hand since (see `BuildCache`).
    let handChanges: Background<BuildCache.HandChanges?>

    /// Builds the site from the previous one, or returns nil when the whole site must be built.
    mutating func run(clock: PhaseClock) throws(BuildError) -> BuildSummary? {
        var clock = clock
        let positions = cached.graph.articleIndexes()
        guard let (touched, changedDocuments) = readChanges(positions: positions) else { return nil }
        let changed = changedDocuments.map { positions[$0.path]! }
        clock.lap("read changes")

        // Pages are planned from the previous graph: if the changed articles did not move (the
        // patch checks), the patched graph has the same pages showing the same articles.
        let now = options.now ?? cached.graph.newestTimestamp ?? 0
        var (pages, bodies, cards) = pages(showing: changed, in: cached.graph, now: now)
        // Bodies are not in the cache: the articles whose pages or feeds are rendered are read again.
        let unchanged = Set(bodies).subtracting(changed).sorted().compactMap { index in
            FileTree.position(of: cached.graph.articles[index].id, in: inputs.content).map { inputs.content[$0] }
        }
        // A file saved again after the stamp was taken: some pages would show the one version, some
        // the other, and the next build would not see it change.
        let rereadDocuments = site.reader.read(unchanged)
        guard rereadDocuments.allSatisfy({ positions[$0.path].map { cached.graph.articles[$0].contentHash } == $0.contentHash }) else { return nil }
        let before = changed.map { cached.graph.articles[$0] }
        let builder = GraphBuilder(config: site.config, includeDrafts: options.includeDrafts)
        guard builder.patch(&cached.graph, with: changedDocuments + rereadDocuments, indexes: positions) else { return nil }
        let patched = cached.graph
        // The search index lists every article: it is rendered only when what it shows of a
        // changed article changed.
        let index = SearchIndex(graph: patched, routes: Routes(config: site.config))
        if zip(before, changed).allSatisfy({ index.entry(for: $0) == index.entry(for: patched.articles[$1]) }) {
            pages.removeAll { $0.file == SearchIndex.file }
        }
        cards.formUnion(bodies)
        // The resized copies stay as the full build wrote them: a changed image builds the whole site.
        let images = ImageSizeReader(assets: patched.assets)
        let model = ViewModel(graph: patched, config: site.config, theme: site.theme, now: site.civilDate(now), cardsFor: cards,
                              imageSizes: images.lookup, imageVariants: images.variantLookup)
        clock.lap("plan pages")
        // Files changed by hand are written again by a whole build, which knows every file.
        guard let output = handChanges.value, output.changed.isEmpty else { return nil }

        let writer: OutputWriter
        options.progress?.enter(.rendering)
        do { writer = try OutputWriter(output: options.output, patching: true, progress: options.progress) } catch { throw BuildError(error.diagnostic) }
        let result: PageRenderer.Result
        do {
            result = try PageRenderer(templates: site.templates, model: model, sink: writer, themeFingerprint: site.theme.fingerprint,
                                      previous: (previous.files, previous.issues)).render(pages)
            clock.lap("render and write")
            options.progress?.enter(.finishing)
            try writer.commit()
            clock.lap("swap output")
        } catch {
            writer.discard()
            throw BuildError(error.diagnostic)
        }
        var manifest = previous
        manifest.inputs = inputs.value
        for page in pages {
            manifest.files[page.file] = result.files[page.file]
            manifest.issues[page.file] = result.issues[page.file]
        }
        // What the graph does not report (articles waiting for their date) cannot change without a
        // full build, so the previous build's word on it stands.
        manifest.contentDiagnostics = previous.contentDiagnostics.filter { [Build.futureCode, Build.zoneCode, MigratedConfig.code].contains($0.code) }
            + Build.shownFromSite(patched.diagnostics, config: site.config)
        manifest.outputFolders = OutputState.folderTimes(options.output)
        var state = output.state
        state.refresh(pages.map(\.file), in: options.output)
        save(changed: changed, touched: touched, manifest: manifest, output: state)
        clock.lap("save cache")
        // The process usually ends with the build: the large values are let go on another thread.
        Build.releaseInBackground((patched, model, positions, manifest))
        return BuildSummary(articles: patched.stories.count, pages: previous.pages, copied: previous.copied,
                            diagnostics: manifest.contentDiagnostics + RenderReports(issues: manifest.issues).diagnostics(strict: options.strict),
                            rendered: result.rendered, written: result.written, timings: clock,
                            changedFiles: Build.changed(pages.map(\.file), now: result.files, before: previous.files))
    }

    /// The content files whose size or time changed since the cached build, and the documents
    /// among them whose bytes changed, read; nil when the whole site must be built (a file added,
    /// removed, or one that is not an article: an asset, a draft, a file with errors).
    private func readChanges(positions: [String: Int]) -> (touched: [SourceFile], changed: [SourceDocument])? {
        // Links leading out of the site are warned about by full builds only: build whole.
        guard cached.settings == inputs.settings, cached.claimsClean, cached.content.count == inputs.content.count,
              inputs.outsideLinks.isEmpty,
              positions.count == cached.graph.articles.count, !Self.hasEquivalentNames(inputs.content) else { return nil }
        var touched: [SourceFile] = []
        for (old, new) in zip(cached.content, inputs.content) {
            guard old.path == new.path else { return nil }
            guard old.size != new.size || old.modified != new.modified else { continue }
            guard positions[new.path] != nil else { return nil }
            touched.append(new)
        }
        // A file whose time changed but whose bytes did not is not a change.
        return (touched, site.reader.read(touched).filter { cached.graph.articles[positions[$0.path]!].contentHash != $0.contentHash })
    }

    /// True when two paths of a listing differ only in Unicode normalization (`==` on `String`
    /// calls them equal): lookups by path cannot tell them apart, so such a site is built whole.
    private static func hasEquivalentNames(_ files: [SourceFile]) -> Bool {
        zip(files, files.dropFirst()).contains { $0.path == $1.path }
    }

    /// The pages that show something of the changed articles, as the whole build plans them, and
    /// the articles whose bodies and cards rendering them needs.
    private func pages(showing changed: [Int], in graph: ContentGraph, now: Int64) -> (pages: [Page], bodies: [Int], cards: Set<Int>) {
        var isChanged = [Bool](repeating: false, count: graph.articles.count)
        for index in changed { isChanged[index] = true }
        // Article pages show their related articles' cards too.
        var isShown = isChanged
        for index in graph.articles.indices where graph.articles[index].related.contains(where: { isChanged[$0] }) { isShown[index] = true }
        let pages = plan(graph, now: now) { [isChanged, isShown] kind, articles in
            kind == .article || kind == .page ? isShown[articles[0]] : articles.contains { isChanged[$0] }
        }
        var bodies: [Int] = []
        var cards = Set<Int>()
        for page in pages {
            switch page.kind {
            case .article, .page:
                bodies += page.articles
                cards.formUnion(graph.articles[page.articles[0]].related)
            case .feed:
                bodies += page.articles
            case .home, .section, .tag, .category, .author, .year, .month, .day:
                cards.formUnion(page.articles)
            default:
                break
            }
        }
        return (pages, bodies, cards)
    }

    /// Saves the patched graph's changes and the manifest, for the next build.
    private func save(changed: [Int], touched: [SourceFile], manifest: BuildManifest, output: OutputState) {
        var cache = cached
        cache.settings = inputs.settings
        cache.content = inputs.content
        cache.changedArticles.formUnion(changed)
        cache.changedFiles.formUnion(touched.map(\.path))
        cache.state = inputs.value
        cache.saveChanges(site: options.site, output: options.output)
        output.save(site: options.site, output: options.output)
        manifest.save(site: options.site, output: options.output)
    }

    /// The site's pages that `keep` keeps, as the whole build plans them, and the news sitemap if it
    /// keeps that.
    private func plan(_ graph: ContentGraph, now: Int64, keeping keep: @escaping (Page.Kind, [Int]) -> Bool) -> [Page] {
        let model = ViewModel(graph: graph, config: site.config, theme: site.theme, now: site.civilDate(now), cardsFor: [])
        let planner = PagePlanner(graph: graph, model: model, config: site.config, templates: site.templates,
                                  sitemapLimit: options.sitemapLimit)
        let news = planner.newsSitemap(now: now)
        return planner.pages(keeping: keep) + (keep(news.kind, news.articles) ? [news] : [])
    }
}
