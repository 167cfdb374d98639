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

    func testListingLeavesExcludedTopNamesOutAndItsStampSeesEveryFile() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("filetree-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        // Folders of different sizes, so that they are listed out of name order.
        var paths = ["_site/index.html", "notes.txt", "a/x.md", "b/c/y.md"]
        paths += (0..<40).map { "big/\($0).md" }
        for path in paths {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(path.utf8).write(to: url)
        }
        let whole = FileTree.listing(under: root.path, skipHidden: false, linksWithin: nil)
        XCTAssertEqual(whole.files.map(\.path), paths.sorted())
        let kept = FileTree.listing(under: root.path, skipHidden: false, linksWithin: nil, excluding: ["_site", "notes.txt"])
        XCTAssertEqual(kept.files.map(\.path), paths.filter { !$0.hasPrefix("_site/") && $0 != "notes.txt" }.sorted())
        XCTAssertNotEqual(kept.stamp, whole.stamp)
        XCTAssertEqual(FileTree.listing(under: root.path, skipHidden: false, linksWithin: nil).stamp, whole.stamp)

        // A file written again with other bytes of the same length changes the stamp by its time;
        // one that grows, by its size.
        let file = root.appendingPathComponent("big/7.md")
        try Data("big/7.mX".utf8).write(to: file)
        let rewritten = FileTree.listing(under: root.path, skipHidden: false, linksWithin: nil)
        XCTAssertEqual(rewritten.files.map(\.path), whole.files.map(\.path))
        XCTAssertNotEqual(rewritten.stamp, whole.stamp)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1)], ofItemAtPath: file.path)
        XCTAssertNotEqual(FileTree.listing(under: root.path, skipHidden: false, linksWithin: nil).stamp, rewritten.stamp)
    }

    func testListingIsInTheOrderOfStringComparisonForASCIIAndOtherNames() throws {
        for names in [["a.md", "a-b.md", "a/b.md", "a/a.md", "ab.md", "B.md", "sec/x10.md", "sec/x9.md"],
                      ["é.md", "e\u{301}x.md", "f.md", "thời-sự/b.md", "thời-sự/a.md", "thoi-su/a.md", "z.md"]] {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("filetree-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            for name in names {
                let url = root.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(name.utf8).write(to: url)
            }
            let listed = FileTree.files(under: root.path, skipHidden: false).map(\.path)
            XCTAssertEqual(listed, listed.sorted())
            XCTAssertEqual(listed.count, names.count)
        }
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
