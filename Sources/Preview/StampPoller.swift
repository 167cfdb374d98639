import Foundation

/// Notices changes by comparing the size and change time of every watched file at an interval:
/// the fallback where inotify is missing or sends nothing (some network and container mounts).
/// It costs a `stat` per file per round, about 20 ms for 10,000 articles.
final class StampPoller: SourceWatcher {
    private let stop = DispatchSemaphore(value: 0)
    private let stopped = DispatchSemaphore(value: 0)

    /// Starts polling `site` every `interval`, calling `onChange` with the paths (relative to the
    /// site folder) that appeared, went or changed since the previous round.
    init(site: URL, interval: Duration, onChange: @escaping @Sendable ([String]) -> Void) {
        let (seconds, attoseconds) = interval.components
        let wait = Double(seconds) + Double(attoseconds) / 1e18
        // The first stamps are taken before `init` returns: a save right after it is seen.
        let first = WatchedSources.stamps(site: site)
        Thread.detachNewThread { [stop, stopped] in
            var previous = first
            while stop.wait(timeout: .now() + wait) == .timedOut {
                let current = WatchedSources.stamps(site: site)
                let changed = Set(previous.keys).union(current.keys).filter { previous[$0] != current[$0] }
                if !changed.isEmpty { onChange(changed.sorted()) }
                previous = current
            }
            stopped.signal()
        }
    }

    func cancel() {
        stop.signal()
        stopped.wait()
    }
}
