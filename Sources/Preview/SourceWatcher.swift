/// Something that tells which of a site's sources changed, from a thread of its own, until it is
/// cancelled.
protocol SourceWatcher: Sendable {
    /// Stops watching; no change is reported once it returns.
    func cancel()
}

/// Several watchers stopped as one.
struct Watchers: SourceWatcher {
    let all: [any SourceWatcher]

    func cancel() {
        for watcher in all { watcher.cancel() }
    }
}
