import Infrastructure
import Ingest

extension GraphBuilder {
    /// Gives the sections their URLs and `_index.md` texts, and returns the home page's text.
    ///
    /// In a Hugo layout (`folderPaths`), a section made from a content folder lists its articles at
    /// the folder's path (`blog/`, `Local_News/` as `slugify.paths` writes it: `local_news/`), as Hugo does; the others keep `section/slug/`. An `_index.md`
    /// names its folder's section (`title`), gives the text shown above its list, and may move it
    /// (`url`); one below a section's own folder is reported, as sections are one level deep.
    static func applySectionIndexes(_ indexes: [SourceDocument], to sections: inout [Section], folders: [String: String],
                                    folderPaths: Bool, resolver: LinkResolver, diagnostics: inout [Diagnostic]) -> HomeText {
        if folderPaths {
            for index in sections.indices {
                if let path = folders[sections[index].slug], !path.isEmpty { sections[index].path = path + "/" }
            }
        }
        var home = HomeText()
        for document in indexes where !document.hasErrors {
            let folders = document.path.split(separator: "/").dropLast()
            let linked = resolver.rewrite(document)
            diagnostics += linked.diagnostics
            let title = document.title.map(NFC.normalize)
            let html = linked.body.text
            let text = html.isEmpty ? nil : html
            guard let folder = folders.first else {
                home = HomeText(title: title, text: text)
                continue
            }
            guard folders.count == 1 else {
                diagnostics.append(Diagnostic(path: document.path, severity: .warning, code: "section.nested",
                                              message: "sections are one folder deep: this _index.md was not read"))
                continue
            }
            // A folder with no article makes no section (see SectionTable.finish).
            guard let index = sections.firstIndex(where: { $0.slug == Slug.fold(NFC.normalize(String(folder))) }) else { continue }
            if let title { sections[index].name = title }
            sections[index].text = text
            guard let url = document.url else { continue }
            if let path = outputPath(url), !path.isEmpty, unwritableReason(path) == nil, !isPageFile(path) {
                sections[index].path = path
            } else {
                diagnostics.append(Diagnostic(path: document.path, severity: .warning, code: "url.invalid",
                                              message: "url '\(url)' is not a folder inside the site; the section stays at /\(sections[index].path)"))
            }
        }
        return home
    }
}
