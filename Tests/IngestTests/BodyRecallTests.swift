import Foundation
import XCTest
@testable import Ingest

/// Article text that the body search used to lose: text kept inside a form, in an aside that holds the
/// article, or in a page that an unclosed element in `<noscript>` swallowed; and letters written
/// decomposed, which a search for the composed ones did not find.
final class BodyRecallTests: XCTestCase {
    func extract(_ html: String) throws -> ExtractedPage {
        try HTMLExtractor().extract(Array(html.utf8), pageURL: nil, defaultTimeZone: TimeZone(identifier: "UTC")!)
    }

    /// Paragraphs of prose about a lighthouse, numbered from `first` to `last`.
    static func prose(_ first: Int, _ last: Int) -> String {
        (first...last).map { index in
            "<p>Part \(index) of the lighthouse story: the keeper, the storm of the winter, the supply boat, and "
                + "the long repairs to the lamp, which took the village, the council and the engineers a whole year.</p>"
        }.joined(separator: "\n")
    }

    func testProseInsideAFormIsKept() throws {
        let page = try extract("""
            <html><head><title>The lighthouse</title></head><body>
            <div class="story">
            \(Self.prose(1, 3))
            <form action="/cart" method="post">\(Self.prose(4, 6))<input type="submit" value="Add to basket"></form>
            </div></body></html>
            """)
        XCTAssertTrue(page.text.contains("Part 1 of the lighthouse story"), page.text)
        XCTAssertTrue(page.text.contains("Part 6 of the lighthouse story"), page.text)
        XCTAssertFalse(page.text.contains("Add to basket"), page.text)
    }

    func testAnAsideThatHoldsTheArticleStays() throws {
        let page = try extract("""
            <html><head><title>The lighthouse</title></head><body>
            <main><aside class="direct-content"><section><h1>The lighthouse</h1>
            <article>\(Self.prose(1, 4))</article>
            <footer><a href="/print">Print this page</a></footer>
            </section></aside></main>
            <aside><p>Our newsletter brings the coast's news to you every morning, for free, by e-mail.</p></aside>
            </body></html>
            """)
        XCTAssertTrue(page.text.contains("Part 1 of the lighthouse story"), page.text)
        XCTAssertTrue(page.text.contains("Part 4 of the lighthouse story"), page.text)
        XCTAssertFalse(page.text.contains("Print this page"), page.text)
        XCTAssertFalse(page.text.contains("newsletter"), page.text)
    }

    func testAPageSwallowedByAnUnclosedElementInNoscriptIsRead() throws {
        let page = try extract("""
            <html><head><title>The lighthouse</title></head><body>
            <noscript><div class="no-script-warning"></noscript>
            <div class="page"><div class="story">\(Self.prose(1, 4))</div></div>
            </body></html>
            """)
        XCTAssertTrue(page.text.contains("Part 1 of the lighthouse story"), page.text)
        XCTAssertTrue(page.text.contains("Part 4 of the lighthouse story"), page.text)
    }

    func testAShortNoscriptStillGoes() throws {
        let page = try extract("""
            <html><head><title>The lighthouse</title></head><body>
            <div class="story">\(Self.prose(1, 4))<noscript><p>Please turn on JavaScript to see the map.</p></noscript></div>
            </body></html>
            """)
        XCTAssertTrue(page.text.contains("Part 4 of the lighthouse story"), page.text)
        XCTAssertFalse(page.text.contains("JavaScript"), page.text)
    }

    func testDecomposedLettersComeOutComposed() throws {
        // "Tiếng Việt" with its tones written as combining marks after the base letters.
        let decomposed = "Tie\u{302}\u{301}ng Vie\u{323}\u{302}t"
        let composed = Array("Ti\u{1EBF}ng Vi\u{1EC7}t".utf8)
        let page = try extract("""
            <html><head><title>The lighthouse</title></head><body>
            <div class="story"><p>\(decomposed) is spoken in the village.</p>\(Self.prose(1, 4))</div>
            </body></html>
            """)
        // Compared as bytes: `String` itself would find the two forms equal.
        XCTAssertNotNil(Array(page.text.utf8).firstRange(of: composed), page.text)
        XCTAssertNotNil(Array(page.html.utf8).firstRange(of: composed), page.html)
    }
}
