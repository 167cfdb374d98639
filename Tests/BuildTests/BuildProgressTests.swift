@testable import Build
import Foundation
import TestSupport
import XCTest

/// A build's progress counters end at what the build read and wrote.
final class BuildProgressTests: XCTestCase {
    private var site: FixtureSite!

    override func setUpWithError() throws {
        site = try FixtureSite(copying: "valid")
    }

    override func tearDown() {
        site.remove()
    }

    func testAFullBuildCountsEveryDocumentReadAndEveryFileWritten() throws {
        var options = BuildOptions(site: site.root, useCache: false)
        let progress = BuildProgress()
        options.progress = progress
        XCTAssertEqual(progress.snapshot, BuildProgress.Snapshot(phase: .starting, filesRead: 0, filesWritten: 0))
        let summary = try Build(options).run()
        // Four Markdown files (one a draft), each read once; the marker file is not counted.
        XCTAssertEqual(progress.snapshot, BuildProgress.Snapshot(phase: .finishing, filesRead: 4, filesWritten: summary.written))
    }

    func testABuildWithNothingToDoReadsAndWritesNothing() throws {
        _ = try Build(BuildOptions(site: site.root)).run()
        var options = BuildOptions(site: site.root)
        let progress = BuildProgress()
        options.progress = progress
        _ = try Build(options).run()
        XCTAssertEqual(progress.snapshot, BuildProgress.Snapshot(phase: .starting, filesRead: 0, filesWritten: 0))
    }

    func testACheckCountsWhatItReadsAndWritesNothing() throws {
        var options = BuildOptions(site: site.root)
        let progress = BuildProgress()
        options.progress = progress
        _ = try Build(options).check()
        XCTAssertEqual(progress.snapshot, BuildProgress.Snapshot(phase: .rendering, filesRead: 4, filesWritten: 0))
    }
}
