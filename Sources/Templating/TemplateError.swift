/// A template that cannot be compiled, and where: the template's name, the line and column of the
/// offending tag, and that line of source so the message can point at it.
public struct TemplateError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The template's name in the library (`partials/header`), or whatever the host calls it.
    public var templateName: String
    /// 1-based line of the offending tag or character.
    public var line: Int
    /// 1-based column, counted in Unicode scalars (what an editor shows for precomposed text).
    public var column: Int
    /// What is wrong, in a sentence without a trailing period.
    public var message: String
    /// The whole offending line, without its line ending.
    public var sourceLine: String

    /// Makes an error; `sourceLine` is the full line that `line` names.
    public init(templateName: String, line: Int, column: Int, message: String, sourceLine: String) {
        self.templateName = templateName
        self.line = line
        self.column = column
        self.message = message
        self.sourceLine = sourceLine
    }

    /// `NAME:LINE:COLUMN: error: MESSAGE`, then the offending line and a caret under the column,
    /// the form compilers use so editors and terminals can jump to it.
    public var description: String {
        "\(templateName):\(line):\(column): error: \(message)\n\(sourceLine)\n\(caretLine)"
    }

    /// Spaces up to the column, keeping tabs as tabs so the caret lines up however tabs are shown.
    private var caretLine: String {
        var caret = ""
        for scalar in sourceLine.unicodeScalars.prefix(max(0, column - 1)) {
            caret.append(scalar == "\t" ? "\t" : " ")
        }
        return caret + "^"
    }
}
