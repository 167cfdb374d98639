import Foundation
import CCmarkGFM
import Infrastructure

/// The cmark-gfm calls, kept in one place: parse, collect references, render HTML and text.
enum CommonMark {
    /// What one Markdown body renders to.
    struct Rendered {
        /// UTF-8 bytes, as cmark-gfm wrote them: never made a `String` (see `SpillableText`).
        var html: [UInt8]
        var words: Int
        var summary: String?
        var firstHeading: String?
        var references: [SourceReference]
        /// Whether the body holds raw HTML (which the reader then sanitizes unless told not to).
        var hasRawHTML = false
        /// Whether tables were left as text because the body could hold more cells than
        /// `tableCellLimit`.
        var tablesLeftAsText = false
        /// Attribute lists not applied, or with attributes not kept, at their line in the body.
        var attributeProblems: [Problem] = []
    }

    /// Cells a body's tables may have before tables are not made at all. cmark-gfm's table
    /// extension takes time quadratic in a row's width and pads every row to the header's width:
    /// a 44 KB file of a 1,000-column header and 20,000 short lines asked for 20 million cells
    /// and aborted the process; a 300 KB row of 50,000 columns took 14 s.
    static let tableCellLimit = 200_000

    private static let extensions = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    /// Registers the GFM extensions once per process; cmark-gfm's registry is global, and its own
    /// "registered" flag is a plain int, so the `static let` (run exactly once) is what makes this
    /// safe. After registration the registry is only read (`cmark_find_syntax_extension`).
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Raw HTML is kept here (authors of a news site write their own embeds); the tagfilter
    /// extension neutralizes `<script>`, `<style>`, `<iframe>` and the like, as GitHub does, and the
    /// reader then passes a body holding raw HTML through the sanitizer (see `MarkdownReader`).
    /// Fenced code is written `<pre><code class="language-x">`, as Hugo, Jekyll and highlighters
    /// expect, not GitHub's `<pre lang="x">`; a language `SyntaxHighlighter` knows is highlighted
    /// into it (`highlightCodeBlocks`).
    static let options = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES

    /// Serializes the part of cmark-gfm that touches its process-wide inline state.
    ///
    /// cmark-gfm 0.29 (Debian 12 ships 0.29.0.gfm.6) keeps the inline parser's table of special
    /// characters in one global array (`SPECIAL_CHARS`/`SKIP_CHARS` in inlines.c). Every parser with
    /// the strikethrough or autolink extension attached adds their characters (`~`, `:`, `w`, `@`…) to
    /// that table when it starts parsing inlines and removes them when it is done
    /// (`cmark_manage_extensions_special_characters`), so one thread finishing a document took `~`
    /// away from another thread still parsing: strikethrough and autolinks went missing at random
    /// (github/cmark-gfm pull request 176, issue 221). Inline parsing runs in `cmark_parser_finish`
    /// (`process_inlines`) and, for table rows, inside `cmark_parser_feed` (the table extension's
    /// `row_from_string` parses a row's cells while the block is read), and nothing else reads or
    /// writes the table; so the lock covers feed and finish, the whole parse. Walking and rendering
    /// the finished tree use only the document's own nodes and stay parallel. Measured on the
    /// 10,000-article corpus on 2 cores, the read phase took 0.57 s with the lock against 0.53 s
    /// without (medians of 7), 2% of a 2 s build.
    private static let parseLock = NSLock()

    /// Renders a body; `firstLine` is the file line the body starts on, and `sourceLine` gives the
    /// body line a line of `body` was written on (an include adds lines), for reference positions.
    /// `excerptSeparator` ends a summary written in the body (see `summary`).
    static func render(_ body: Substring, firstLine: Int, sourceLine: (Int) -> Int = { $0 }, excerptSeparator: String = "<!--more-->") -> Rendered {
        var body = body
        return body.withUTF8 { render(utf8: $0, firstLine: firstLine, sourceLine: sourceLine, excerptSeparator: excerptSeparator) }
    }

