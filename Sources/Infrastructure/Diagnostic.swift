/// One problem found in an input, with where it is: what the CLI prints as
/// `path:line:column: severity: message`.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How bad the problem is.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        /// The input was still used; `--strict` makes the build fail on it.
        case warning
        /// The input (or the part of it named) was left out of the build.
        case error

        /// Warnings sort before errors.
        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// The file, as given to the reader (relative to the site folder where possible).
    public var path: String
    /// 1-based line, or 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column, or 0 when unknown.
    public var column: Int
    /// Whether the input was left out.
    public var severity: Severity
    /// What is wrong, in a sentence a site author can act on.
    public var message: String

    /// Makes a diagnostic.
    public init(path: String, line: Int = 0, column: Int = 0, severity: Severity, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// `path:line:column: severity: message`, leaving out a position that is unknown.
    public var description: String {
        var location = path
        if line > 0 {
            location += ":\(line)"
            if column > 0 { location += ":\(column)" }
        }
        return "\(location): \(severity.rawValue): \(message)"
    }
}
