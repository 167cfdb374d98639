import Dispatch

/// Wall time of each step of a build, for `broadsheet build --timings`: where a slow build spends
/// its time, without a profiler.
public struct PhaseClock: Sendable {
    /// Each finished step and its seconds, in order.
    public private(set) var phases: [(name: String, seconds: Double)] = []
    private var started = DispatchTime.now().uptimeNanoseconds

    /// Starts timing the first step.
    public init() {}

    /// Ends the step running now under `name` and starts the next.
    public mutating func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        phases.append((name, Double(now - started) / 1e9))
        started = now
    }
}