    /// `render` of a body given as UTF-8 bytes (a file's own, past its front matter).
    static func render(utf8 body: UnsafeBufferPointer<UInt8>, firstLine: Int, sourceLine: (Int) -> Int = { $0 },
                       excerptSeparator: String = "<!--more-->") -> Rendered {
        _ = registered
        let tablesFit = possibleTableCells(utf8: body) <= tableCellLimit
        guard let root = parse(body, tables: tablesFit) else { return Rendered(html: [], words: 0, references: []) }
        defer { cmark_parser_free(root.parser) }
        defer { cmark_node_free(root.document) }
        // Only a body with a `{` can hold an attribute list: the others skip looking for one.
        let mayHoldAttributeLists = body.baseAddress.map { memchr($0, Int32(UInt8(ascii: "{")), body.count) != nil } ?? false
        var rendered = render(root.document, parser: root.parser, firstLine: firstLine, sourceLine: sourceLine,
                              attributeLists: mayHoldAttributeLists, excerptSeparator: excerptSeparator)
        rendered.tablesLeftAsText = !tablesFit
        return rendered
    }

    /// The most cells the body's tables could make: its widest row (pipes in one line) times its
    /// lines. A bound, read in one pass over the bytes, not a count.
    static func possibleTableCells(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        // Only bodies with a `|` at all (`memchr`): this runs for every Markdown file of the site.
        guard let base = bytes.baseAddress, memchr(base, Int32(UInt8(ascii: "|")), bytes.count) != nil else { return 0 }
        return possibleTableCells(bytes)
    }

    private static func possibleTableCells<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Int {
        var widest = 0
        var pipes = 0
        var lines = 1
        for byte in bytes {
            if byte == UInt8(ascii: "|") {
                pipes += 1
            } else if byte == UInt8(ascii: "\n") {
                widest = max(widest, pipes)
                pipes = 0
                lines += 1
            }
        }
        return max(widest, pipes) * lines
    }

