import Foundation
import Infrastructure

/// Reads a page as a crawler saved it into a `SourceDocument`, through the HTML extractor.
public struct ScrapedPageReader: Sendable {
    /// The zone of dates printed without one.
    public var timeZone: TimeZone
    /// The extractor, with the site's per-host rules.
    public var extractor: HTMLExtractor

    /// Makes a reader.
    public init(timeZone: TimeZone, extractor: HTMLExtractor = HTMLExtractor()) {
        self.timeZone = timeZone
        self.extractor = extractor
    }

    /// A byline as a name: `By Hải Yến` and `Bài: Minh Anh` are signed `Hải Yến` and `Minh Anh`.
    static func withoutLead(_ byline: String) -> String {
        for lead in ["By ", "by ", "BY ", "Bởi ", "bởi ", "Bài: ", "Bài:", "Tác giả: ", "Tác giả:"] where byline.hasPrefix(lead) {
            let name = byline.dropFirst(lead.count).trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { return name }
        }
        return byline
    }

    /// Reads one page. Relative URLs stay relative to the page's file, so the build can copy
    /// its images and rewrite its links.
    public func read(_ bytes: [UInt8], path: String) -> SourceDocument {
        extract(bytes, path: path, pageURL: nil).document
    }

    /// Reads one page with what extraction found besides the document (a crawl judges pages by
    /// it); the page's body is left out of it, as the document holds it. With `pageURL`, relative
    /// URLs are resolved against it; with `skipsListings`, see `HTMLExtractor.extract`.
    public func extract(_ bytes: [UInt8], path: String, pageURL: String?, skipsListings: Bool = false)
        -> (document: SourceDocument, page: ExtractedPage?) {
        var document = SourceDocument(path: path, kind: .scrapedHTML)
        document.contentHash = ContentHash.of(bytes)
        var page: ExtractedPage
        do {
            page = try extractor.extract(bytes, pageURL: pageURL, defaultTimeZone: timeZone, skipsListings: skipsListings)
        } catch {
            document.diagnostics.append(Diagnostic(path: path, line: 1, column: 1, severity: .error, code: "page.unparsable", message: "\(error)"))
            return (document, nil)
        }
        for warning in page.warnings {
            document.diagnostics.append(Diagnostic(path: path, severity: .warning, code: "page.repaired", message: warning))
        }
        if let line = page.cutOffAtLine {
            document.diagnostics.append(Diagnostic(path: path, line: line, column: 1, severity: .warning, code: "page.too-deep",
                                                   message: "elements nest more than \(HTMLDocument.depthLimit) deep here: the parser stops "
                                                       + "at that depth, so the rest of the page was not read"))
        }
        document.title = page.title
        document.date = page.published
        document.lastModified = page.modified
        document.authors = page.byline.map { [Self.withoutLead($0)] } ?? []
        document.tags = page.tags
        document.section = page.section
        document.summary = page.description
        document.image = page.image
        document.canonical = page.canonical
        document.language = page.lang
        document.bodyHTML = page.html
        document.wordCount = WordCount.of(page.text)
        document.references = (page.links + page.images).map { SourceReference(target: $0, line: 0, column: 0) }
        if document.title == nil {
            document.diagnostics.append(Diagnostic(path: path, line: 1, column: 1, severity: .error, code: "page.no-headline", message: "no headline found in the page"))
        }
        if page.text.isEmpty {
            document.diagnostics.append(Diagnostic(path: path, line: 1, column: 1, severity: .error, code: "page.no-body", message: "no article body found in the page"))
        }
        page.html = ""
        return (document, page)
    }
}
