import Infrastructure

/// A crawl that cannot be read at all: a folder that does not exist, a WARC file that is not one,
/// a crawl with no address to mirror. One bad page is not this: it is a diagnostic of its own.
public struct MirrorError: Error, Sendable, CustomStringConvertible {
    /// The crawl as the user named it.
    public var path: String
    /// What is wrong, in a sentence the user can act on.
    public var message: String

    /// Makes an error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// The error as a diagnostic of the whole crawl.
    public var diagnostic: Diagnostic {
        Diagnostic(path: path, severity: .error, code: "mirror.crawl", message: message)
    }

    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}
