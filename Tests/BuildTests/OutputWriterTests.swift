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
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), [".Output.staging", "Output"],
                       "the old site is kept as the next build's staging folder")
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent(".Output.staging/old.html"), encoding: .utf8), "old")
    }

    func testAFullBuildKeepsTheFilesWhoseBytesAreUnchanged() throws {
        let (folder, output) = try makeOutput()
        defer { try? FileManager.default.removeItem(at: folder) }
        try build(output, ["same.html": "same", "changed.html": "before"])
        let inode = try self.inode(output.appendingPathComponent("same.html"))
        try build(output, ["same.html": "same", "changed.html": "after"])
        XCTAssertEqual(try self.inode(output.appendingPathComponent("same.html")), inode, "an unchanged page is the file already there")
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("changed.html"), encoding: .utf8), "after")
    }

    func testWritingIntoTheReusedFolderNeverChangesTheLiveSite() throws {
        let (folder, output) = try makeOutput()
        defer { try? FileManager.default.removeItem(at: folder) }
        // After two builds with the same bytes, the spare's file and the output's are one inode.
        try build(output, ["a.html": "one"])
        try build(output, ["a.html": "one"])
        let writer = try OutputWriter(output: output)
        try writer.write(Array("two".utf8), to: "a.html")
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("a.html"), encoding: .utf8), "one",
                       "the live file is not written through its hard link")
        try writer.commit(keeping: ["a.html"])
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("a.html"), encoding: .utf8), "two")
    }

    func testFilesGoneSinceTheBuildsBeforeLeaveTheOutput() throws {
        let (folder, output) = try makeOutput()
        defer { try? FileManager.default.removeItem(at: folder) }
        try build(output, ["index.html": "home", "2021/11/30/story/index.html": "story"])
        try build(output, ["index.html": "home"])
        // The spare now holds the first build's site, story included: the third build must not publish it.
        try build(output, ["index.html": "home"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output.path).sorted(), [OutputWriter.marker, "index.html"])
    }

    func testAFileWhereAFolderWasAndAFolderWhereAFileWasAreWritten() throws {
        let (folder, output) = try makeOutput()
        defer { try? FileManager.default.removeItem(at: folder) }
        // As when `uglyURLs` is turned on: `about` was a file and is a folder, `news` the other way round.
        // The third build reuses the first one's site, which has them the old way.
        try build(output, ["about": "file", "news/index.html": "folder"])
        try build(output, ["about/index.html": "folder", "news": "file"])
        try build(output, ["about/index.html": "folder again", "news": "file again"])
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("about/index.html"), encoding: .utf8), "folder again")
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("news"), encoding: .utf8), "file again")
    }

    func testAFileIsCopiedWholeAcrossFileSystems() throws {
        // /dev/shm is another file system than the temporary folder on most Linux machines: the
        // kernel's copy_file_range may refuse, and the copy is read and written in chunks.
        try XCTSkipUnless(FileManager.default.fileExists(atPath: "/dev/shm"), "no /dev/shm")
        let source = "/dev/shm/writer-source-\(UUID().uuidString)"
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(bytes).write(to: URL(fileURLWithPath: source))
        defer { try? FileManager.default.removeItem(atPath: source) }
        let (folder, output) = try makeOutput()
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = try OutputWriter(output: output)
        try writer.copy(from: source, to: "images/a.jpg")
        try writer.commit()
        XCTAssertEqual(FileManager.default.contents(atPath: output.appendingPathComponent("images/a.jpg").path), Data(bytes))
    }

    private func makeOutput() throws -> (folder: URL, output: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (folder, folder.appendingPathComponent("Output"))
    }

    /// One full build of `files`, keeping each file whose bytes are already in the output.
    private func build(_ output: URL, _ files: [String: String]) throws {
        let writer = try OutputWriter(output: output)
        for (path, text) in files where !writer.keepIfSame(Array(text.utf8), at: path) {
            try writer.write(Array(text.utf8), to: path)
        }
        try writer.commit(keeping: Array(files.keys))
    }

    private func inode(_ url: URL) throws -> UInt64 {
        try XCTUnwrap((try FileManager.default.attributesOfItem(atPath: url.path))[.systemFileNumber] as? UInt64)
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
