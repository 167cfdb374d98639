/// Colours code at build time: a fenced block's text becomes escaped HTML with `<span class="hl-…">`
/// around its keywords, strings, comments and numbers, so a page needs no script to show it.
///
/// Our own, not a library: no well-kept Swift library covers these languages without running
/// JavaScript (highlight.js, Prism) or Python (Pygments) at build time, and a news site needs the
/// common cases coloured, not a grammar. One tokenizer reads every language from a table
/// (`HighlightLanguage`): reserved words, comment and string delimiters, number forms, and for
/// HTML and XML tags and attributes.
///
/// It is one pass over the bytes: every delimiter is ASCII, so a span never splits a UTF-8
/// sequence; each step consumes at least one byte and no byte is read more than twice (a key's
/// look-ahead for `:`), so time is linear — a 1 MB block is read in milliseconds, never
/// backtracked. It writes into one byte buffer and allocates nothing per token (a name no longer
/// than the longest keyword is looked up as a small `String`, which Swift keeps inline up to 15
/// bytes; only C++'s `reinterpret_cast` is longer), so keep it so.
/// The text is kept byte for byte: with the tags removed and the entities decoded, the output
/// is the input.
struct SyntaxHighlighter {
    /// The classes a token may have; the theme colours each `hl-…` class.
    enum Token: String {
        case keyword = "k", string = "s", comment = "c", number = "n"
        /// A tag's name in HTML or XML.
        case tag = "t"
        /// An attribute's name in HTML or XML, a key in YAML, JSON or CSS.
        case attribute = "a"
        /// A diff's file and hunk headers, a doctype or processing instruction.
        case meta = "m"
        /// A diff's added and removed lines.
        case inserted = "i", deleted = "d"
    }

    /// `code` highlighted as `language` names it (a fence's info word, aliases included), as HTML
    /// for inside `<code>`; nil when the language is not one it knows, so the caller keeps its
    /// plain rendering.
    static func highlight(_ code: String, language: some StringProtocol) -> String? {
        guard let table = HighlightLanguage.named(language) else { return nil }
        var code = code
        return code.withUTF8 { String(decoding: highlight($0, table: table), as: UTF8.self) }
    }

    /// The bytes of `code` highlighted by `table`.
    static func highlight(_ code: UnsafeBufferPointer<UInt8>, table: HighlightLanguage) -> [UInt8] {
        var highlighter = SyntaxHighlighter(code: code, table: table)
        switch table.mode {
        case .code: highlighter.readCode()
        case .markup: highlighter.readMarkup()
        case .diff: highlighter.readDiff()
        }
        return highlighter.output
    }

    private let code: UnsafeBufferPointer<UInt8>
    private let table: HighlightLanguage
    /// Which bytes start (1) and continue (2) a name, for this language.
    private let nameClass: [UInt8]
    /// Which bytes may open a comment or a string: only at those are the delimiters compared.
    private let opensDelimited: [Bool]
    /// The longest keyword's bytes: a longer name is no keyword, and is never made a string.
    private let longestKeyword: Int
    private var output: [UInt8] = []
    private var index = 0

    private init(code: UnsafeBufferPointer<UInt8>, table: HighlightLanguage) {
        self.code = code
        self.table = table
        var nameClass = [UInt8](repeating: 0, count: 256)
        for byte in 0..<256 {
            let scalar = UInt8(byte)
            // Bytes past ASCII are parts of names, so a name in any script stays whole.
            if (scalar >= 0x41 && scalar <= 0x5A) || (scalar >= 0x61 && scalar <= 0x7A) || scalar == 0x5F || scalar >= 0x80 {
                nameClass[byte] = 3
            } else if scalar >= 0x30 && scalar <= 0x39 {
                nameClass[byte] = 2
            }
        }
        for byte in table.nameStarts { nameClass[Int(byte)] |= 1 }
        for byte in table.nameBytes { nameClass[Int(byte)] |= 2 }
        self.nameClass = nameClass
        var opensDelimited = [Bool](repeating: false, count: 256)
        for open in table.lineComments + table.blockComments.map(\.0) + table.strings.map(\.open) { opensDelimited[Int(open[0])] = true }
        self.opensDelimited = opensDelimited
        longestKeyword = table.keywords.map(\.utf8.count).max() ?? 0
        output.reserveCapacity(code.count + code.count / 2 + 64)
    }

    // MARK: Code

