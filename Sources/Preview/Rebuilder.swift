import Build
import Dispatch
import Foundation
import Infrastructure
import Logging

/// Runs the site's one `Build` again after each batch of changes, one build at a time, and tells
/// the open pages and the log what came of it. A failed build changes nothing on disk (a full
/// build swaps its output in only when it succeeds), so the last good site stays served while
/// pages show the problems.
final class Rebuilder: Sendable {
    /// The build run on every change; with its cache, a one-article edit rewrites a few files.
    let build: Build
    /// The site's base path, which output paths are shown below.
    let basePath: String
    private let liveReload: LiveReload
    private let logger: Logger
    /// Builds run here, off Swift's cooperative threads (a build keeps its thread busy for up to
    /// seconds, and requests are answered on those threads), and one at a time.
    private let queue = DispatchQueue(label: "broadsheet.preview.build")

    init(build: Build, basePath: String, liveReload: LiveReload, logger: Logger) {
        self.build = build
        self.basePath = basePath
        self.liveReload = liveReload
        self.logger = logger
    }

    /// Rebuilds after every batch until the batches end.
    func run(_ batches: ChangeBatcher) async {
        while let changes = await batches.next() {
            await rebuild(after: changes)
        }
    }

    /// Builds once and reports it; `changes` are the sources that changed (empty for the first
    /// build, which no page is open for yet).
    func rebuild(after changes: Set<String>) async {
        let started = ContinuousClock.now
        let build = build
        let result = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: Result { () throws(BuildError) in try build.run() }) }
        }
        let milliseconds = Int(((ContinuousClock.now - started) / .milliseconds(1)).rounded())
        let cause = changes.isEmpty ? "built" : "rebuilt after " + Self.describe(changes)
        switch result {
        case .success(let summary):
            let errors = summary.diagnostics.filter { $0.severity == .error }
            // Logged before the browsers hear of it: whoever reacts to the event finds the log written.
            let failed = errors.isEmpty ? "" : ", \(Self.count(errors.count, "error"))"
            logger.notice("\(cause) in \(milliseconds) ms: \(Self.count(summary.written, "file")) written (\(summary.pages) pages)\(failed)")
            for error in errors { log(error) }
            if !errors.isEmpty {
                liveReload.publish(.failed(OverlayDiagnostic.read(errors, site: build.options.site)))
            } else if liveReload.isFailing {
                liveReload.publish(.recovered)
            }
            if !changes.isEmpty, let event = ReloadEvent.after(changedFiles: summary.changedFiles, sources: changes, basePath: basePath) {
                liveReload.publish(event)
            }
        case .failure(let error):
            logger.notice("\(cause) in \(milliseconds) ms: the build failed; the last good site is still served")
            for diagnostic in error.diagnostics { log(diagnostic) }
            liveReload.publish(.failed(OverlayDiagnostic.read(error.diagnostics, site: build.options.site)))
        }
    }

    /// Logs a problem as an error or a warning (a note as a notice), with where it is as the `location` metadata.
    private func log(_ diagnostic: Diagnostic) {
        let level: Logger.Level = switch diagnostic.severity {
        case .note: .notice
        case .warning: .warning
        case .error: .error
        }
        logger.log(level: level, "\(diagnostic.message)",
                   metadata: ["location": "\(diagnostic.location)"])
    }

    /// The changed sources in a few words: one path, or the first and how many more.
    static func describe(_ changes: Set<String>) -> String {
        let paths = changes.sorted().map { $0.isEmpty ? "(events lost)" : $0 }
        return paths.count == 1 ? paths[0] : "\(paths[0]) and \(count(paths.count - 1, "other file"))"
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
