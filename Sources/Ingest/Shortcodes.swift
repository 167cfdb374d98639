import Foundation
import Infrastructure

/// Hugo shortcodes and Jekyll Liquid tags in a Markdown body, as sites moved from those tools
/// have them: the common ones are replaced by what they stand for before the Markdown is read —
/// Hugo's `figure`, `youtube`, `vimeo`, `gist`, `ref`/`relref`, `param`, `highlight`; Jekyll's
/// `highlight`, `link`, `post_url`, `raw`, `include` and `include_relative` (see `JekyllIncludes`)
/// — and any other is left exactly as written and reported once per file at its line, never
/// dropped silently. Code (fenced blocks, inline code) is text and is left alone, but for the
/// `{% raw %}` and `{% endraw %}` markers in a Jekyll post's code: Jekyll runs Liquid before
/// Markdown, so they never show there.
struct Shortcodes {
    /// Front matter values a `param` shortcode may name.
    var parameters: [String: String] = [:]
    /// Where `include` finds its files; without it, an include is reported as not run.
    var includes: JekyllIncludes?
    /// The file being expanded, relative to the content folder, for `include_relative`; a file
    /// in Jekyll's `_posts/` or `_drafts/` has its fenced blocks' `raw` markers removed.
    var documentPath = ""

    /// The body with the known tags replaced, and what was left as written.
    struct Result {
        var body: String
        /// `(line in the body, column, message)` of each tag left as written.
        var problems: [(line: Int, column: Int, message: String)] = []
        /// Video players, which GFM's tag filter would escape in Markdown: the body holds
        /// `<!--embed:N-->` for each, put back into the rendered HTML (`withEmbeds`).
        var embeds: [String] = []
        /// Lines an include added after the body line that holds it, in order.
        var insertedLines: [(line: Int, count: Int)] = []

        /// The line of the body as written that a line of the expanded body comes from: lines
        /// an include added count as the include's own.
        func sourceLine(_ line: Int) -> Int {
            var shift = 0
            for inserted in insertedLines {
                if line <= inserted.line + shift { break }
                if line <= inserted.line + shift + inserted.count { return inserted.line }
                shift += inserted.count
            }
            return line - shift
        }

        /// Rendered HTML with the players in place of their markers; kept as bytes when it has none.
        func withEmbeds(_ html: [UInt8]) -> SpillableText {
            guard !embeds.isEmpty else { return SpillableText(utf8: html) }
            return SpillableText(embeds.indices.reduce(String(decoding: html, as: UTF8.self)) { html, index in
                html.replacingOccurrences(of: Self.marker(index), with: embeds[index])
            })
        }

        static func marker(_ index: Int) -> String { "<!--embed:\(index)-->" }
    }

    /// What every tag to expand opens with: a body holding neither is left as it is.
    static let tagOpenings = ["{{", "{%"]

    /// Whether the UTF-8 body that starts at `start` in `bytes` may hold a tag to expand.
    static func mayHoldTags(_ bytes: [UInt8], from start: Int) -> Bool {
        tagOpenings.contains { bytes.firstOffset(of: Array($0.utf8), from: start) != nil }
    }

