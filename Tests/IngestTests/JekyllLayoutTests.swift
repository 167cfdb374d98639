import Foundation
import Infrastructure
import Ingest
import XCTest

/// Jekyll's `_posts/` and `_drafts/`, and `published: false`.
final class JekyllLayoutTests: XCTestCase {
    private let reader = MarkdownReader(timeZone: TimeZone(identifier: "UTC")!)

    private func read(_ path: String, _ text: String, lastChanged: Int64? = nil) -> SourceDocument {
        reader.read(Array(text.utf8), path: path, lastChanged: lastChanged)
    }

    func testAPostTakesItsDateAndTitleFromItsFileName() {
        let document = read("_posts/2022-03-04-my-first-post.md", "---\nlayout: post\n---\nText.\n")
        XCTAssertEqual(document.title, "My First Post")
        XCTAssertEqual(document.date?.date, ISO8601DateFormatter().date(from: "2022-03-04T00:00:00Z"))
        XCTAssertFalse(document.draft)
    }

    func testATitleInFrontMatterWins() {
        XCTAssertEqual(read("_posts/2022-03-04-slug.md", "---\ntitle: Written\n---\n").title, "Written")
    }

    func testAFileInDraftsIsADraftDatedByItsLastChange() {
        let document = read("news/_drafts/idea.md", "Text.\n", lastChanged: 1_646_352_000 * 1_000_000_000)
        XCTAssertTrue(document.draft)
        XCTAssertEqual(document.title, "Idea")
        XCTAssertEqual(document.date?.date, Date(timeIntervalSince1970: 1_646_352_000))
    }

    func testPublishedFalseIsADraft() {
        XCTAssertTrue(read("_posts/2022-03-04-x.md", "---\ntitle: X\npublished: false\n---\n").draft)
        XCTAssertFalse(read("_posts/2022-03-04-x.md", "---\ntitle: X\npublished: true\n---\n").draft)
    }

    func testOnlyJekyllsFoldersOfUnderscoreNamesAreContent() {
        XCTAssertFalse(FileTree.isIgnoredContent("_posts/2022-03-04-x.md"))
        XCTAssertFalse(FileTree.isIgnoredContent("news/_drafts/x.md"))
        XCTAssertTrue(FileTree.isIgnoredContent("_data/x.md"))
        XCTAssertTrue(FileTree.isIgnoredContent("_posts/_notes.md"))
        XCTAssertTrue(FileTree.isIgnoredContent("_layouts/post.html"))
    }
}
