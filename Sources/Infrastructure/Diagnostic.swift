/// One problem found in an input, with where it is: what every stage reports, what a failed build
/// carries to the command line, and what `check`, JSON reports and CI annotations are made from.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How bad the problem is.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        /// Nothing is wrong: what the build did that a user may want to know (which keys of a Hugo
        /// config it read). `--strict` does not count it, so a site that is right passes.
        case note
        /// The input was still used; `--strict` makes the build fail on it.
        case warning
        /// The input (or the part of it named) was left out of the build.
        case error

        /// Notes sort before warnings, warnings before errors.
        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs.rank < rhs.rank
        }

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }
    }

    /// The file, relative to the site folder where possible.
    public var path: String
    /// 1-based line, or 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column, or 0 when unknown.
    public var column: Int
    /// Whether the input was left out, or was used, or nothing is wrong at all.
    public var severity: Severity
    /// What kind of problem it is, stable across versions so that tools can match on it:
    /// `area.problem`, such as `front-matter.syntax` or `link.unresolved`.
    public var code: String
    /// What is wrong, in a sentence a site author can act on.
    public var message: String

    /// Makes a diagnostic.
    public init(path: String, line: Int = 0, column: Int = 0, severity: Severity, code: String, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.code = code
        self.message = message
    }

    /// Makes a diagnostic at a position.
    public init(path: String, at position: SourcePosition, severity: Severity, code: String, message: String) {
        self.init(path: path, line: position.line, column: position.column, severity: severity, code: code, message: message)
    }

    /// `path:line:column`, leaving out a position that is unknown: a line of 0 means the whole
    /// file, a column of 0 the whole line.
    public var location: String {
        guard line > 0 else { return path }
        return column > 0 ? "\(path):\(line):\(column)" : "\(path):\(line)"
    }

    /// `path:line:column: severity: message`, as compilers print them (editors and terminals turn
    /// the location into a link). The one text form of every problem Broadsheet reports.
    public var description: String {
        "\(location): \(severity.rawValue): \(message)"
    }
}
