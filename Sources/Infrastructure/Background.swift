import Dispatch
import Synchronization

/// Work started on another thread at once, whose result is waited for only where it is needed:
/// what a build checks on the side (the output's files) while it does something else.
public final class Background<Value: Sendable>: Sendable {
    private let done = DispatchGroup()
    private let result = Mutex<Value?>(nil)

    /// Starts `work` on another thread.
    public init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: done) {
            let value = work()
            self.result.withLock { $0 = value }
        }
    }

    /// The work's result, once it is done.
    public var value: Value {
        done.wait()
        return result.withLock { $0! }
    }
}
