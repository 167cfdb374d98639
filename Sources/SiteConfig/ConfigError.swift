import Infrastructure

/// A problem with `site.yml`, with where it is.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    /// The config file's path.
    public var path: String
    /// 1-based line, 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column, 0 when unknown.
    public var column: Int
    /// What is wrong.
    public var message: String

    /// Makes an error.
    public init(path: String, line: Int = 0, column: Int = 0, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// The error as the build reports it.
    public var diagnostic: Diagnostic {
        Diagnostic(path: path, line: line, column: column, severity: .error, code: "config.invalid", message: message)
    }

    /// `path:line:column: error: message`.
    public var description: String { diagnostic.description }
}
