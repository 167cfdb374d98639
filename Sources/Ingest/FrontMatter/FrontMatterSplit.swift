import Infrastructure

/// The syntax a file's front matter is written in.
public enum FrontMatterSyntax: String, Sendable {
    /// Between `---` lines.
    case yaml
    /// Between `+++` lines.
    case toml
    /// A JSON object at the top of the file.
    case json
}

/// A file cut into its front matter and its body.
public struct FrontMatterSplit: Sendable {
    /// The syntax, or nil when the file has no front matter.
    public var syntax: FrontMatterSyntax?
    /// The front matter text, without its delimiters.
    public var frontMatter: Substring
    /// 1-based line of the file on which the front matter text starts.
    public var frontMatterLine: Int
    /// The body.
    public var body: Substring
    /// 1-based line of the file on which the body starts.
    public var bodyLine: Int

    /// Whether a file's first line (after a byte-order mark) is `---` or `+++`: an `.html` file that
    /// opens so is a page of Jekyll or Hugo with front matter, not a page a crawler saved.
    public static func opensWithFence(_ bytes: [UInt8]) -> Bool {
        var rest = bytes[...]
        if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
        let line = rest.prefix { $0 != UInt8(ascii: "\n") }
        guard line.count < rest.count else { return false }
        let fence = line.reversed().drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == 0x0D }.reversed()
        return fence.elementsEqual("---".utf8) || fence.elementsEqual("+++".utf8)
    }

    /// Splits a file. An opening delimiter without its closing one is an error at the opening line.
    public init(_ text: Substring) throws(FrontMatterError) {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        frontMatter = ""
        frontMatterLine = 1
        body = text
        bodyLine = 1
        if text.hasPrefix("{") {
            syntax = .json
            guard let end = Self.endOfJSONObject(text) else {
                throw FrontMatterError(line: 1, column: 1, code: "front-matter.unclosed", message: "JSON front matter has no closing '}'")
            }
            frontMatter = text[..<end]
            body = text[end...]
            bodyLine = 1 + frontMatter.utf8.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            return
        }
        // Lines are found among the bytes with `memchr`: a search by Character runs grapheme
        // breaking over every byte of the front matter, and one through the UTF-8 view's index
        // steps a byte at a time.
        for (fence, kind) in [("---", FrontMatterSyntax.yaml), ("+++", .toml)] {
            guard let firstLineEnd = text.firstIndex(ofByte: UInt8(ascii: "\n"), from: text.startIndex),
                  text[..<firstLineEnd].trimmingTrailingWhitespace() == fence else { continue }
            syntax = kind
            var lineStart = text.index(after: firstLineEnd)
            var line = 2
            while lineStart < text.endIndex {
                let lineEnd = text.firstIndex(ofByte: UInt8(ascii: "\n"), from: lineStart) ?? text.endIndex
                let content = text[lineStart..<lineEnd].trimmingTrailingWhitespace()
                if content == fence || (kind == .yaml && content == "...") {
                    frontMatter = text[text.index(after: firstLineEnd)..<lineStart]
                    frontMatterLine = 2
                    body = lineEnd < text.endIndex ? text[text.index(after: lineEnd)...] : text[lineEnd...]
                    bodyLine = line + 1
                    return
                }
                line += 1
                lineStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
            }
            throw FrontMatterError(line: 1, column: 1, code: "front-matter.unclosed", message: "front matter opened with '\(fence)' is never closed")
        }
        syntax = nil
    }

    /// Finds the end of the object that opens the text, minding strings and escapes.
    private static func endOfJSONObject(_ text: Substring) -> Substring.Index? {
        var depth = 0
        var inString = false
        var escaped = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                continue
            }
            switch character {
            case "\"": inString = true
            case "{", "[": depth += 1
            case "}", "]":
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
        }
        return nil
    }
}

/// A front matter that cannot be read, with the place in the file.
public struct FrontMatterError: Error, Sendable {
    /// 1-based line in the file.
    public var line: Int
    /// 1-based column.
    public var column: Int
    /// The diagnostic code: `front-matter.unclosed`, `front-matter.not-a-mapping` or `front-matter.syntax`.
    public var code: String
    /// What is wrong.
    public var message: String

    /// Makes an error.
    public init(line: Int, column: Int, code: String = "front-matter.syntax", message: String) {
        self.line = line
        self.column = column
        self.code = code
        self.message = message
    }

    /// The error as reported for the file at `path`.
    public func diagnostic(path: String) -> Diagnostic {
        Diagnostic(path: path, line: line, column: column, severity: .error, code: code, message: message)
    }
}

extension Substring {
    /// The line without trailing spaces, tabs or a carriage return.
    func trimmingTrailingWhitespace() -> Substring {
        var end = utf8.endIndex
        while end > utf8.startIndex {
            let previous = utf8.index(before: end)
            let byte = utf8[previous]
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") else { break }
            end = previous
        }
        return self[startIndex..<end]
    }
}
