import Infrastructure

/// Where rendered pages go. The build's output writer stores them in a staging folder (or over an
/// earlier output when patching); a build that only checks keeps nothing. Rendering itself reads
/// and writes no file.
public protocol PageSink: Sendable {
    /// Keeps in the new output the file an earlier build wrote at `file`; false when there is none
    /// to keep (then the page is written).
    func keepPrevious(_ file: String) -> Bool
    /// Keeps the file already at `file` in the output being replaced when it holds exactly `bytes`,
    /// so a full build that changes little writes little; false when it does not (then the page is
    /// written).
    func keepIfSame(_ bytes: [UInt8], at file: String) -> Bool
    /// Stores one page's bytes at `file`, a path relative to the output folder.
    func write(_ bytes: [UInt8], to file: String) throws(OutputError)
}

/// A file of the output that could not be written.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    /// The file or folder.
    public var path: String
    /// What went wrong.
    public var message: String

    /// Makes an error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// The error as the build reports it.
    public var diagnostic: Diagnostic {
        Diagnostic(path: path, severity: .error, code: "output.write", message: message)
    }

    /// `path: error: message`.
    public var description: String { diagnostic.description }
}
