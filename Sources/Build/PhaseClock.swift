import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Wall time and CPU time of each step of a build, for `broadsheet build --timings`: where a slow
/// build spends its time, and how many cores it kept busy there (CPU seconds over wall seconds),
/// without a profiler.
public struct PhaseClock: Sendable {
    /// One finished step.
    public struct Phase: Sendable {
        /// The step's name (`read content`, `render and write`, …).
        public var name: String
        /// Its wall time.
        public var seconds: Double
        /// The CPU time (user and system) of every thread of the process during it.
        public var cpuSeconds: Double
    }

    /// Each finished step, in order.
    public private(set) var phases: [Phase] = []
    private var started = DispatchTime.now().uptimeNanoseconds
    private var startedCPU = Self.processCPUSeconds()

    /// Starts timing the first step.
    public init() {}

    /// Ends the step running now under `name` and starts the next.
    public mutating func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        let cpu = Self.processCPUSeconds()
        phases.append(Phase(name: name, seconds: Double(now - started) / 1e9, cpuSeconds: max(0, cpu - startedCPU)))
        started = now
        startedCPU = cpu
    }

    private static func processCPUSeconds() -> Double {
        var usage = rusage()
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
