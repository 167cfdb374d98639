import Foundation
import Infrastructure
import Ingest
import XCTest

/// cmark-gfm 0.29 keeps the inline parser's special-character table in a process-wide array that
/// the strikethrough and autolink extensions edit while a parser runs (github/cmark-gfm #176, #221).
/// These tests render documents that use every GFM extension on every core and compare each result
/// with the same document rendered alone.
final class MarkdownConcurrencyTests: XCTestCase {
    private let reader = MarkdownReader(timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)

    /// A document that uses tables, strikethrough, autolinks, task lists, footnotes and the tag
    /// filter; `index` makes each one different so a mix-up between documents would show too.
    private func document(_ index: Int) -> [UInt8] {
        let markdown = """
        ---
        title: Bài \(index)
        ---
        Giá cũ ~~\(index)%~~ nay còn ~\(index + 1)%~, xem https://example.org/\(index) hoặc www.example.com/\(index).

        | Năm | Số hồ sơ | ~~Tỷ lệ~~ |
        |---|---:|:---:|
        | 2021 | \(index * 7) | ~~91%~~ https://a.example/\(index) |
        | 2022 | \(index * 11) | 95% |

        - [x] xong \(index)
        - [ ] chưa ~~làm~~

        Một câu có chú thích[^\(index)] và thư ai@example.com.

        <script>alert(\(index))</script> <textarea>x</textarea>

        [^\(index)]: Chú thích ~~số~~ \(index), https://b.example/\(index).

        """
        return Array(markdown.utf8)
    }

    func testDocumentsRenderedOnEveryCoreMatchTheSameDocumentsRenderedAlone() {
        let reader = self.reader
        let documents = (0..<300).map(document)
        let alone = documents.enumerated().map { index, bytes in reader.read(bytes, path: "\(index).md").bodyHTML }
        XCTAssertTrue(alone.allSatisfy { $0.contains("<del>") && $0.contains("<a href=\"https://example.org/") },
                      "the reference renders must use the extensions")
        for round in 0..<40 {
            let together = ConcurrentMap.map(Array(documents.enumerated())) { index, bytes in
                reader.read(bytes, path: "\(index).md").bodyHTML
            }
            let differing = zip(alone, together).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
            XCTAssertEqual(differing, [], "round \(round): documents rendered differently on every core")
            if !differing.isEmpty { return }
        }
    }
}