    /// Expands the tags of `body`.
    func expand(_ body: String) -> Result {
        guard Self.tagOpenings.contains(where: body.containsBytes) else { return Result(body: body) }
        var expansion = Expansion(shortcodes: self, removesRawMarkers: JekyllFolder(path: documentPath) != nil && body.containsBytes("raw"))
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        var index = 0
        var fence: String?
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                expansion.output.append(expansion.removesRawMarkers ? Self.withoutRawMarkers(line) : String(line))
                if trimmed.hasPrefix(open) { fence = nil }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix(3))
                expansion.output.append(String(line))
            } else if let (language, end) = Self.highlightStart(trimmed) {
                // A highlighted block becomes a fenced one: its code is code, whatever it holds.
                let close = lines[(index + 1)...].firstIndex { $0.drop { $0 == " " }.hasPrefix(end) } ?? lines.count
                expansion.output.append("```" + language)
                expansion.output += lines[(index + 1)..<close].map(String.init)
                expansion.output.append("```")
                index = close
            } else if trimmed.hasPrefix("{% raw %}") && !trimmed.contains("{% endraw %}") {
                let close = lines[(index + 1)...].firstIndex { $0.contains("{% endraw %}") } ?? lines.count - 1
                let block = lines[index...close].joined(separator: "\n")
                expansion.output.append(Self.withoutRawMarkers(Substring(block)))
                index = close
            } else if let close = Self.closingLine(of: line, in: lines, after: index) {
                // A tag written over several lines (`{% include image.html` … `%}`) is read as one
                // line; blank lines keep the lines after it where they were.
                expansion.output.append(expansion.line(Substring(lines[index...close].joined(separator: " ")), number: index + 1))
                expansion.output += Array(repeating: "", count: close - index)
                index = close
            } else {
                expansion.output.append(expansion.line(line, number: index + 1))
            }
            index += 1
        }
        return Result(body: expansion.output.joined(separator: "\n"), problems: expansion.problems, embeds: expansion.embeds,
                      insertedLines: expansion.insertedLines)
    }

    /// Lines a tag may span: a longer run is no tag but text that opens one by chance.
    static let tagLineLimit = 10

    /// The line that closes a tag `line` starts with and does not close (`{% include x.html`
    /// then `url="…" %}` below), within `tagLineLimit` lines; nil when the line starts with no
    /// tag, or closes it.
    private static func closingLine(of line: Substring, in lines: [Substring], after index: Int) -> Int? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        for (open, close) in [("{{<", ">}}"), ("{{%", "%}}"), ("{%", "%}")] where trimmed.hasPrefix(open) {
            guard trimmed.dropFirst(open.count).range(of: close) == nil else { return nil }
            let last = min(lines.count - 1, index + tagLineLimit)
            guard index < last else { return nil }
            return lines[(index + 1)...last].firstIndex { $0.contains(close) }
        }
        return nil
    }

    /// A line of code without Liquid's `{% raw %}` and `{% endraw %}` (also as `{%- raw -%}`).
    private static func withoutRawMarkers(_ line: Substring) -> String {
        guard line.contains("{%") else { return String(line) }
        return String(line).replacing(/\{%-?\s*(?:end)?raw\s*-?%\}/, with: "")
    }

    /// `{% highlight ruby %}` or `{{< highlight go "linenos=table" >}}` alone on a line: its
    /// language and the line that ends the block.
    private static func highlightStart(_ line: Substring) -> (String, String)? {
        let line = Substring(line.trimmingCharacters(in: .whitespaces))
        for (open, close, end) in [("{%", "%}", "{% endhighlight"), ("{{<", ">}}", "{{< /highlight")] {
            guard line.hasPrefix(open), line.hasSuffix(close) else { continue }
            let words = Self.words(line.dropFirst(open.count).dropLast(close.count))
            guard words.first == "highlight" else { continue }
            return (words.count > 1 ? words[1] : "", end)
        }
        return nil
    }

    /// A tag's words: strings quoted with one of `quotes` stay whole, without their quotes.
    static func words(_ text: Substring, quotes: Set<Character> = ["\"", "`"]) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if quotes.contains(character) {
                quote = character
            } else if character.isWhitespace {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// One body's expansion under way.
    private struct Expansion {
        let shortcodes: Shortcodes
        /// Whether `raw` markers in code are removed (a Jekyll post's, see `Shortcodes`).
        let removesRawMarkers: Bool
        var output: [String] = []
        var problems: [(line: Int, column: Int, message: String)] = []
        var embeds: [String] = []
        var insertedLines: [(line: Int, count: Int)] = []
        private var reported: Set<String> = []

        init(shortcodes: Shortcodes, removesRawMarkers: Bool) {
            self.shortcodes = shortcodes
            self.removesRawMarkers = removesRawMarkers
        }

        /// A line with its tags replaced; inline code is skipped.
        mutating func line(_ line: Substring, number: Int) -> String {
            var result = ""
            var rest = line
            while let start = rest.firstIndex(where: { $0 == "{" || $0 == "`" }) {
                result += rest[..<start]
                rest = rest[start...]
                if rest.first == "`" {
                    // Inline code, to its closing run of backticks.
                    let run = rest.prefix { $0 == "`" }
                    let after = rest[run.endIndex...]
                    let end = after.range(of: String(run)).map { $0.upperBound } ?? rest.endIndex
                    result += removesRawMarkers ? Shortcodes.withoutRawMarkers(rest[..<end]) : String(rest[..<end])
                    rest = rest[end...]
                    continue
                }
                guard let (tag, kind) = Self.tag(at: rest) else {
                    result.append("{")
                    rest = rest.dropFirst()
                    continue
                }
                let column = line.distance(from: line.startIndex, to: start) + 1
                if kind == .liquidTag, Shortcodes.words(tag.inside).first == "raw" {
                    // Everything to `{% endraw %}` is text, tags and all.
                    let after = rest[tag.text.endIndex...]
                    let end = after.range(of: "{% endraw %}")
                    result += after[..<(end?.lowerBound ?? after.endIndex)]
                    rest = after[(end?.upperBound ?? after.endIndex)...]
                    continue
                }
                if let replaced = expand(tag, kind: kind, line: number, column: column) {
                    result += replaced
                } else {
                    result += tag.text
                }
                rest = rest[tag.text.endIndex...]
            }
            return result + rest
        }

        enum Kind { case hugo, liquidTag, liquidOutput }

        /// The tag starting `text`, when one does: its whole text and its inside.
        static func tag(at text: Substring) -> ((text: Substring, inside: Substring), Kind)? {
            for (open, close, kind) in [("{{<", ">}}", Kind.hugo), ("{{%", "%}}", .hugo), ("{%", "%}", .liquidTag), ("{{", "}}", .liquidOutput)]
            where text.hasPrefix(open) {
                // The close is looked for after the open, which it may overlap (`{%}`).
                let inside = text[text.index(text.startIndex, offsetBy: open.count)...]
                guard let end = inside.range(of: close) else { return nil }
                return ((text[..<end.upperBound], inside[..<end.lowerBound]), kind)
            }
            return nil
        }

        /// What a tag stands for, or nil when it is left as written (and reported).
        mutating func expand(_ tag: (text: Substring, inside: Substring), kind: Kind, line: Int, column: Int) -> String? {
            let words = Shortcodes.words(tag.inside)
            let name = words.first ?? ""
            var named: [String: String] = [:]
            var positional: [String] = []
            for word in words.dropFirst() {
                if let equals = word.firstIndex(of: "="), !word.hasPrefix("=") {
                    named[String(word[..<equals])] = String(word[word.index(after: equals)...])
                } else {
                    positional.append(word)
                }
            }
            switch (kind, name) {
            case (.hugo, "figure"):
                guard let source = named["src"] else { break }
                let caption = named["caption"] ?? named["title"] ?? ""
                var image = "<img src=\"\(Self.escaped(source))\" alt=\"\(Self.escaped(named["alt"] ?? caption))\">"
                if let link = named["link"] { image = "<a href=\"\(Self.escaped(link))\">" + image + "</a>" }
                return "<figure>" + image + (caption.isEmpty ? "" : "<figcaption>\(Self.escaped(caption))</figcaption>") + "</figure>"
            case (.hugo, "youtube"):
                guard let id = named["id"] ?? positional.first, Self.isVideoID(id) else { break }
                return embed("<iframe src=\"https://www.youtube-nocookie.com/embed/\(id)\" title=\"YouTube\" allowfullscreen loading=\"lazy\"></iframe>")
            case (.hugo, "vimeo"):
                guard let id = named["id"] ?? positional.first, !id.isEmpty, id.allSatisfy(\.isNumber) else { break }
                return embed("<iframe src=\"https://player.vimeo.com/video/\(id)\" title=\"Vimeo\" allowfullscreen loading=\"lazy\"></iframe>")
            case (.hugo, "gist"):
                guard positional.count >= 2 else { break }
                let address = "https://gist.github.com/\(positional[0])/\(positional[1])"
                return "<a href=\"\(Self.escaped(address))\">gist \(Self.escaped(positional[0]))/\(Self.escaped(positional[1]))</a>"
            case (.hugo, "ref"), (.hugo, "relref"):
                guard let target = positional.first else { break }
                return target
            case (.hugo, "param"):
                guard let key = positional.first, let value = shortcodes.parameters[key] else { break }
                return Self.escaped(value)
            case (.liquidTag, "link"):
                guard let target = positional.first else { break }
                return target.hasPrefix("/") ? target : "/" + target
            case (.liquidTag, "post_url"):
                guard let target = positional.first else { break }
                return "/_posts/" + target + ".md"
            case (.liquidTag, "raw"), (.liquidTag, "endraw"):
                return ""
            case (.liquidTag, "include"), (.liquidTag, "include_relative"):
                guard let includes = shortcodes.includes, let file = positional.first else { break }
                switch includes.lookUp(file, relative: name == "include_relative", documentPath: shortcodes.documentPath) {
                case .found(let text):
                    let included = Self.filledIn(text.hasSuffix("\n") ? String(text.dropLast()) : text,
                                                 parameters: Self.includeParameters(tag.inside))
                    if included.containsBytes("{{") || included.containsBytes("{%") {
                        report("\(name) \"\(file)\": the Liquid in it is not run; it is left as written", line: line, column: column)
                    }
                    let lines = included.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
                    if lines > 0 { insertedLines.append((line, lines)) }
                    return included
                case .missing:
                    let folder = name == "include" ? "_includes/" : "the page's folder"
                    report("\(name) \"\(file)\" was not found in \(folder); it is left as written", line: line, column: column)
                case .refused:
                    report("\(name) \"\(file)\" names a file outside the site's folders, which is not read; it is left as written",
                           line: line, column: column)
                }
                return nil
            default:
                break
            }
            let what: String
            switch kind {
            case .hugo: what = name.hasPrefix("/") ? "closing shortcode \"\(name)\" without its opening" : "unknown shortcode \"\(name)\""
            case .liquidTag: what = "Liquid tag \"\(name)\" is not run"
            case .liquidOutput: what = "Liquid output \"\(tag.text)\" is not run"
            }
            // A closing shortcode whose opening was reported is not reported again.
            let opening = "unknown shortcode \"\(name.dropFirst())\"; it is left as written"
            if !(name.hasPrefix("/") && reported.contains(opening)) {
                report(what + "; it is left as written", line: line, column: column)
            }
            return nil
        }

        /// An include's parameters (`id="abc"`, `id='abc'`, `id=abc`) by name. Its words are read
        /// again with `'` as a quote too, as Liquid reads them; Hugo's shortcodes know no `'`.
        static func includeParameters(_ inside: Substring) -> [String: String] {
            var parameters: [String: String] = [:]
            for word in Shortcodes.words(inside, quotes: ["\"", "'"]).dropFirst(2) {
                guard let equals = word.firstIndex(of: "="), equals != word.startIndex else { continue }
                parameters[String(word[..<equals])] = String(word[word.index(after: equals)...])
            }
            return parameters
        }

        /// An include's text with each `{{ include.NAME }}` replaced by its parameter's value, or by
        /// nothing when the tag gives none (as Liquid prints a missing value).
        static func filledIn(_ text: String, parameters: [String: String]) -> String {
            guard text.containsBytes("include.") else { return text }
            return text.replacing(/\{\{-?\s*include\.([A-Za-z0-9_-]+)\s*-?\}\}/) { match in parameters[String(match.1)] ?? "" }
        }

        /// Reports `message` at its place, once per file.
        mutating func report(_ message: String, line: Int, column: Int) {
            if reported.insert(message).inserted { problems.append((line, column, message)) }
        }

        /// A marker for `html`, kept aside until the Markdown is rendered.
        mutating func embed(_ html: String) -> String {
            embeds.append(html)
            return Result.marker(embeds.count - 1)
        }

        /// A YouTube video id: letters, digits, `-` and `_`.
        static func isVideoID(_ id: String) -> Bool {
            !id.isEmpty && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        }

        /// `text` as an attribute value or element text: the sanitizer's escaping.
        static func escaped(_ text: String) -> String {
            var text = text
            var escaped: [UInt8] = []
            text.withUTF8 { Sanitizer.Writer.appendEscaped($0, quotes: true, to: &escaped) }
            return String(decoding: escaped, as: UTF8.self)
        }
    }
}
