import Foundation
import Logging

/// The command line's log: what a command says besides its diagnostics and summary (step times,
/// counts, a preview's rebuilds), one line each on standard error, as `--quiet` and `--verbose`
/// ask. Warnings and errors are labelled as diagnostics are, with the `location` metadata in front.
struct StandardErrorLog: LogHandler {
    /// The least important level written.
    var logLevel: Logger.Level
    /// Metadata added to every message (unused by the commands, kept as swift-log asks).
    var metadata: Logger.Metadata = [:]
    /// Colours, or none.
    let style: TextStyle

    /// A logger writing to standard error from `level` up, in `style`.
    static func logger(level: Logger.Level, style: TextStyle = .standardError()) -> Logger {
        Logger(label: "broadsheet") { _ in StandardErrorLog(logLevel: level, style: style) }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let location = event.metadata?["location"].map { "\($0)" }
        let line = switch event.level {
        case .warning: style.labelled("warning", isError: false, location: location, message: "\(event.message)")
        case .error, .critical: style.labelled("error", isError: true, location: location, message: "\(event.message)")
        default: (location.map { $0 + ": " } ?? "") + "\(event.message)"
        }
        printError(line)
    }
}