    private mutating func readCode() {
        var plainStart = 0
        var braces = 0
        while index < code.count {
            let byte = code[index]
            let start = index
            var token: Token?
            let opens = opensDelimited[Int(byte)]
            if opens, let delimiters = blockComment(at: index) {
                index = endOfBlockComment(from: index, delimiters: delimiters)
                token = .comment
            } else if opens, startsLineComment(at: index) {
                index = endOfLine(from: index)
                token = .comment
            } else if opens, let form = table.strings.first(where: { matches($0.open, at: index) }) {
                index = endOfString(from: index, form: form)
                token = isKey(before: index, braces: braces) ? .attribute : .string
            } else if isDigit(byte) || (byte == UInt8(ascii: ".") && index + 1 < code.count && isDigit(code[index + 1])),
                      index == 0 || nameClass[Int(code[index - 1])] & 2 == 0 {
                index = endOfNumber(from: index)
                token = .number
            } else if nameClass[Int(byte)] & 1 != 0 {
                index += 1
                while index < code.count, nameClass[Int(code[index])] & 2 != 0 { index += 1 }
                if isKeyword(start..<index) {
                    token = .keyword
                } else if isKey(before: index, braces: braces) {
                    token = .attribute
                }
            } else {
                if byte == UInt8(ascii: "{") { braces += 1 } else if byte == UInt8(ascii: "}") { braces = max(0, braces - 1) }
                index += 1
            }
            if let token {
                appendEscaped(plainStart..<start)
                append(start..<index, as: token)
                plainStart = index
            }
        }
        appendEscaped(plainStart..<code.count)
    }

    /// The delimiters of a block comment opening at `position`, if one does.
    private func blockComment(at position: Int) -> (open: [UInt8], close: [UInt8])? {
        table.blockComments.first { matches($0.0, at: position) }
    }

    private func endOfBlockComment(from start: Int, delimiters: (open: [UInt8], close: [UInt8])) -> Int {
        var position = start + delimiters.open.count
        var depth = 1
        while position < code.count {
            if matches(delimiters.close, at: position) {
                position += delimiters.close.count
                depth -= 1
                if depth == 0 { return position }
            } else if table.nestedComments && matches(delimiters.open, at: position) {
                position += delimiters.open.count
                depth += 1
            } else {
                position += 1
            }
        }
        return code.count
    }

    private func startsLineComment(at position: Int) -> Bool {
        guard table.lineComments.contains(where: { matches($0, at: position) }) else { return false }
        guard table.commentsAfterSpace, position > 0 else { return true }
        let before = code[position - 1]
        return before == UInt8(ascii: " ") || before == UInt8(ascii: "\t") || before == UInt8(ascii: "\n")
    }

    private func endOfLine(from position: Int) -> Int {
        var position = position
        while position < code.count, code[position] != UInt8(ascii: "\n") { position += 1 }
        return position
    }

    /// The end of a string opening at `start`: after its close, or at the line's end for an
    /// unclosed one-line string, or at the end of the code.
    private func endOfString(from start: Int, form: HighlightLanguage.StringForm) -> Int {
        var position = start + form.open.count
        while position < code.count {
            let byte = code[position]
            if form.escapes && byte == UInt8(ascii: "\\") {
                position += 2
            } else if matches(form.close, at: position) {
                return position + form.close.count
            } else if byte == UInt8(ascii: "\n") && !form.multiline {
                return position
            } else {
                position += 1
            }
        }
        return code.count
    }

    /// Digits, letters (`0x1F`, `10px`, `1_000u32`), and dots between digits; a sign only right
    /// after a decimal exponent (`1e-9`).
    private func endOfNumber(from start: Int) -> Int {
        var position = start
        let isHex = position + 1 < code.count && code[position] == UInt8(ascii: "0") && (code[position + 1] | 0x20) == UInt8(ascii: "x")
        while position < code.count {
            let byte = code[position]
            if nameClass[Int(byte)] & 2 != 0 || byte == UInt8(ascii: "%") {
                position += 1
            } else if byte == UInt8(ascii: "."), position + 1 < code.count, isDigit(code[position + 1]) {
                position += 1
            } else if (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")), !isHex, position > start,
                      code[position - 1] | 0x20 == UInt8(ascii: "e"), position + 1 < code.count, isDigit(code[position + 1]) {
                position += 1
            } else {
                break
            }
        }
        return position
    }

    private func isKeyword(_ range: Range<Int>) -> Bool {
        guard range.count <= longestKeyword else { return false }
        let word = UnsafeBufferPointer(rebasing: code[range])
        if table.caseInsensitive {
            return table.keywords.contains(String(decoding: word.lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self))
        }
        return table.keywords.contains(String(decoding: word, as: UTF8.self))
    }

    /// Whether the token ending at `end` is followed by `:` (spaces between), where keys are read.
    private func isKey(before end: Int, braces: Int) -> Bool {
        guard table.keysBeforeColon, !table.keysInsideBracesOnly || braces > 0 else { return false }
        var position = end
        while position < code.count, code[position] == UInt8(ascii: " ") { position += 1 }
        return position < code.count && code[position] == UInt8(ascii: ":")
    }

    // MARK: Markup

    private static let commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8)
    private static let cdataOpen = Array("<![CDATA[".utf8), cdataClose = Array("]]>".utf8)
    private static let tagClose = Array(">".utf8)

