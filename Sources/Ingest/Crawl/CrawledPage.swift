import Infrastructure

/// A crawled HTML page as read: its capture, what extraction made of it, and the facts the mirror
/// joins pages by.
public struct CrawledPage: Sendable {
    /// The capture it was read from.
    public var entry: CrawlEntry
    /// Whether it is an article.
    public var verdict: PageVerdict
    /// The article as a document, its links absolute (resolved against the page's address); only
    /// an article keeps its body.
    public var document: SourceDocument
    /// The address the page declares as its own (`<link rel=canonical>`, `og:url`).
    public var canonical: CrawlURL?
    /// A hash of the extracted text: the same article under two addresses with no canonical link
    /// between them has the same text.
    public var textHash: UInt64

    /// Makes a page.
    public init(entry: CrawlEntry, verdict: PageVerdict, document: SourceDocument, canonical: CrawlURL?, textHash: UInt64) {
        self.entry = entry
        self.verdict = verdict
        self.document = document
        self.canonical = canonical
        self.textHash = textHash
    }
}

/// A crawled image: its capture and a hash of its bytes, so that one picture saved under several
/// addresses is copied once.
public struct CrawledFile: Sendable {
    /// The capture.
    public var entry: CrawlEntry
    /// A hash of its bytes.
    public var contentHash: UInt64

    /// Makes a file.
    public init(entry: CrawlEntry, contentHash: UInt64) {
        self.entry = entry
        self.contentHash = contentHash
    }
}
