import Foundation
import Synchronization

/// The open pages' side of the server: each page listening at `/__broadsheet/events` gets every
/// event from the moment it connects, and a page that connects while the last build is failing
/// gets that failure first, so its overlay shows at once.
final class LiveReload: Sendable {
    /// Where pages listen.
    static let path = "/__broadsheet/events"

    private struct State {
        var listeners: [UUID: AsyncStream<String>.Continuation] = [:]
        var failure: ReloadEvent?
        var closed = false
    }

    private let state = Mutex(State())

    /// Makes a hub with no listener.
    init() {}

    /// The events for one new listener, starting with the current failure, if any; nil once the
    /// server is stopping.
    func listen() -> AsyncStream<String>? {
        let (stream, continuation) = AsyncStream<String>.makeStream()
        let id = UUID()
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.listeners.removeValue(forKey: id) }
        }
        let accepted = state.withLock { state in
            guard !state.closed else { return false }
            state.listeners[id] = continuation
            if let failure = state.failure { continuation.yield(failure.message) }
            return true
        }
        return accepted ? stream : nil
    }

    /// Sends an event to every listener; a failure is also kept for pages that connect later,
    /// until a `recovered` event clears it.
    func publish(_ event: ReloadEvent) {
        let message = event.message
        state.withLock { state in
            switch event {
            case .failed: state.failure = event
            case .recovered: state.failure = nil
            case .reload, .stylesheets: break
            }
            for listener in state.listeners.values { listener.yield(message) }
        }
    }

    /// Whether the last build failed.
    var isFailing: Bool {
        state.withLock { $0.failure != nil }
    }

    /// Ends every listener's stream and refuses new ones: a graceful shutdown waits for open
    /// responses to end, and these would never end by themselves.
    func close() {
        let listeners = state.withLock { state in
            state.closed = true
            defer { state.listeners = [:] }
            return Array(state.listeners.values)
        }
        for listener in listeners { listener.finish() }
    }
}
