/// What `SyntaxHighlighter` knows of one language: a table, not code. Every language is read by
/// the same tokenizer; a language differs only in its words, its comment and string delimiters,
/// which bytes make up a name, and whether it is code, markup (HTML, XML) or a diff.
struct HighlightLanguage: Sendable {
    /// How the tokenizer reads the language.
    enum Mode: Sendable {
        /// Words, comments, strings and numbers.
        case code
        /// Tags, attributes, comments and entities (HTML, XML).
        case markup
        /// One class per line, by its first bytes (unified diffs and patches).
        case diff
    }

    /// A string form: what opens it, what closes it, whether a backslash escapes the next byte,
    /// and whether it may run past the end of a line.
    struct StringForm: Sendable {
        var open: [UInt8]
        var close: [UInt8]
        var escapes: Bool
        var multiline: Bool

        /// A form opened by `open` and closed by `close` (the same as `open` when not given).
        init(_ open: String, _ close: String? = nil, escapes: Bool = true, multiline: Bool = false) {
            self.open = Array(open.utf8)
            self.close = Array((close ?? open).utf8)
            self.escapes = escapes
            self.multiline = multiline
        }
    }

    /// Code, markup or diff.
    var mode: Mode = .code
    /// Reserved words, lowercase when `caseInsensitive`; a word may start with one of
    /// `nameStarts` (`#include`, `@media`).
    var keywords: Set<String> = []
    /// Whether keywords match in any case (SQL).
    var caseInsensitive = false
    /// What opens a comment that runs to the end of its line (`//`, `#`, `--`).
    var lineComments: [[UInt8]] = []
    /// `(open, close)` of block comments.
    var blockComments: [([UInt8], [UInt8])] = []
    /// Whether block comments nest (Swift, Rust).
    var nestedComments = false
    /// Whether a line comment must follow white space or start the line: the shell's `#`, which
    /// inside a word (`$#`, `a#b`) is not one.
    var commentsAfterSpace = false
    /// Longest first, where one opens with another's open (`"""` before `"`).
    var strings: [StringForm] = []
    /// Bytes besides ASCII letters and `_` that may start a name.
    var nameStarts: [UInt8] = []
    /// Bytes besides ASCII letters, digits and `_` that may continue a name.
    var nameBytes: [UInt8] = []
    /// Whether a name or string followed by `:` is a key (`hl-a`): YAML and JSON keys, CSS properties.
    var keysBeforeColon = false
    /// Whether keys are only read inside braces (CSS, where `a:hover` outside them is a selector).
    var keysInsideBracesOnly = false

    /// The language a fence's info word names (`swift`, `js`, `yml`…), in any case; nil for one not known.
    static func named(_ name: some StringProtocol) -> HighlightLanguage? {
        switch name.lowercased() {
        case "swift": return swift
        case "ruby", "rb": return ruby
        case "python", "py", "python3", "py3": return python
        case "javascript", "js", "mjs", "cjs", "jsx", "typescript", "ts", "tsx": return javaScript
        case "go", "golang": return go
        case "rust", "rs": return rust
        case "c", "h", "cpp", "c++", "cc", "cxx", "hpp", "objc", "objective-c": return c
        case "shell", "sh", "bash", "zsh", "console", "shell-session", "shellsession": return shell
        case "html", "htm", "xhtml", "xml", "svg", "rss", "atom", "plist": return markup
        case "css": return css
        case "json", "jsonc", "json5": return json
        case "yaml", "yml": return yaml
        case "sql", "mysql", "postgresql", "postgres", "sqlite", "plsql": return sql
        case "diff", "patch", "udiff": return diff
        default: return nil
        }
    }
}
