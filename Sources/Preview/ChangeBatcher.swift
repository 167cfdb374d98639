import Synchronization

/// Gathers the changed paths the watcher reports and hands them out in batches, each once no
/// change came for a quiet window: an editor's write-then-rename, or the thousand files of a
/// `git checkout`, arrive as a burst and become one rebuild. Changes that come while a batch is
/// being built wait for the next batch, so however many saves a build overlaps, one rebuild
/// follows it.
final class ChangeBatcher: Sendable {
    private struct State {
        var pending: Set<String> = []
        var lastChange = ContinuousClock.now
        var finished = false
        /// The consumer, when it waits for a first change.
        var waiter: CheckedContinuation<Void, Never>?
    }

    private enum Step {
        case batch(Set<String>)
        case wait(until: ContinuousClock.Instant)
        case waitForChange
        case finished
    }

    /// How long the sources must stay unchanged before a batch is handed out.
    let quietWindow: Duration
    private let state = Mutex(State())

    /// Makes an empty batcher.
    init(quietWindow: Duration) {
        self.quietWindow = quietWindow
    }

    /// Adds changed paths; safe from any thread.
    func add(_ paths: [String]) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.finished else { return nil }
            state.pending.formUnion(paths)
            state.lastChange = .now
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// Ends the batches: `next` returns nil from now on, and changes not yet handed out are dropped.
    func finish() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.finished = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// The next batch, once the sources have been quiet for the window; nil once finished. One
    /// caller at a time.
    func next() async -> Set<String>? {
        while true {
            switch step() {
            case .batch(let paths):
                return paths
            case .finished:
                return nil
            case .wait(let instant):
                try? await Task.sleep(until: instant, clock: .continuous)
            case .waitForChange:
                await withCheckedContinuation { continuation in
                    let ready = state.withLock { state in
                        guard state.pending.isEmpty, !state.finished else { return true }
                        state.waiter = continuation
                        return false
                    }
                    if ready { continuation.resume() }
                }
            }
        }
    }

    private func step() -> Step {
        state.withLock { state in
            if state.finished { return .finished }
            if state.pending.isEmpty { return .waitForChange }
            let due = state.lastChange + quietWindow
            guard ContinuousClock.now >= due else { return .wait(until: due) }
            defer { state.pending = [] }
            return .batch(state.pending)
        }
    }
}