    private mutating func readMarkup() {
        var plainStart = 0
        while index < code.count {
            let start = index
            guard code[index] == UInt8(ascii: "<") || code[index] == UInt8(ascii: "&") else {
                index += 1
                continue
            }
            appendEscaped(plainStart..<start)
            if code[index] == UInt8(ascii: "&") {
                readEntity()
            } else if matches(Self.commentOpen, at: index) {
                index = end(after: Self.commentClose, from: index + 4)
                append(start..<index, as: .comment)
            } else if matches(Self.cdataOpen, at: index) {
                index = end(after: Self.cdataClose, from: index + 9)
                append(start..<index, as: .string)
            } else if index + 1 < code.count, code[index + 1] == UInt8(ascii: "!") || code[index + 1] == UInt8(ascii: "?") {
                index = end(after: Self.tagClose, from: index + 2)
                append(start..<index, as: .meta)
            } else if let nameStart = tagNameStart(at: index) {
                readTag(nameStart: nameStart)
            } else {
                index += 1
                appendEscaped(start..<index)
            }
            plainStart = index
        }
        appendEscaped(plainStart..<code.count)
    }

    /// Where a tag's name starts when `<` at `position` opens a tag (`<p`, `</p`).
    private func tagNameStart(at position: Int) -> Int? {
        let name = position + 1 < code.count && code[position + 1] == UInt8(ascii: "/") ? position + 2 : position + 1
        guard name < code.count, nameClass[Int(code[name])] == 3 else { return nil }
        return name
    }

    /// A tag from its `<`: the name, then attributes and their values, to its `>`.
    private mutating func readTag(nameStart: Int) {
        appendEscaped(index..<nameStart)
        index = nameStart
        while index < code.count, !isTagBreak(code[index]) { index += 1 }
        append(nameStart..<index, as: .tag)
        while index < code.count, code[index] != UInt8(ascii: ">") {
            let start = index
            let byte = code[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                index = index + 1
                while index < code.count, code[index] != byte { index += 1 }
                index = min(index + 1, code.count)
                append(start..<index, as: .string)
            } else if isTagBreak(byte) || byte == UInt8(ascii: "<") {
                index += 1
                appendEscaped(start..<index)
            } else {
                while index < code.count, !isTagBreak(code[index]), code[index] != UInt8(ascii: "\""), code[index] != UInt8(ascii: "'") { index += 1 }
                let isValue = start > 0 && code[start - 1] == UInt8(ascii: "=")
                append(start..<index, as: isValue ? .string : .attribute)
            }
        }
        if index < code.count {
            appendEscaped(index..<(index + 1))
            index += 1
        }
    }

    private func isTagBreak(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
            || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
    }

    /// `&amp;`, `&#39;`: a short run of name bytes or `#` closed by `;`; a lone `&` is text.
    private mutating func readEntity() {
        let start = index
        var position = index + 1
        while position < code.count, position - start <= 32, nameClass[Int(code[position])] & 2 != 0 || code[position] == UInt8(ascii: "#") {
            position += 1
        }
        if position < code.count, position > start + 1, code[position] == UInt8(ascii: ";") {
            index = position + 1
            append(start..<index, as: .number)
        } else {
            index += 1
            appendEscaped(start..<index)
        }
    }

    /// The position after the first `close` from `position`, or the end of the code.
    private func end(after close: [UInt8], from position: Int) -> Int {
        var position = position
        while position < code.count {
            if matches(close, at: position) { return position + close.count }
            position += 1
        }
        return code.count
    }

    // MARK: Diff

    private static let diffHeaders = ["+++", "---", "@@", "diff ", "index "].map { Array($0.utf8) }

    private mutating func readDiff() {
        while index < code.count {
            let start = index
            index = endOfLine(from: index)
            let token: Token?
            if Self.diffHeaders.contains(where: { matches($0, at: start) }) {
                token = .meta
            } else if code[start] == UInt8(ascii: "+") {
                token = .inserted
            } else if code[start] == UInt8(ascii: "-") {
                token = .deleted
            } else {
                token = nil
            }
            if let token, start < index { append(start..<index, as: token) } else { appendEscaped(start..<index) }
            if index < code.count {
                output.append(UInt8(ascii: "\n"))
                index += 1
            }
        }
    }

    // MARK: Output

    private func matches(_ bytes: [UInt8], at position: Int) -> Bool {
        guard position + bytes.count <= code.count else { return false }
        for offset in 0..<bytes.count where code[position + offset] != bytes[offset] { return false }
        return true
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func append(_ range: Range<Int>, as token: Token) {
        guard !range.isEmpty else { return }
        output.append(contentsOf: #"<span class="hl-"#.utf8)
        output.append(contentsOf: token.rawValue.utf8)
        output.append(contentsOf: #"">"#.utf8)
        appendEscaped(range)
        output.append(contentsOf: "</span>".utf8)
    }

    private mutating func appendEscaped(_ range: Range<Int>) {
        // The sanitizer's escaping: `&`, `<`, `>` and `"` as entities, as cmark writes code.
        Sanitizer.Writer.appendEscaped(UnsafeBufferPointer(rebasing: code[range]), quotes: true, to: &output)
    }
}
