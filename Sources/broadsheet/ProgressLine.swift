import Build
import Dispatch
import Foundation

/// The line that says how far a long build has got, on a terminal: files read, files written,
/// their rate and the time so far, redrawn in place ten times a second from the build's counters,
/// and erased before the summary. It appears only after a second, so quick builds never show it,
/// and never when standard error is not a terminal: piped output holds the summary alone.
final class ProgressLine: @unchecked Sendable {
    // `width` and `timer` are touched only on `queue`, which is what makes the class safe to share.
    private let progress: BuildProgress
    private let started = DispatchTime.now()
    private let queue = DispatchQueue(label: "broadsheet.progress")
    private var timer: DispatchSourceTimer?
    /// Characters of the line on screen now (0: nothing shown).
    private var width = 0

    /// Starts drawing `progress` after `delay`, when standard error is a terminal; nil otherwise.
    static func start(_ progress: BuildProgress, after delay: DispatchTimeInterval = .seconds(1)) -> ProgressLine? {
        guard TextStyle.standardErrorIsTerminal else { return nil }
        return ProgressLine(progress, after: delay)
    }

    private init(_ progress: BuildProgress, after delay: DispatchTimeInterval) {
        self.progress = progress
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + delay, repeating: .milliseconds(100))
        timer.setEventHandler { [weak self] in self?.draw() }
        queue.sync { self.timer = timer }
        timer.resume()
    }

    /// Stops drawing and erases the line, so that what follows starts on a clean line.
    func finish() {
        queue.sync {
            timer?.cancel()
            timer = nil
            // Blanks rather than an erase-line escape: the line must go with NO_COLOR too, which
            // some users set to keep every escape code out of their terminal's log.
            if width > 0 { FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: width) + "\r").utf8)) }
            width = 0
        }
    }

    private func draw() {
        let text = Self.text(progress.snapshot, seconds: Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9)
        let padding = String(repeating: " ", count: max(0, width - text.count))
        FileHandle.standardError.write(Data(("\r" + text + padding).utf8))
        width = text.count
    }

    /// The line for `snapshot` after `seconds`, short enough for an 80-column terminal (a line
    /// that wraps can no longer be redrawn with a carriage return).
    static func text(_ snapshot: BuildProgress.Snapshot, seconds: Double) -> String {
        let files = snapshot.filesRead + snapshot.filesWritten
        let rate = seconds > 0 ? Int((Double(files) / seconds).rounded()) : 0
        return "\(label(snapshot.phase)): \(snapshot.filesRead) files read, \(snapshot.filesWritten) written, "
            + "\(rate) files/s, \(String(format: "%.1f", seconds)) s"
    }

    private static func label(_ phase: BuildProgress.Phase) -> String {
        switch phase {
        case .starting: "starting"
        case .reading: "reading"
        case .rendering: "rendering"
        case .copying: "copying"
        case .finishing: "finishing"
        }
    }
}
