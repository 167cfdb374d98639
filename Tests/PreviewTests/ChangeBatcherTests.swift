import Foundation
@testable import Preview
import XCTest

final class ChangeBatcherTests: XCTestCase {
    func testABurstOfChangesIsOneBatchHandedOutAfterTheQuietWindow() async {
        let batcher = ChangeBatcher(quietWindow: .milliseconds(50))
        let started = ContinuousClock.now
        batcher.add(["Content/a.md"])
        batcher.add(["Content/b.md", "Content/a.md"])
        let batch = await batcher.next()
        XCTAssertEqual(batch, ["Content/a.md", "Content/b.md"])
        XCTAssertGreaterThanOrEqual(ContinuousClock.now - started, .milliseconds(50))
    }

    func testEachChangeRestartsTheQuietWindow() async {
        let batcher = ChangeBatcher(quietWindow: .milliseconds(80))
        let adding = Task {
            for name in ["a", "b", "c", "d"] {
                batcher.add(["Content/\(name).md"])
                try? await Task.sleep(for: .milliseconds(30))
            }
        }
        let batch = await batcher.next()
        await adding.value
        XCTAssertEqual(batch?.count, 4, "saves 30 ms apart are one burst")
    }

    func testChangesMadeDuringABuildBecomeOneFollowUpBatch() async {
        let batcher = ChangeBatcher(quietWindow: .milliseconds(20))
        batcher.add(["Content/a.md"])
        let first = await batcher.next()
        // While the first batch is built: three saves at different moments.
        for name in ["b", "c", "d"] {
            batcher.add(["Content/\(name).md"])
            try? await Task.sleep(for: .milliseconds(40))
        }
        let second = await batcher.next()
        XCTAssertEqual(first, ["Content/a.md"])
        XCTAssertEqual(second, ["Content/b.md", "Content/c.md", "Content/d.md"])
    }

    func testAWaitingConsumerWakesForAChangeAndEndsWhenFinished() async {
        let batcher = ChangeBatcher(quietWindow: .milliseconds(10))
        let waiting = Task { await batcher.next() }
        try? await Task.sleep(for: .milliseconds(30))
        batcher.add(["site.yml"])
        let batch = await waiting.value
        XCTAssertEqual(batch, ["site.yml"])
        batcher.finish()
        let none = await batcher.next()
        XCTAssertNil(none)
    }
}
