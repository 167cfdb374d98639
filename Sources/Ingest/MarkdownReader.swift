import CCmarkGFM
import Foundation
import Infrastructure

/// Reads a Markdown file with front matter into a `SourceDocument`, through cmark-gfm with the GitHub
/// extensions (tables, strikethrough, autolinks, task lists, footnotes). Also reads a Jekyll or
/// Hugo site's `.html` page with front matter (a page of that tool, not a crawled one): its body is
/// HTML already, so it is not read as Markdown, but its Liquid is, and its HTML is sanitized as
/// Markdown's raw HTML is.
public struct MarkdownReader: Sendable {
    /// The zone of dates written without one.
    public var timeZone: TimeZone
    /// The iconv name of the encoding a file that is not UTF-8 is read in.
    public var legacyEncoding: String
    /// Keeps raw HTML in bodies as written (`markup.unsafe`); else it passes the same allowlist
    /// sanitizer as crawled pages, as Hugo and Zola omit raw HTML unless told it is safe.
    public var keepsUnsafeHTML: Bool
    /// Where Jekyll's `{% include %}` finds its files; without it, an include is reported as not run.
    public var includes: JekyllIncludes?
    /// What ends a summary written in the body, unless the file's `excerpt_separator` says otherwise.
    public var excerptSeparator: String

    /// Makes a reader for a site's time zone; a file that is not UTF-8 is read as `legacyEncoding`.
    public init(timeZone: TimeZone, legacyEncoding: String = "WINDOWS-1252", keepsUnsafeHTML: Bool = false,
                excerptSeparator: String = "<!--more-->", includes: JekyllIncludes? = nil) {
        self.timeZone = timeZone
        self.legacyEncoding = legacyEncoding
        self.keepsUnsafeHTML = keepsUnsafeHTML
        self.excerptSeparator = excerptSeparator
        self.includes = includes
    }

