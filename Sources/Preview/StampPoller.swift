import Foundation

/// Notices changes by comparing stamps (a size and a change time, or a hash of many) at an
/// interval. For a site's sources it is the fallback where inotify is missing or sends nothing
/// (some network and container mounts), at a `stat` per file per round, about 20 ms for 10,000
/// articles; a mirror's crawls are always watched this way (`CrawlStamps`).
final class StampPoller<Stamp: Equatable & Sendable>: SourceWatcher {
    private let stop = DispatchSemaphore(value: 0)
    private let stopped = DispatchSemaphore(value: 0)

    /// Starts taking `stamps` every `interval`, calling `onChange` with the paths that appeared,
    /// went or changed since the previous round.
    init(interval: Duration, stamps: @escaping @Sendable () -> [String: Stamp], onChange: @escaping @Sendable ([String]) -> Void) {
        let (seconds, attoseconds) = interval.components
        let wait = Double(seconds) + Double(attoseconds) / 1e18
        // The first stamps are taken before `init` returns: a save right after it is seen.
        let first = stamps()
        Thread.detachNewThread { [stop, stopped] in
            var previous = first
            while stop.wait(timeout: .now() + wait) == .timedOut {
                let current = stamps()
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

extension StampPoller where Stamp == [Int64] {
    /// Polls the sources of the site at `site` built into `output` (`WatchedSources`, found again
    /// each round, as a config file may have moved the content folder).
    convenience init(site: URL, output: URL? = nil, interval: Duration, onChange: @escaping @Sendable ([String]) -> Void) {
        self.init(interval: interval, stamps: { WatchedSources(site: site, output: output).stamps(site: site) }, onChange: onChange)
    }
}
