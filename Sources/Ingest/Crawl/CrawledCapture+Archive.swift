import Foundation
import Infrastructure

extension CrawlReader {
    /// What reading one capture gave, as the crawl cache keeps it: a page (its verdict, document and
    /// facts) or an image's hash. The capture itself is not kept: it is listed anew on every build,
    /// and its key (`cacheKey`) says whether the kept reading still holds.
    static func archive(_ read: Read, into writer: inout ArchiveWriter) {
        switch read {
        case .page(let page):
            writer.count(0)
            switch page.verdict {
            case .article: writer.string("")
            case .skipped(let reason): writer.string(reason.rawValue)
            }
            archive(page.document, into: &writer)
            writer.optionalString(page.canonical?.text)
            writer.word(page.textHash)
        case .image(let file):
            writer.count(1)
            writer.word(file.contentHash)
        case .other, .unreadable:
            writer.count(2)
        }
    }

    /// Reads back what `archive(_:into:)` wrote, for `entry`; nil for a capture whose reading is
    /// not kept (an unreadable one is read again).
    static func read(archive reader: inout ArchiveReader, entry: CrawlEntry) throws(ArchiveError) -> Read? {
        switch try reader.count() {
        case 0:
            let reason = try reader.string()
            let verdict: PageVerdict
            if reason.isEmpty {
                verdict = .article
            } else {
                guard let known = PageVerdict.SkipReason(rawValue: reason) else { throw ArchiveError() }
                verdict = .skipped(known)
            }
            let document = try document(archive: &reader)
            return .page(CrawledPage(entry: entry, verdict: verdict, document: document,
                                     canonical: try reader.optionalString().flatMap(CrawlURL.init), textHash: try reader.word()))
        case 1:
            return .image(CrawledFile(entry: entry, contentHash: try reader.word()))
        case 2:
            return entry.kind == .other ? .other : nil
        default:
            throw ArchiveError()
        }
    }

    /// The fields a crawled page's document has.
    private static func archive(_ document: SourceDocument, into writer: inout ArchiveWriter) {
        writer.string(document.path)
        writer.optionalString(document.title)
        ParsedDate.archive(document.date, into: &writer)
        ParsedDate.archive(document.lastModified, into: &writer)
        writer.strings(document.authors)
        writer.strings(document.tags)
        writer.optionalString(document.section)
        writer.optionalString(document.summary)
        writer.optionalString(document.image)
        writer.optionalString(document.canonical)
        writer.optionalString(document.language)
        writer.string(document.bodyHTML)
        writer.count(document.wordCount)
        writer.strings(document.references.map(\.target))
        writer.word(document.contentHash)
        writer.count(document.diagnostics.count)
        for diagnostic in document.diagnostics { diagnostic.archive(into: &writer) }
    }

    private static func document(archive reader: inout ArchiveReader) throws(ArchiveError) -> SourceDocument {
        var document = SourceDocument(path: try reader.string(), kind: .scrapedHTML)
        document.title = try reader.optionalString()
        document.date = try ParsedDate.unarchive(&reader)
        document.lastModified = try ParsedDate.unarchive(&reader)
        document.authors = try reader.strings()
        document.tags = try reader.strings()
        document.section = try reader.optionalString()
        document.summary = try reader.optionalString()
        document.image = try reader.optionalString()
        document.canonical = try reader.optionalString()
        document.language = try reader.optionalString()
        document.bodyHTML = try reader.string()
        document.wordCount = try reader.count()
        document.references = try reader.strings().map { SourceReference(target: $0, line: 0, column: 0) }
        document.contentHash = try reader.word()
        for _ in 0..<(try reader.count()) { document.diagnostics.append(try Diagnostic(archive: &reader)) }
        return document
    }
}