    /// Reads one file. Problems are recorded in the document's diagnostics, never thrown, so the
    /// build can go on with the other files. `lastChanged` (nanoseconds since 1970) dates an
    /// undated Jekyll draft, as Jekyll dates one by its file.
    public func read(_ bytes: [UInt8], path: String, lastChanged: Int64? = nil) -> SourceDocument {
        var document = SourceDocument(path: path, kind: .markdown)
        document.contentHash = ContentHash.of(bytes)
        let isMarkdown = ContentReader.isMarkdown(path)
        let split: FrontMatterSplit
        // Where the body starts in `bytes` when it goes to cmark-gfm as it is (see `plainHead`).
        var bodyStart: Int?
        if isMarkdown, let head = Self.plainHead(bytes),
           let headSplit = try? FrontMatterSplit(Substring(String(decoding: bytes[..<head], as: UTF8.self))), headSplit.body.isEmpty {
            split = headSplit
            bodyStart = head
        } else {
            let decoding = TextDecoding(bytes, legacyEncoding: legacyEncoding)
            guard let decoded = decoding.text else {
                document.diagnostics.append(Diagnostic(path: path, line: Self.firstInvalidUTF8Line(bytes), column: 1, severity: .error,
                                                       code: "file.encoding", message: "file is not valid UTF-8"))
                return document
            }
            if let note = decoding.note {
                let line = decoding.isLegacy ? Self.firstInvalidUTF8Line(bytes) : 0
                document.diagnostics.append(Diagnostic(path: path, line: line, column: line > 0 ? 1 : 0, severity: .warning,
                                                       code: "file.encoding", message: note))
            }
            // Swift treats "\r\n" as one Character; fold line ends first so that line counting is simple.
            let text = Self.holdsCarriageReturn(bytes) ? decoded.replacingOccurrences(of: "\r\n", with: "\n") : decoded
            do {
                split = try FrontMatterSplit(Substring(text))
            } catch {
                document.diagnostics.append(error.diagnostic(path: path))
                return document
            }
        }
        // What a `{{< param >}}` shortcode may print.
        var parameters: [String: String] = [:]
        do {
            let fields: FrontMatterFields
            switch split.syntax {
            case .yaml: fields = try YAMLFrontMatter.parse(split.frontMatter, firstLine: split.frontMatterLine)
            case .toml: fields = try TOMLFrontMatter.parse(split.frontMatter, firstLine: split.frontMatterLine)
            case .json: fields = try JSONFrontMatter.parse(split.frontMatter)
            case nil: fields = FrontMatterFields()
            }
            FrontMatter.apply(fields, to: &document, timeZone: timeZone)
            parameters = fields.values.compactMapValues(\.text)
        } catch {
            document.diagnostics.append(error.diagnostic(path: path))
            return document
        }
        let jekyllName = JekyllFileName(path: path)
        if document.date == nil, let fileDate = jekyllName?.date {
            document.date = DateParser.parse(fileDate, defaultTimeZone: timeZone)
        }
        let jekyllFolder = JekyllFolder(path: path)
        if jekyllFolder == .drafts {
            document.draft = true
            if document.date == nil, let lastChanged {
                let date = Date(timeIntervalSince1970: TimeInterval(lastChanged / 1_000_000_000))
                document.date = ParsedDate(date: date, utcOffsetSeconds: timeZone.secondsFromGMT(for: date), hasTime: true)
            }
        }
        let separator = parameters["excerpt_separator"].flatMap { $0.isEmpty ? nil : $0 } ?? excerptSeparator
        let expanded: Shortcodes.Result
        let rendered: CommonMark.Rendered
        if let bodyStart, !Shortcodes.mayHoldTags(bytes, from: bodyStart) {
            expanded = Shortcodes.Result(body: "")
            rendered = bytes.withUnsafeBufferPointer { file in
                CommonMark.render(utf8: UnsafeBufferPointer(rebasing: file[bodyStart...]), firstLine: split.bodyLine, excerptSeparator: separator)
            }
        } else {
            let body = bodyStart.map { String(decoding: bytes[$0...], as: UTF8.self) } ?? String(split.body)
            expanded = Shortcodes(parameters: parameters, includes: includes, documentPath: path).expand(body)
            rendered = isMarkdown
                ? CommonMark.render(Substring(expanded.body), firstLine: split.bodyLine, sourceLine: expanded.sourceLine, excerptSeparator: separator)
                : CommonMark.Rendered(html: Array(expanded.body.utf8), words: WordCount.of(expanded.body), references: [], hasRawHTML: true)
        }
        for problem in expanded.problems {
            document.diagnostics.append(Diagnostic(path: path, line: split.bodyLine + problem.line - 1, column: problem.column, severity: .warning,
                                                   code: "markup.shortcode", message: problem.message))
        }
        for problem in rendered.attributeProblems {
            document.diagnostics.append(Diagnostic(path: path, line: split.bodyLine + expanded.sourceLine(problem.line) - 1, column: problem.column, severity: .warning,
                                                   code: "markup.attributes", message: problem.message))
        }
        if rendered.tablesLeftAsText {
            document.diagnostics.append(Diagnostic(path: path, line: split.bodyLine, column: 1, severity: .warning, code: "limit.table",
                                                   message: "the body's tables could hold more than \(CommonMark.tableCellLimit) cells; "
                                                    + "they were left as text"))
        }
        document.body = expanded.withEmbeds(rendered.html)
        if rendered.hasRawHTML && !keepsUnsafeHTML {
            let sanitized = Sanitizer.markdown(document.bodyHTML)
            document.bodyHTML = sanitized.html
            if sanitized.cutOff {
                document.diagnostics.append(Diagnostic(path: path, line: split.bodyLine, column: 1, severity: .warning, code: "markup.too-deep",
                                                       message: "the body's HTML nests elements more than \(HTMLDocument.depthLimit) deep: "
                                                           + "the sanitizer's parser stops at that depth, so the body was cut off there"))
            }
        }
        document.wordCount = rendered.words
        document.references = rendered.references
        if document.summary == nil { document.summary = rendered.summary }
        if document.title == nil, let heading = rendered.firstHeading { document.title = heading }
        if document.title == nil, jekyllFolder != nil || !isMarkdown {
            let stem = path.split(separator: "/").last.map { $0.split(separator: ".").dropLast().joined(separator: ".") } ?? ""
            document.title = JekyllFolder.title(fromSlug: jekyllName?.slug ?? stem)
        }
        return document
    }

