/// One piece of a template's source, as the scanner cuts it: a run of text within one line
/// (ending with its line ending, if any), or one tag.
struct Token {
    enum Kind: Equatable {
        case text
        /// `{{name}}`
        case variable
        /// `{{{name}}}` or `{{& name}}`
        case unescaped
        /// `{{#name}}`
        case section
        /// `{{^name}}`
        case inverted
        /// `{{/name}}`
        case close
        /// `{{! … }}`
        case comment
        /// `{{> name}}`
        case partial
        /// `{{< name}}`
        case parent
        /// `{{$ name}}`
        case block
        /// `{{=<% %>=}}`
        case delimiters
    }

    var kind: Kind
    /// Byte range of the whole token in the source, delimiters included.
    var start: Int
    var end: Int
    /// Byte range of a tag's content without its sigil and surrounding whitespace (all of a text).
    var contentStart: Int
    var contentEnd: Int
    /// The delimiters in effect where the token starts (a lambda section re-parses with them).
    var delimiters: Delimiters
}

/// The pair of strings that open and close a tag; `{{` and `}}` unless a template sets others.
struct Delimiters: Sendable, Equatable {
    var open: [UInt8]
    var close: [UInt8]

    static let standard = Delimiters(open: Array("{{".utf8), close: Array("}}".utf8))
}
