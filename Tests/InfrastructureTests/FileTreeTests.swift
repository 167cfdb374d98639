import Foundation
import Infrastructure
import XCTest

final class FileTreeTests: XCTestCase {
    func testListsFilesSortedSkipsHiddenAndReadsBytes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("filetree-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, text) in [("b/z.md", "zz"), ("a.md", "Hà"), ("_drafts/x.md", "x"), (".git/config", "c"), ("b/.hidden", "h")] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link.md").path, withDestinationPath: "a.md")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("loop").path, withDestinationPath: ".")

        let visible = FileTree.files(under: root.path, skipHidden: true)
        XCTAssertEqual(visible.map(\.path), ["a.md", "b/z.md", "link.md"])
        XCTAssertEqual(visible.map(\.size), [3, 2, 3])
        XCTAssertTrue(visible.allSatisfy { $0.modified > 0 })
        let all = FileTree.files(under: root.path, skipHidden: false)
        XCTAssertEqual(all.map(\.path), [".git/config", "_drafts/x.md", "a.md", "b/.hidden", "b/z.md", "link.md"])
        XCTAssertEqual(all.filter { !FileTree.isHidden($0.path) }.map(\.path), visible.map(\.path))
        XCTAssertEqual(all.map { FileTree.position(of: $0.path, in: all) }, Array(all.indices))
        XCTAssertNil(FileTree.position(of: "b/y.md", in: all))
        XCTAssertFalse(FileTree.isHidden("a_b/c.d.md"))
        XCTAssertEqual(FileTree.contents(of: root.appendingPathComponent("a.md").path), Array("Hà".utf8))
        XCTAssertNil(FileTree.contents(of: root.appendingPathComponent("missing").path))
    }

    func testAFileLongerThanItsStatedSizeIsReadWhole() throws {
        // Files under /proc state a size of 0 and hold more: what a file growing while it is read looks like.
        let status = try XCTUnwrap(FileTree.contents(of: "/proc/self/status"))
        XCTAssertTrue(String(decoding: status, as: UTF8.self).hasPrefix("Name:"))
        XCTAssertTrue(String(decoding: status, as: UTF8.self).contains("VmRSS:"))
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID().uuidString)")
        try Data().write(to: empty)
        defer { try? FileManager.default.removeItem(at: empty) }
        XCTAssertEqual(FileTree.contents(of: empty.path), [])
    }

    func testHugoSectionIndexesAreContentAndOtherUnderscoreNamesAreNot() {
        XCTAssertFalse(FileTree.isIgnoredContent("_index.md"))
        XCTAssertFalse(FileTree.isIgnoredContent("blog/_index.md"))
        XCTAssertFalse(FileTree.isIgnoredContent("blog/post.md"))
        XCTAssertTrue(FileTree.isIgnoredContent("_data/x.md"))
        XCTAssertTrue(FileTree.isIgnoredContent("blog/_notes.md"))
        XCTAssertTrue(FileTree.isIgnoredContent(".git/_index.md"))
    }

    func testContentHashIsStableAndSeesEveryByte() {
        let text = Array(String(repeating: "Chuyển đổi số ", count: 40).utf8)
        XCTAssertEqual(ContentHash.of(text), ContentHash.of(text[...]))
        for index in [0, 31, 32, 200, text.count - 1] {
            var changed = text
            changed[index] ^= 1
            XCTAssertNotEqual(ContentHash.of(changed), ContentHash.of(text), "byte \(index)")
        }
        XCTAssertNotEqual(ContentHash.of([UInt8]()), ContentHash.of([0]))
    }
}