    /// The length of the file's front matter with its fences, up to the first line after its
    /// opening one that starts as a closing one could (`---`, `+++`, `...`): 0 when the file opens
    /// with no fence. Only for a file of UTF-8 without a byte-order mark or a `\r` (nearly all),
    /// checked 32 bytes at a time: that part alone is then made a `String`, and the body goes to
    /// cmark-gfm as bytes. The whole file made a `String` had every byte checked one at a time, a
    /// fortieth of a build. Nil for any other file, or one whose front matter does not close: it is
    /// read whole, as text. The caller checks that the front matter does close where this says.
    static func plainHead(_ bytes: [UInt8]) -> Int? {
        // A UTF-16 byte-order mark is not UTF-8; a UTF-8 one is dropped by the text path.
        guard !bytes.starts(with: [0xEF, 0xBB, 0xBF]), !holdsCarriageReturn(bytes), CharsetRepair.isValidUTF8(bytes) else { return nil }
        let fence = bytes.prefix(3)
        guard fence.elementsEqual("---".utf8) || fence.elementsEqual("+++".utf8) else {
            return bytes.first == UInt8(ascii: "{") ? nil : 0
        }
        var lineStart = (bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count) + 1
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let line = bytes[lineStart..<lineEnd]
            if line.starts(with: fence) || line.starts(with: "...".utf8) { return min(lineEnd + 1, bytes.count) }
            lineStart = lineEnd + 1
        }
        return nil
    }

    /// Whether the file holds a `\r`: a `memchr` over the bytes (`contains("\r")` goes through
    /// Foundation's NSString search, which cost more than parsing the front matter).
    private static func holdsCarriageReturn(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in buffer.baseAddress.map { memchr($0, 0x0D, buffer.count) != nil } ?? false }
    }

    private static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int {
        var line = 1
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            if String(validating: bytes[start..<index], as: UTF8.self) == nil { return line }
            line += 1
            start = index + 1
        }
        return line
    }
}

/// A Jekyll post's file name, `2021-11-30-slug.md`: a date and a slug.
public struct JekyllFileName: Sendable {
    /// `2021-11-30`.
    public var date: String
    /// The name after the date, without the extension.
    public var slug: String

    /// Reads the last component of a path; nil when it does not start with a date.
    public init?(path: String) {
        // Byte offsets rather than `split` and `joined`: every article's path comes through here.
        let utf8 = Array(path.utf8)
        var end = utf8.count
        while end > 0 && utf8[end - 1] == UInt8(ascii: "/") { end -= 1 }
        var start = end
        while start > 0 && utf8[start - 1] != UInt8(ascii: "/") { start -= 1 }
        // The stem is the name before its last dot; a name without a dot has none.
        guard let dot = utf8[start..<end].lastIndex(of: UInt8(ascii: ".")) else { return nil }
        guard dot - start > 11, utf8[start + 4] == UInt8(ascii: "-"), utf8[start + 7] == UInt8(ascii: "-"),
              utf8[start + 10] == UInt8(ascii: "-"),
              utf8[start..<(start + 10)].allSatisfy({ $0 == UInt8(ascii: "-") || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) })
        else { return nil }
        date = String(decoding: utf8[start..<(start + 10)], as: UTF8.self)
        slug = String(decoding: utf8[(start + 11)..<dot], as: UTF8.self)
    }
}
