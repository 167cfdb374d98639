import Foundation
import Logging
@testable import Preview
import TestSupport
import XCTest

/// A fixture site served by a preview server in this process, on a free port of 127.0.0.1, with
/// the server's log collected; `stop()` stops the server and removes the site.
final class PreviewedSite: Sendable {
    let site: FixtureSite
    let server: PreviewServer
    let port: Int
    private let logLines = LogLines()

    /// Copies `fixture` (with the repository's theme in `Templates/` when asked), lets `prepare`
    /// edit it, and serves it.
    init(copying fixture: String = "valid", withTheme: Bool = false, watching: PreviewOptions.Watching = .automatic,
         prepare: (FixtureSite) throws -> Void = { _ in }) async throws {
        site = try FixtureSite(copying: fixture)
        if withTheme {
            try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("Templates"),
                                             to: site.root.appendingPathComponent("Templates"))
        }
        try prepare(site)
        // A wider quiet window than the default 50 ms: on a loaded machine a test writing a burst of
        // saves can be paused between two of them for longer than that.
        server = try await PreviewServer.start(PreviewOptions(site: site.root, port: 0, quietWindow: .milliseconds(150), watching: watching),
                                               logger: Logger(label: "preview") { [logLines] _ in CollectingLog(lines: logLines) })
        port = URL(string: server.url)!.port!
    }

    /// The server's log so far.
    var log: [String] { logLines.lines }

    /// Sends a request to the server.
    func request(_ target: String, method: String = "GET", headers: [String: String] = [:]) throws -> HTTPReply {
        try LoopbackHTTP.send(target, method: method, port: port, headers: headers)
    }

    /// Opens the live-reload stream, as a page does.
    func events() throws -> EventStreamReader {
        try EventStreamReader(port: port)
    }

    /// Stops the server and removes the site.
    func stop() async throws {
        try await server.stop()
        site.remove()
    }
}

/// Lines (a preview's log, or paths a watcher saw), appended from other threads.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String] = []

    var lines: [String] { lock.withLock { collected } }

    func append(_ line: String) {
        lock.withLock { collected.append(line) }
    }
}

/// A log handler that keeps a preview's messages in `LogLines`, a problem's location in front.
/// A value, as swift-log expects: the server sets a stricter level on its own copy.
struct CollectingLog: LogHandler {
    let lines: LogLines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lines.append((event.metadata?["location"].map { "\($0): " } ?? "") + "\(event.message)")
    }
}
