import Foundation
import Infrastructure

/// What one reader made of one input file, before the graph normalizes it.
///
/// Values are kept as the author wrote them (tag spellings, section names, date text already
/// parsed but with its own offset); slugs, URLs and merging belong to `ContentGraph`.
public struct SourceDocument: Sendable {
    /// Which reader produced the document.
    public enum Kind: String, Sendable {
        /// Front matter and Markdown.
        case markdown
        /// A page as a crawler saved it.
        case scrapedHTML
    }

    /// Path relative to the content folder, with `/` separators (`thoi-su/abc.md`).
    public var path: String
    /// Which reader produced it.
    public var kind: Kind
    /// Headline.
    public var title: String?
    /// Publication date.
    public var date: ParsedDate?
    /// Last modification, when given.
    public var lastModified: ParsedDate?
    /// When it stops being published (Hugo's `expiryDate`), when given.
    public var expires: ParsedDate?
    /// Author names, in the order given.
    public var authors: [String] = []
    /// Tag spellings, in the order given.
    public var tags: [String] = []
    /// Section name as written (`Thời sự`): front matter's `section:`, or a crawled page's own.
    public var section: String?
    /// Every category of the front matter as written, in order. The graph makes the first the
    /// section (without `section:`) and the others tags, unless the site lists categories of
    /// their own; Jekyll's `:categories` needs them all.
    public var categories: [String] = []
    /// Slug from front matter.
    public var slug: String?
    /// An explicit URL path from front matter (`url:`), overriding the permalink pattern.
    public var url: String?
    /// Old paths that should redirect here.
    public var aliases: [String] = []
    /// Left out unless drafts are asked for.
    public var draft = false
    /// The front matter asks for a page rather than an article (`type: page`, `layout: page`).
    public var isPage = false
    /// Read but not part of the site: a Jekyll or Hugo site's own home page template (its top
    /// `index.html` with front matter), which Broadsheet's home page stands in for.
    public var isLeftOut = false
    /// Marked by its editor as the front page's lead story (`featured: true`).
    public var featured = false
    /// Plain-text summary from front matter or the page's description.
    public var summary: String?
    /// Lead image, as written (relative to the file, rooted, or absolute).
    public var image: String?
    /// The original URL of a mirrored page.
    public var canonical: String?
    /// Language code, when given.
    public var language: String?
    /// The body as HTML: rendered Markdown or a sanitized extracted page; in memory, or in the
    /// build's spill file once read (see `ContentReader.spill`).
    public var body = SpillableText("")
    /// Words in the body, for reading time (the text itself is not kept: it would double the
    /// memory a large site needs).
    public var wordCount = 0
    /// Where each link and image of the body came from, to report unresolved ones precisely.
    public var references: [SourceReference] = []
    /// A hash of the file's bytes.
    public var contentHash: UInt64 = 0
    /// Problems found while reading; an `.error` means the document must be left out.
    public var diagnostics: [Diagnostic] = []

    /// Makes an empty document for a path; readers fill it in.
    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }

    /// True when reading failed badly enough that the document must be left out.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The body's HTML (see `body`), read from the spill file each time when it is there; setting
    /// it keeps the new body in memory.
    public var bodyHTML: String {
        get { body.text }
        set { body = SpillableText(newValue) }
    }
}

/// A link or image target in a body, with its place in the source file.
public struct SourceReference: Sendable, Hashable {
    /// The target as written in the source.
    public var target: String
    /// 1-based line in the source file, 0 when unknown.
    public var line: Int
    /// 1-based column in the source file, 0 when unknown.
    public var column: Int

    /// Makes a reference.
    public init(target: String, line: Int, column: Int) {
        self.target = target
        self.line = line
        self.column = column
    }
}
