@testable import Build
import Foundation
import XCTest

final class OutputWriterTests: XCTestCase {
    func testCommitSwapsTheNewSiteIn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: output.appendingPathComponent("old.html"))
        let writer = try OutputWriter(output: output)
        try writer.write(Array("new".utf8), to: "a/b/index.html")
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("old.html").path),
                      "the old site stays whole until the commit")
        try writer.commit()
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("a/b/index.html"), encoding: .utf8), "new")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("old.html").path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["Output"])
    }

    func testDiscardLeavesTheOldSite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: output.appendingPathComponent("old.html"))
        let writer = try OutputWriter(output: output)
        try writer.write(Array("new".utf8), to: "new.html")
        writer.discard()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output.path), ["old.html"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["Output"])
    }
}
