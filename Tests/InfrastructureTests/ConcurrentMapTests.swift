import Infrastructure
import Synchronization
import XCTest

final class ConcurrentMapTests: XCTestCase {
    func testWorkersKeepTheirOwnStateAndTheResultKeepsTheInputOrder() {
        let made = Atomic<Int>(0)
        let input = Array(0..<5_000)
        let results = ConcurrentMap.map(input, local: { () -> (worker: Int, taken: Int) in
            (made.add(1, ordering: .relaxed).newValue, 0)
        }) { local, element -> (value: Int, worker: Int, taken: Int) in
            local.taken += 1
            return (element * 2, local.worker, local.taken)
        }
        XCTAssertEqual(results.map(\.value), input.map { $0 * 2 })
        let workers = made.load(ordering: .relaxed)
        XCTAssertGreaterThanOrEqual(workers, 1)
        XCTAssertLessThanOrEqual(workers, ProcessInfo.processInfo.activeProcessorCount)
        // Each worker counted the elements it took, one by one: its last count is how many it had.
        let takenByWorker = Dictionary(grouping: results, by: \.worker).mapValues { $0.map(\.taken) }
        XCTAssertEqual(takenByWorker.values.map { $0.max()! }.reduce(0, +), input.count)
        for taken in takenByWorker.values { XCTAssertEqual(taken.sorted(), Array(1...taken.count)) }
    }

    func testAnEmptyInputMakesNoWorker() {
        let made = Atomic<Int>(0)
        let results = ConcurrentMap.map([Int](), local: { made.add(1, ordering: .relaxed) }) { _, element in element }
        XCTAssertEqual(results, [])
        XCTAssertEqual(made.load(ordering: .relaxed), 0)
    }
}
