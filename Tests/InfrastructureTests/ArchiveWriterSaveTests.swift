import Foundation
import Infrastructure
import XCTest

final class ArchiveWriterSaveTests: XCTestCase {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("archive-save-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testTheFileHoldsTheArchiveAndNothingIsLeftBeside() throws {
        let folder = try folder()
        let path = folder.appendingPathComponent("graph.bin").path
        try Data("an older, longer archive that must be replaced whole".utf8).write(to: URL(fileURLWithPath: path))
        var writer = ArchiveWriter()
        writer.count(300)
        writer.string("Hà Nội")
        writer.strings(["a", "b"])
        XCTAssertTrue(writer.save(to: path))
        XCTAssertEqual(FileTree.contents(of: path), writer.bytes)
        var reader = ArchiveReader(FileTree.contents(of: path)!)
        XCTAssertEqual(try reader.count(), 300)
        XCTAssertEqual(try reader.string(), "Hà Nội")
        XCTAssertEqual(try reader.strings(), ["a", "b"])
        XCTAssertTrue(reader.isAtEnd)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["graph.bin"])
    }

    func testAFolderThatIsNotThereLeavesNoFileAndSaysSo() throws {
        let path = try folder().appendingPathComponent("missing/graph.bin").path
        var writer = ArchiveWriter()
        writer.string("x")
        XCTAssertFalse(writer.save(to: path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    func testAMappedFileReadsAsItWasSavedEvenAfterANewOneReplacesIt() throws {
        let path = try folder().appendingPathComponent("graph.bin").path
        var first = ArchiveWriter()
        first.string("Hà Nội")
        first.count(7)
        XCTAssertTrue(first.save(to: path))
        var reader = try XCTUnwrap(ArchiveReader(mapping: path))
        var part = try reader.part(length: reader.remainingCount)
        var second = ArchiveWriter()
        second.string("a longer archive saved over the first one")
        XCTAssertTrue(second.save(to: path))
        XCTAssertEqual(try part.string(), "Hà Nội", "the mapping keeps the file it was made from")
        XCTAssertEqual(try part.count(), 7)
        XCTAssertTrue(part.isAtEnd)
    }

    func testAnEmptyFileIsAnEmptyArchiveAndAMissingOneNone() throws {
        let folder = try folder()
        let empty = folder.appendingPathComponent("empty.bin").path
        XCTAssertTrue(FileManager.default.createFile(atPath: empty, contents: Data()))
        var reader = try XCTUnwrap(ArchiveReader(mapping: empty))
        XCTAssertTrue(reader.isAtEnd)
        XCTAssertThrowsError(try reader.count())
        XCTAssertNil(ArchiveReader(mapping: folder.appendingPathComponent("missing.bin").path))
        XCTAssertNil(ArchiveReader(mapping: folder.path), "a folder is no archive")
    }
}