    /// Parses a body into a document tree under `parseLock`; the caller frees both pointers.
    private static func parse(_ body: UnsafeBufferPointer<UInt8>, tables: Bool) -> (parser: OpaquePointer, document: OpaquePointer)? {
        guard let parser = cmark_parser_new(options) else { return nil }
        for name in extensions where tables || name != "table" {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        parseLock.lock()
        defer { parseLock.unlock() }
        // Fed from the body's own bytes, not copied first.
        body.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        guard let document = cmark_parser_finish(parser) else {
            cmark_parser_free(parser)
            return nil
        }
        return (parser, document)
    }

    /// Walks a parsed tree for references, words, summary and first heading, and renders its HTML.
    private static func render(_ root: OpaquePointer, parser: OpaquePointer, firstLine: Int, sourceLine: (Int) -> Int,
                               attributeLists: Bool, excerptSeparator: String) -> Rendered {
        var attributeProblems: [Problem] = []
        let attributeTargets = attributeLists ? takeAttributeLists(root, problems: &attributeProblems) : []
        var references: [SourceReference] = []
        var firstHeading: String?
        // Words are counted from the text nodes as the tree is walked: rendering the whole body to
        // plain text only to count its words was a twelfth of a build, and its memory.
        var words = 0
        var hasRawHTML = false
        var codeBlocks: [OpaquePointer] = []
        if let iterator = cmark_iter_new(root) {
            defer { cmark_iter_free(iterator) }
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE { hasRawHTML = true }
                if type == CMARK_NODE_CODE_BLOCK { codeBlocks.append(node) }
                if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node) {
                    references.append(SourceReference(target: String(cString: url),
                                                      line: sourceLine(Int(cmark_node_get_start_line(node))) + firstLine - 1,
                                                      column: Int(cmark_node_get_start_column(node))))
                } else if type == CMARK_NODE_HEADING, firstHeading == nil {
                    firstHeading = plainText(node)
                }
                if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK,
                   let literal = cmark_node_get_literal(node) {
                    words += WordCount.of(utf8: UnsafeRawBufferPointer(start: literal, count: strlen(literal)))
                }
            }
        }
        // The summary reads paragraphs, which the two steps below may make HTML nodes.
        let summary = summary(root, separator: excerptSeparator)
        highlightCodeBlocks(codeBlocks)
        let extensionsList = cmark_parser_get_syntax_extensions(parser)
        applyAttributes(attributeTargets, extensions: extensionsList, problems: &attributeProblems)
        let html = figures(alignmentClasses(takeBytes(cmark_render_html(root, options, extensionsList))))
        return Rendered(html: html, words: words, summary: summary, firstHeading: firstHeading, references: references,
                        hasRawHTML: hasRawHTML, attributeProblems: attributeProblems)
    }

    /// cmark-gfm marks an aligned table column with `align` on every cell, an attribute obsolete in
    /// HTML5 (the Nu Html Checker reports each one); the cells get `class="align-…"` instead, which
    /// themes style and the sanitizer keeps. cmark writes the attribute alone on the tag
    /// (`<td align="left">`), so the attribute's name is swapped in place and `align-` put before
    /// its value: one pass over the bytes, as `String.replacing` took a sixth of reading a site.
    static func alignmentClasses(_ html: [UInt8]) -> [UInt8] {
        let offsets = html.byteOffsets(of: " align=\"")
        guard !offsets.isEmpty else { return html }
        // Only the runs between the attributes are copied: a copy byte by byte of every body with
        // an aligned table was 2% of a build's time.
        var output: [UInt8] = []
        output.reserveCapacity(html.count + 8 * offsets.count)
        var copied = 0
        for offset in offsets where offset >= 3 && html[offset - 3] == UInt8(ascii: "<") && html[offset - 2] == UInt8(ascii: "t")
            && (html[offset - 1] == UInt8(ascii: "d") || html[offset - 1] == UInt8(ascii: "h")) {
            output += html[copied..<offset]
            output += " class=\"align-".utf8
            copied = offset + " align=\"".utf8.count
        }
        output += html[copied...]
        return output
    }

    /// An image alone in its paragraph with a title (`![Cầu mới](cau.png "Cây cầu nhìn từ bờ bắc")`)
    /// is a figure, its title the caption — as Hugo's `figure` shortcode and most Markdown themes
    /// show one: `<figure><img src alt><figcaption>title</figcaption></figure>`. An image inside a
    /// sentence, or without a title, stays as it is.
    static func figures(_ html: [UInt8]) -> [UInt8] {
        let opens = html.byteOffsets(of: "<p><img ")
        guard !opens.isEmpty else { return html }
        let close = Array("</p>".utf8)
        let title = Array(" title=\"".utf8)
        var result: [UInt8] = []
        result.reserveCapacity(html.count + 32 * opens.count)
        var copied = 0
        for open in opens where open >= copied {
            guard let end = html.firstOffset(of: close, from: open) else { break }
            // The tag alone, self-closed, with nothing else in the paragraph.
            let image = html[(open + 3)..<end]
            guard image.count > 3, image.suffix(3).elementsEqual(" />".utf8), !image.dropFirst().contains(UInt8(ascii: "<")),
                  let titleStart = html.firstOffset(of: title, from: open + 3, before: end),
                  let titleEnd = html[(titleStart + title.count)..<end].firstIndex(of: UInt8(ascii: "\"")) else { continue }
            result += html[copied..<open]
            result += "<figure>".utf8
            result += html[(open + 3)..<titleStart]
            result += html[(titleEnd + 1)..<end]
            result += "<figcaption>".utf8
            result += html[(titleStart + title.count)..<titleEnd]
            result += "</figcaption></figure>".utf8
            copied = end + close.count
        }
        result += html[copied...]
        return result
    }

    /// The text of the paragraphs before the block of HTML that holds `separator` (`<!--more-->`),
    /// else of the first paragraph, as plain text.
    private static func summary(_ root: OpaquePointer, separator: String) -> String? {
        // Find the paragraphs first and render only those shown: rendering every paragraph of the
        // body to keep the first one cost as much as the rest of reading the file.
        var paragraphs: [OpaquePointer] = []
        var hasMoreMarker = false
        var child = cmark_node_first_child(root)
        while let node = child {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HTML_BLOCK, let literal = cmark_node_get_literal(node), strstr(literal, separator) != nil {
                hasMoreMarker = true
                break
            }
            if type == CMARK_NODE_PARAGRAPH { paragraphs.append(node) }
            child = cmark_node_next(node)
        }
        if hasMoreMarker {
            let text = paragraphs.map(plainText).joined(separator: " ")
            return text.isEmpty ? nil : text
        }
        return paragraphs.first.map(plainText).flatMap { $0.isEmpty ? nil : $0 }
    }

    private static func plainText(_ node: OpaquePointer) -> String {
        trimmed(take(cmark_render_plaintext(node, options, 0)))
    }

    /// Leading and trailing white space and line ends removed: the same set as Foundation's
    /// `.whitespacesAndNewlines` (the Unicode `White_Space` property, plus U+200B), without bridging
    /// to NSString, which made trimming the costliest step of reading a file.
    private static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{200B}"
    }

    /// Copies the bytes of a string cmark allocated, then frees it.
    private static func takeBytes(_ pointer: UnsafeMutablePointer<CChar>?) -> [UInt8] {
        guard let pointer else { return [] }
        defer { free(pointer) }
        return Array(UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)).bindMemory(to: UInt8.self))
    }

    /// Copies a string cmark allocated, then frees it.
    private static func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
