import Foundation
@testable import Ingest
import XCTest

final class TextDecodingTests: XCTestCase {
    private let text = "---\ntitle: Chuyển đổi số\ndate: 2021-11-30\n---\nTiếng Việt có dấu.\n"

    func testUTF16WithAByteOrderMarkIsReadAndSaid() throws {
        for littleEndian in [true, false] {
            var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
            for unit in text.utf16 { bytes += littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
            let document = MarkdownReader(timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!).read(bytes, path: "a.md")
            XCTAssertEqual(document.title, "Chuyển đổi số")
            XCTAssertEqual(document.diagnostics.map(\.code), ["file.encoding"])
            XCTAssertEqual(document.diagnostics.first?.severity, .warning)
        }
    }

    func testAUTF8ByteOrderMarkIsDropped() {
        let document = MarkdownReader(timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!).read([0xEF, 0xBB, 0xBF] + Array(text.utf8), path: "a.md")
        XCTAssertEqual(document.title, "Chuyển đổi số")
        XCTAssertEqual(document.diagnostics, [])
    }

    func testAUTF8FileWithAStrayByteKeepsItsLetters() {
        let bytes = Array("---\ntitle: \"Café in Zürich\"\ndate: 2021-11-30\n---\nBody ".utf8) + [0xFF] + Array(" here.\n".utf8)
        let document = MarkdownReader(timeZone: TimeZone(identifier: "UTC")!).read(bytes, path: "a.md")
        XCTAssertEqual(document.title, "Café in Zürich")
        XCTAssertEqual(document.diagnostics.map(\.code), ["file.encoding"])
        XCTAssertEqual(document.diagnostics.first?.line, 5)
    }

    func testWindows1258IsReadAsVietnameseWithComposedLetters() throws {
        // "Tiếng Việt" in Windows-1258: e + circumflex (0xEA), then the acute tone as a combining mark (0xEC).
        let bytes: [UInt8] = Array("---\ntitle: Ti".utf8) + [0xEA, 0xEC] + Array("ng Vi".utf8) + [0xEA, 0xF2] + Array("t\ndate: 2021-11-30\n---\nx\n".utf8)
        let document = MarkdownReader(timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!, legacyEncoding: "WINDOWS-1258").read(bytes, path: "a.md")
        XCTAssertEqual(document.title, "Tiếng Việt")
        XCTAssertEqual(document.title?.unicodeScalars.count, 10, "tones composed into the letters")
        XCTAssertEqual(document.diagnostics.map(\.code), ["file.encoding"])
    }
}
