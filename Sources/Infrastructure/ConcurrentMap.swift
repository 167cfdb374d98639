import Dispatch
import Foundation
import Synchronization

/// Maps a function over an array on every core, keeping the order of the input.
public enum ConcurrentMap {
    /// Applies `transform` to each element in parallel; the result is in input order, so the
    /// output does not depend on how threads were scheduled.
    public static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        let results = ResultSlots<Result>(count: elements.count)
        elements.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let input = input
            DispatchQueue.concurrentPerform(iterations: input.count) { index in
                results.store(transform(input[index]), at: index)
            }
        }
        return results.values()
    }

    /// Applies `transform` to each element in parallel, as `map` does, handing it state of its own
    /// thread: each worker makes its `Local` once and keeps it for every element it takes.
    ///
    /// For work that reads shared objects on every step (compiled templates, the site's values):
    /// reference counting on an object two cores share makes them pass its cache line back and
    /// forth, and a copy per worker keeps each count on one core.
    public static func map<Element: Sendable, Local, Result: Sendable>(
        _ elements: [Element], local makeLocal: @Sendable () -> Local, _ transform: @Sendable (inout Local, Element) -> Result
    ) -> [Result] {
        let results = ResultSlots<Result>(count: elements.count)
        let next = Atomic<Int>(0)
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, elements.count)
        elements.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let input = input
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                var local = makeLocal()
                while true {
                    let index = next.add(1, ordering: .relaxed).oldValue
                    guard index < input.count else { return }
                    results.store(transform(&local, input[index]), at: index)
                }
            }
        }
        return results.values()
    }
}

/// One slot per result, each written by exactly one iteration: no two threads touch the same slot.
private final class ResultSlots<Result>: @unchecked Sendable {
    // Raw memory, not an array property: concurrent writes to distinct slots of a Swift array
    // would go through one shared array access.
    private let slots: UnsafeMutableBufferPointer<Result?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    /// False once `values` moved the results out.
    private var holdsValues = true

    deinit {
        if holdsValues { slots.deinitialize() }
        slots.deallocate()
    }

    func store(_ value: Result, at index: Int) { slots[index] = value }

    /// The results, moved (not copied) into an array: copying would retain every reference a
    /// result holds, and release it again when the slots go.
    func values() -> [Result] {
        holdsValues = false
        return Array(unsafeUninitializedCapacity: slots.count) { buffer, initialized in
            for index in slots.indices { (buffer.baseAddress! + index).initialize(to: (slots.baseAddress! + index).move()!) }
            initialized = slots.count
        }
    }
}
