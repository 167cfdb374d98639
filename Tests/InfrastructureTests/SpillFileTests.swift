import Foundation
import Infrastructure
import XCTest

final class SpillFileTests: XCTestCase {
    private func spill() throws -> SpillFile {
        try XCTUnwrap(SpillFile(in: FileManager.default.temporaryDirectory.path))
    }

    func testTextAppendedFromManyThreadsReadsBackAsWritten() throws {
        let spill = try spill()
        let texts = (0..<2_000).map { "Bài \($0): Hà Nội, đường phố — " + String(repeating: "ạ", count: $0 % 97) }
        let extents = ConcurrentMap.map(texts) { text in Array(text.utf8).withUnsafeBufferPointer { spill.append($0) } }
        for (text, extent) in zip(texts, extents) {
            XCTAssertEqual(spill.bytes(at: try XCTUnwrap(extent)), Array(text.utf8))
        }
        // Every byte claimed once: the extents tile the file without overlapping.
        let sorted = extents.compactMap { $0 }.sorted { $0.offset < $1.offset }
        for (before, after) in zip(sorted, sorted.dropFirst()) { XCTAssertEqual(before.offset + before.count, after.offset) }
    }

    func testTheFileIsUnlinkedAtOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let spill = try XCTUnwrap(SpillFile(in: folder.path))
        XCTAssertNotNil(Array("nội dung".utf8).withUnsafeBufferPointer { spill.append($0) })
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }

    func testNoSpillFileInAFolderThatDoesNotExist() {
        XCTAssertNil(SpillFile(in: "/nonexistent-\(UUID().uuidString)"))
    }

    func testSpilledTextReadsBackTheSameAndWithoutASpillStaysInMemory() throws {
        let spill = try spill()
        let text = SpillableText("<p>Giá vàng <a href=\"a.md\">tăng</a></p>")
        let spilled = text.spilled(to: spill)
        XCTAssertTrue(spilled.isSpilled)
        XCTAssertEqual(spilled.text, text.text)
        XCTAssertEqual(spilled.withUTF8 { Array($0) }, Array(text.text.utf8))
        XCTAssertFalse(text.spilled(to: nil).isSpilled)
        XCTAssertFalse(SpillableText("").spilled(to: spill).isSpilled, "nothing to write")
    }

    func testEditsOfSpilledTextAreKeptBesideItAndApplyAsInMemory() throws {
        let spill = try spill()
        let html = "<p>Đọc <a href=\"a.md\">bài A</a> và <img src=\"ảnh.png\"></p>"
        let bytes = Array(html.utf8)
        func range(of needle: String) -> Range<Int> {
            let found = bytes.firstRange(of: Array(needle.utf8))!
            return found.lowerBound..<found.upperBound
        }
        let edits = [SpillableText.Edit(range: range(of: "a.md"), replacement: "/2021/11/30/bai-a/"),
                     SpillableText.Edit(range: range(of: "ảnh.png"), replacement: "/thoi-su/anh.png")]
        let expected = "<p>Đọc <a href=\"/2021/11/30/bai-a/\">bài A</a> và <img src=\"/thoi-su/anh.png\"></p>"
        let spilled = SpillableText(html).spilled(to: spill).editing(edits)
        XCTAssertTrue(spilled.isSpilled, "edited where it is, not read back into memory")
        XCTAssertEqual(spilled.text, expected)
        XCTAssertEqual(spilled.withUTF8 { String(decoding: $0, as: UTF8.self) }, expected)
        XCTAssertEqual(spilled.bytes, Array(expected.utf8))
        let inMemory = SpillableText(html).editing(edits)
        XCTAssertFalse(inMemory.isSpilled)
        XCTAssertEqual(inMemory.text, expected)
        // Edits of edited text are made on the text as it reads.
        let again = spilled.editing([SpillableText.Edit(range: 0..<3, replacement: "<div>")])
        XCTAssertEqual(again.text, "<div>" + expected.dropFirst(3))
    }
}
