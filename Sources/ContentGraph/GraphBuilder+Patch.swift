import Infrastructure
import Ingest

extension GraphBuilder {
    /// The graph with some articles read again from their sources, when none of them moved:
    /// each document must be an article of `graph` with the same placement (see
    /// `Article.placement`), so every list, table and URL of the graph stays as it is and only
    /// what pages show of those articles changes. Nil when any document moved, disappeared or
    /// has errors: the caller then builds the whole graph.
    ///
    /// The patched articles must also link to the same articles as before (raw HTML links are not
    /// in the placement), since those links are the graph's `incomingLinks`. None may link to a
    /// section of another article or have its own sections linked to from another: such a link
    /// is checked against the linked article's body, which a cached graph does not keep.
    ///
    /// Also how an incremental build gets bodies back: a graph loaded from the build cache has
    /// none, and patching with unchanged documents restores theirs.
    ///
    /// `indexes` is the graph's `articleIndexes()`, when the caller has it already.
    public func patch(_ graph: ContentGraph, with documents: [SourceDocument], indexes: [String: Int]? = nil) -> ContentGraph? {
        let positions = indexes ?? graph.articleIndexes()
        let resolver = LinkResolver(root: config.rootPath, indexes: positions, paths: graph.articles.map(\.path),
                                    assets: graph.assets.map(\.path))
        let made = ConcurrentMap.map(documents) { document -> (index: Int, article: Article, linked: Set<Int>)? in
            guard !document.hasErrors, includeDrafts || !document.draft, let index = positions[document.path],
                  // Exactly the same bytes: Swift's `==` also matches the other Unicode normalization.
                  graph.articles[index].id.utf8.elementsEqual(document.path.utf8),
                  case .accepted(var item) = prepare(document) else { return nil }
            let old = graph.articles[index]
            guard item.placement == old.placement else { return nil }
            item.section = old.section
            item.path = old.path
            // Placement covers the slug as written; a slug that lost a collision carries its suffix.
            item.slug = old.slug
            let made = article(item, names: ArticleNames(tags: old.tags, authors: old.authors, categories: old.categories), resolver: resolver)
            guard made.sectionLinks.isEmpty, !old.hasIncomingSectionLinks else { return nil }
            var article = made.article
            article.incomingLinks = old.incomingLinks
            article.related = old.related
            return (index, article, Set(made.linkedArticles).subtracting([index]))
        }
        // What each patched article linked to before: the articles that list it as linking in.
        var linkedBefore: [Int: Set<Int>] = [:]
        for result in made { if let result { linkedBefore[result.index] = [] } }
        for (target, article) in graph.articles.enumerated() {
            for source in article.incomingLinks where linkedBefore[source] != nil { linkedBefore[source]!.insert(target) }
        }
        var articles = graph.articles
        var diagnostics = graph.diagnostics
        var removed: [Diagnostic] = []
        var added: [Diagnostic] = []
        for result in made {
            guard let (index, article, linked) = result.map({ ($0.index, $0.article, $0.linked) }), linked == linkedBefore[index] else {
                return nil
            }
            removed += articles[index].diagnostics
            added += article.diagnostics
            articles[index] = article
        }
        if removed != added {
            var counts: [Diagnostic: Int] = [:]
            for diagnostic in removed { counts[diagnostic, default: 0] += 1 }
            diagnostics = diagnostics.filter { diagnostic in
                guard let count = counts[diagnostic], count > 0 else { return true }
                counts[diagnostic] = count - 1
                return false
            } + added
            diagnostics.sort { ($0.path, $0.line, $0.column, $0.message) < ($1.path, $1.line, $1.column, $1.message) }
        }
        return ContentGraph(articles: articles, tags: graph.tags, categories: graph.categories, sections: graph.sections, authors: graph.authors,
                            years: graph.years, months: graph.months, days: graph.days, assets: graph.assets,
                            diagnostics: diagnostics, home: graph.home)
    }
}
