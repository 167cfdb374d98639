import Foundation
import TestSupport
import XCTest

/// A full build keeps article bodies in an unlinked file of the temporary folder (`SpillFile`):
/// the site it writes is the one a build holding them in memory writes, and nothing stays behind.
final class BodySpillTests: XCTestCase {
    func testASiteBuiltWithItsBodiesInATemporaryFileIsTheSiteBuiltWithThemInMemory() throws {
        let site = try FixtureSite(copying: "gfm-extensions")
        defer { site.remove() }
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-spill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temporary) }

        let spilled = try site.run(["build", "--no-cache"], environment: ["TMPDIR": temporary.path])
        XCTAssertEqual(spilled.status, 0, spilled.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary.path), [], "the spill file is unlinked as it is made")
        let withSpill = try outputBytes(site)
        XCTAssertTrue(withSpill.contains { path, bytes in path.hasSuffix("index.html") && String(decoding: bytes, as: UTF8.self).contains("<del>") },
                      "article bodies are on their pages")

        // No temporary folder to write to: the bodies stay in memory.
        let inMemory = try site.run(["build", "--no-cache"], environment: ["TMPDIR": temporary.appendingPathComponent("missing").path])
        XCTAssertEqual(inMemory.status, 0, inMemory.stderr)
        let withoutSpill = try outputBytes(site)
        XCTAssertEqual(withSpill.keys.sorted(), withoutSpill.keys.sorted())
        XCTAssertEqual(withSpill.keys.sorted().filter { withSpill[$0] != withoutSpill[$0] }, [])
    }

    private func outputBytes(_ site: FixtureSite) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in site.outputFiles() { files[path] = try Data(contentsOf: site.output.appendingPathComponent(path)) }
        return files
    }
}
