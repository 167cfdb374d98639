import Foundation

/// Everything read from a content folder: documents, the other files (assets), and problems
/// that concern no single document.
public struct ContentFolder: Sendable {
    /// One document per Markdown or HTML file, sorted by path.
    public var documents: [SourceDocument]
    /// Every other file, by path relative to the content folder, sorted.
    public var assets: [AssetFile]

    /// Makes a folder's reading from its parts (tests build graphs without touching disk).
    public init(documents: [SourceDocument], assets: [AssetFile]) {
        self.documents = documents
        self.assets = assets
    }
}

/// A file of the content folder that is copied as it is (an image, a PDF).
public struct AssetFile: Sendable, Hashable {
    /// Path relative to the content folder, `/`-separated.
    public var path: String
    /// Absolute path on disk, for copying.
    public var sourcePath: String
    /// Size in bytes.
    public var size: Int
    /// When the file last changed, nanoseconds since 1970: the later of its modification time and
    /// its status-change time, which no program can set back (`touch -d` can restore the first).
    /// With the size, how a rebuild sees the file is unchanged.
    public var modified: Int64

    /// Describes a file.
    public init(path: String, sourcePath: String, size: Int, modified: Int64 = 0) {
        self.path = path
        self.sourcePath = sourcePath
        self.size = size
        self.modified = modified
    }
}

/// Walks a content folder and reads every file, in parallel. This is the reading edge of a build.
public struct ContentReader: Sendable {
    /// Reads Markdown.
    public var markdown: MarkdownReader
    /// Reads scraped pages.
    public var scraped: ScrapedPageReader

    /// Makes a reader for a site's time zone and extraction rules.
    public init(timeZone: TimeZone, extractor: HTMLExtractor = HTMLExtractor()) {
        markdown = MarkdownReader(timeZone: timeZone)
        scraped = ScrapedPageReader(timeZone: timeZone, extractor: extractor)
    }

    /// Reads the files of a folder's listing (`FileTree.files`, which a build makes anyway to stamp
    /// its inputs). Files and folders whose names start with `.` or `_` are skipped, as Hugo and
    /// Jekyll skip them.
    public func read(listed files: [AssetFile]) -> ContentFolder {
        let files = files.filter { !FileTree.isHidden($0.path) }
        let pages = files.filter { Self.isPage($0.path) }
        let assets = files.filter { !Self.isPage($0.path) }
        return ContentFolder(documents: read(pages), assets: assets)
    }

    /// Reads some documents of a content folder (Markdown or HTML files as `FileTree` lists them), in
    /// parallel: how an incremental build reads only what changed.
    public func read(_ pages: [AssetFile]) -> [SourceDocument] {
        ConcurrentMap.map(pages) { file -> SourceDocument in
            guard let bytes = FileTree.contents(of: file.sourcePath) else {
                var document = SourceDocument(path: file.path, kind: file.path.hasSuffix(".md") ? .markdown : .scrapedHTML)
                document.diagnostics.append(Diagnostic(path: file.path, severity: .error, message: "cannot read the file"))
                return document
            }
            return Self.isMarkdown(file.path) ? markdown.read(bytes, path: file.path) : scraped.read(bytes, path: file.path)
        }
    }

    static func isMarkdown(_ path: String) -> Bool {
        path.hasSuffix(".md") || path.hasSuffix(".markdown")
    }

    static func isPage(_ path: String) -> Bool {
        isMarkdown(path) || path.hasSuffix(".html") || path.hasSuffix(".htm")
    }
}
