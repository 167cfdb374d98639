import Synchronization

/// How far a running build has got, for a progress line: the build's threads bump its counters,
/// and whoever shows progress reads a `Snapshot` when it likes. The build itself never prints.
///
/// Counters are relaxed atomics, one add per file: a lock or a callback per page would cost a
/// ten-thousand-page build more than the line is worth.
public final class BuildProgress: Sendable {
    /// The step a build is in.
    public enum Phase: UInt8, Sendable {
        /// Reading the config and the theme, or checking whether anything changed.
        case starting
        /// Reading content files and crawls.
        case reading
        /// Rendering and writing pages.
        case rendering
        /// Copying images and theme files.
        case copying
        /// Swapping the output in and saving the cache.
        case finishing
    }

    /// The counters at one moment.
    public struct Snapshot: Sendable, Equatable {
        /// The step the build was in.
        public var phase: Phase
        /// Content files and crawl captures read so far.
        public var filesRead: Int
        /// Output files written so far (pages, copies, theme files); files kept from the
        /// previous build are not counted.
        public var filesWritten: Int
    }

    private let phase = Atomic<UInt8>(Phase.starting.rawValue)
    private let read = Atomic<Int>(0)
    private let written = Atomic<Int>(0)

    /// Progress at its start: nothing read, nothing written.
    public init() {}

    /// The counters now.
    public var snapshot: Snapshot {
        Snapshot(phase: Phase(rawValue: phase.load(ordering: .relaxed)) ?? .starting,
                 filesRead: read.load(ordering: .relaxed), filesWritten: written.load(ordering: .relaxed))
    }

    /// Marks the start of a step.
    func enter(_ next: Phase) {
        phase.store(next.rawValue, ordering: .relaxed)
    }

    /// Counts one file read (called from the reading threads).
    @Sendable func fileRead() {
        read.wrappingAdd(1, ordering: .relaxed)
    }

    /// Counts one file written (called from the writing threads).
    func fileWritten() {
        written.wrappingAdd(1, ordering: .relaxed)
    }
}
