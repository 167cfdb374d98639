import Infrastructure

/// A build that could not produce a site at all (bad config, bad theme, unwritable output),
/// with every problem that stopped it.
public struct BuildError: Error, Sendable, CustomStringConvertible {
    /// What stopped the build, each with its file and position.
    public var diagnostics: [Diagnostic]

    /// Makes an error from the problems that stopped the build.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Makes an error from one problem.
    public init(_ diagnostic: Diagnostic) {
        self.init([diagnostic])
    }

    /// The problems, one per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
