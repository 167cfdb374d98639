import Foundation
import Infrastructure

/// Everything read from a content folder: documents, the other files (assets), and problems
/// that concern no single document.
public struct ContentFolder: Sendable {
    /// One document per Markdown or HTML file, sorted by path.
    public var documents: [SourceDocument]
    /// Every other file, by path relative to the content folder, sorted.
    public var assets: [SourceFile]
    /// Old addresses of a section's pages (a mirrored site's listing pages), by section name:
    /// each becomes a redirect to the section's page.
    public var sectionAliases: [String: [String]] = [:]
    /// Whether the site is laid out as Hugo lays one out (an `_index.md` in the content, or Hugo's
    /// config file beside it): a section made from a content folder then lists its articles at
    /// the folder's own path (`/blog/`), rather than at `/section/blog/`.
    public var hasHugoLayout = false

    /// Makes a folder's reading from its parts (tests build graphs without touching disk).
    public init(documents: [SourceDocument], assets: [SourceFile]) {
        self.documents = documents
        self.assets = assets
    }
}

/// Walks a content folder and reads every file, in parallel. This is the reading edge of a build.
public struct ContentReader: Sendable {
    /// Reads Markdown.
    public var markdown: MarkdownReader
    /// Reads scraped pages.
    public var scraped: ScrapedPageReader

    /// Makes a reader for a site's time zone and extraction rules; a Markdown file that is not UTF-8
    /// is read as `legacyEncoding` (an iconv name); raw HTML in Markdown is sanitized unless `keepsUnsafeHTML`;
    /// `excerptSeparator` ends a summary written in the body; Jekyll's `{% include %}` reads from `includes`.
    public init(timeZone: TimeZone, extractor: HTMLExtractor = HTMLExtractor(), legacyEncoding: String = "WINDOWS-1252",
                keepsUnsafeHTML: Bool = false, excerptSeparator: String = "<!--more-->", fileSizeLimit: Int = 16 << 20,
                includes: JekyllIncludes? = nil) {
        markdown = MarkdownReader(timeZone: timeZone, legacyEncoding: legacyEncoding, keepsUnsafeHTML: keepsUnsafeHTML,
                                  excerptSeparator: excerptSeparator, includes: includes)
        scraped = ScrapedPageReader(timeZone: timeZone, extractor: extractor)
        self.fileSizeLimit = fileSizeLimit
    }

    /// Pages larger than this many bytes are not read: one runaway file (a crawl that saved a
    /// video as a page) must not take the memory of a whole build.
    public var fileSizeLimit: Int

    /// Called once for every file read, from the reading threads: a build counts them for its
    /// progress line. It must be cheap and safe to call from any thread.
    public var onRead: @Sendable () -> Void = {}

    /// Where each document's body goes once read, out of memory until the graph rewrites its links;
    /// nil keeps bodies in memory. At 10,000 articles they are half of what a build holds.
    public var spill: SpillFile?

    /// Reads the files of a folder's listing (`FileTree.files`, which a build makes anyway to stamp
    /// its inputs). Files and folders whose names start with `.` or `_` are skipped, as Hugo and
    /// Jekyll skip them, but for those that hold content (see `FileTree.isIgnoredContent`).
    public func read(listed files: [SourceFile]) -> ContentFolder {
        let files = files.filter { !FileTree.isIgnoredContent($0.path) }
        let pages = files.filter { Self.isPage($0.path) }
        let assets = files.filter { !Self.isPage($0.path) }
        var folder = ContentFolder(documents: read(pages), assets: assets)
        folder.hasHugoLayout = pages.contains { Self.isSectionIndex($0.path) }
        return folder
    }

    /// Reads some documents of a content folder (Markdown or HTML files as `FileTree` lists them), in
    /// parallel: how an incremental build reads only what changed.
    public func read(_ pages: [SourceFile]) -> [SourceDocument] {
        ConcurrentMap.map(pages) { file -> SourceDocument in
            defer { onRead() }
            var document = read(file)
            document.body = document.body.spilled(to: spill)
            return document
        }
    }

    private func read(_ file: SourceFile) -> SourceDocument {
        guard file.size <= fileSizeLimit else {
            var document = SourceDocument(path: file.path, kind: Self.isMarkdown(file.path) ? .markdown : .scrapedHTML)
            document.diagnostics.append(Diagnostic(path: file.path, severity: .error, code: "limit.file-size",
                                                   message: "\(file.size) bytes, more than \(fileSizeLimit) (limits.fileSize); the file was not read"))
            return document
        }
        guard let bytes = FileTree.contents(of: file.sourcePath) else {
            var document = SourceDocument(path: file.path, kind: file.path.hasSuffix(".md") ? .markdown : .scrapedHTML)
            document.diagnostics.append(Diagnostic(path: file.path, severity: .error, code: "file.unreadable", message: "cannot read the file"))
            return document
        }
        guard Self.isMarkdown(file.path) || FrontMatterSplit.opensWithFence(bytes) else { return scraped.read(bytes, path: file.path) }
        guard file.path != "index.html" && file.path != "index.htm" else {
            // Its Liquid (`paginator.posts`) is not run, so it is not read either: not one warning about it.
            var document = SourceDocument(path: file.path, kind: .markdown)
            document.isLeftOut = true
            document.diagnostics.append(Diagnostic(path: file.path, line: 1, column: 1, severity: .note, code: "content.home-template",
                                                   message: "the site's own home page template (front matter and Liquid) was left out: "
                                                       + "Broadsheet makes the home page itself"))
            return document
        }
        return markdown.read(bytes, path: file.path, lastChanged: file.modified)
    }

    /// Whether a content file is a Hugo `_index.md` (or `_index.markdown`): the text and title of
    /// the section its folder makes, not an article.
    public static func isSectionIndex(_ path: String) -> Bool {
        // Its end compared as bytes: by `Character`, or split into names, asked of every document
        // more than once, it was a serial cost.
        let bytes = path.utf8
        func isNamed(_ name: String.UTF8View) -> Bool {
            guard bytes.count >= name.count else { return false }
            let start = bytes.index(bytes.endIndex, offsetBy: -name.count)
            return bytes[start...].elementsEqual(name) && (start == bytes.startIndex || bytes[bytes.index(before: start)] == UInt8(ascii: "/"))
        }
        return isNamed("_index.md".utf8) || isNamed("_index.markdown".utf8)
    }

    static func isMarkdown(_ path: String) -> Bool {
        path.hasSuffix(".md") || path.hasSuffix(".markdown")
    }

    static func isPage(_ path: String) -> Bool {
        isMarkdown(path) || path.hasSuffix(".html") || path.hasSuffix(".htm")
    }
}
