import Logging

/// Hands the server's own warnings and errors (swift-log, which Hummingbird and its service group
/// use) to the preview's log, so that nothing below the command line prints.
struct LogForwarder: LogHandler {
    let log: PreviewLog
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    var logLevel: Logger.Level

    /// A logger for `log` at `level`: the server logs each connection's start at `info`, which a
    /// preview does not want to see.
    static func logger(_ log: @escaping PreviewLog, level: Logger.Level) -> Logger {
        Logger(label: "broadsheet.preview") { _ in LogForwarder(log: log, logLevel: level) }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        log("server: \(event.level): \(event.message)")
    }
}
