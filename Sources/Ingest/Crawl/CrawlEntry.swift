import Infrastructure

/// One capture in a crawl: a page or a file at its original address, where its bytes are, and
/// when it was captured (the newest capture of an address wins when crawls are joined).
public struct CrawlEntry: Sendable {
    /// Where the bytes of a capture are.
    public enum Location: Sendable {
        /// A file a crawler saved, at this absolute path.
        case file(String)
        /// A record of a WARC file, by its index in the archive's `records`.
        case warc(WARCArchive, record: Int)
    }

    /// The original address.
    public var url: CrawlURL
    /// The HTTP status of the capture; 200 when the crawl does not say (a saved file).
    public var status = 200
    /// The HTTP `Content-Type` when the crawl kept it (with its charset).
    public var contentType: String?
    /// The target of a redirect capture (`Location`), as written.
    public var redirect: String?
    /// When it was captured, in nanoseconds since 1970 (a WARC record's date, a saved file's
    /// modification time).
    public var capturedAt: Int64
    /// Where the bytes are.
    public var location: Location
    /// How a message names the capture: the file relative to the working folder, or the WARC
    /// file and the record's offset.
    public var shown: String
    /// Size in bytes, when known before reading.
    public var size: Int

    /// Makes an entry.
    public init(url: CrawlURL, capturedAt: Int64, location: Location, shown: String, size: Int) {
        self.url = url
        self.capturedAt = capturedAt
        self.location = location
        self.shown = shown
        self.size = size
    }

    /// What says that two listings name the same capture: where it is, its size and time, its
    /// address, status, type and redirect.
    public var cacheKey: String {
        "\(shown)\u{0}\(size)\u{0}\(capturedAt)\u{0}\(url.text)\u{0}\(status)\u{0}\(contentType ?? "")\u{0}\(redirect ?? "")"
    }

    /// What the capture is. A page by its declared type (else by its name); an image only when its
    /// name has a raster image's extension as well: a record typed `image/png` at `/.htaccess`,
    /// `/sw.js` or `/index.html` would otherwise be published as it is. SVG is not copied (it can
    /// hold script), nor is a hidden file.
    ///
    /// Asked of every entry of a crawl several times, so the name is found in the path's bytes and only
    /// the extension (a few letters: no allocation) is lower-cased.
    public var kind: Kind {
        let path = url.path
        let name = path[(path.utf8.lastIndex(of: UInt8(ascii: "/")).map(path.utf8.index(after:)) ?? path.startIndex)...]
        let ext = name.utf8.lastIndex(of: UInt8(ascii: ".")).map { name[name.utf8.index(after: $0)...].lowercased() } ?? ""
        if let type = contentType {
            // As `lowercased().hasPrefix` would say: no letter outside ASCII lower-cases to one of these.
            if type.utf8.startsIgnoringASCIICase(with: "text/html".utf8) || type.utf8.startsIgnoringASCIICase(with: "application/xhtml".utf8) { return .page }
            if type.utf8.startsIgnoringASCIICase(with: "image/".utf8) && Self.imageExtensions.contains(ext) && !name.hasPrefix(".") { return .image }
            return .other
        }
        if ext.isEmpty || Self.pageExtensions.contains(ext) { return .page }
        if Self.imageExtensions.contains(ext) && !name.hasPrefix(".") { return .image }
        return .other
    }

    /// What a capture is.
    public enum Kind: Sendable {
        /// An HTML page.
        case page
        /// An image an article may show.
        case image
        /// Anything else (style sheets, scripts, fonts): not mirrored.
        case other
    }

    /// The bytes of the capture.
    public func bytes() -> [UInt8]? {
        switch location {
        case .file(let path): return FileTree.contents(of: path)
        case .warc(let archive, let record): return try? archive.payload(of: archive.records[record])
        }
    }

    static let pageExtensions: Set<String> = ["html", "htm", "shtml", "xhtml", "php", "asp", "aspx", "jsp", "cms", "cfm"]
    static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "gif", "webp", "avif", "bmp", "ico", "jfif"]
}
