import Foundation
import XCTest
@testable import Ingest

/// Article text that the body search used to lose: text kept inside a form, in an aside that holds the
/// article, or in a page that an unclosed element in `<noscript>` swallowed; the lead a page sets in a
/// block of its own before the article; and letters written decomposed, which a search for the
/// composed ones did not find.
final class BodyRecallTests: XCTestCase {
    func extract(_ html: String) throws -> ExtractedPage {
        try HTMLExtractor().extract(Array(html.utf8), pageURL: nil, defaultTimeZone: TimeZone(identifier: "UTC")!)
    }

    /// Paragraphs of prose about a lighthouse, numbered from `first` to `last`.
    /// Asserts that the text holds the first and last parts of the story and none of `dropped`.
    func assertKeeps(_ page: ExtractedPage, story parts: ClosedRange<Int>, dropping dropped: [String], line: UInt = #line) {
        for part in [parts.lowerBound, parts.upperBound] {
            XCTAssertTrue(page.text.contains("Part \(part) of the lighthouse story"), page.text, line: line)
        }
        for text in dropped { XCTAssertFalse(page.text.contains(text), page.text, line: line) }
    }

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
        assertKeeps(page, story: 1...6, dropping: ["Add to basket"])
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
        assertKeeps(page, story: 1...4, dropping: ["Print this page", "newsletter"])
    }

    func testAPageSwallowedByAnUnclosedElementInNoscriptIsRead() throws {
        let page = try extract("""
            <html><head><title>The lighthouse</title></head><body>
            <noscript><div class="no-script-warning"></noscript>
            <div class="page"><div class="story">\(Self.prose(1, 4))</div></div>
            </body></html>
            """)
        assertKeeps(page, story: 1...4, dropping: [])
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

    func testTheLeadSetApartBeforeTheArticleIsKept() throws {
        let page = try extract("""
            <html><head><title>The lighthouse</title></head><body>
            <div class="page"><div class="intro">
            <div class="crumbs"><a href="/">Home</a> » <a href="/coast">Coast</a></div>
            <h1>The lighthouse</h1>
            <div class="standfirst"><p>After a winter of storms and a year of repairs, the old lighthouse on the point \
            shines again, and the keeper has a story to tell about it.</p></div>
            </div>
            <div class="body"><div class="text">\(Self.prose(1, 4))</div></div>
            </div></body></html>
            """)
        XCTAssertTrue(page.text.hasPrefix("After a winter of storms"), page.text)
        XCTAssertTrue(page.text.contains("Part 4 of the lighthouse story"), page.text)
        XCTAssertFalse(page.text.contains("Home"), page.text)
    }

    /// The texts of the lead `BodyPass` finds before the `div` of class `text` in `html`.
    func lead(_ html: String) throws -> [String] {
        let document = try HTMLDocument(bytes: Array(html.utf8), url: nil, encoding: "UTF-8")
        let top = try XCTUnwrap(document.elements("div").first { $0.attribute("class") == "text" })
        let pass = BodyPass(document: document, flags: .all, articleTitle: "", hasMetadataByline: false)
        return pass.lead(before: top).map { TextMeasure.innerText($0) }
    }

    static let teaser = "<p>The harbour master retires after forty years at the quay, and the town plans a party for him "
        + "in the old boat shed.</p>"

    func testOneParagraphBeforeTheArticleIsItsLeadAndThreeAreNot() throws {
        XCTAssertEqual(try lead("<div class='top'>\(Self.teaser)</div><div class='text'></div>").count, 1)
        let three = String(repeating: Self.teaser, count: 3)
        XCTAssertEqual(try lead("<div class='more'>\(three)</div><div class='body'><div class='text'></div></div>"), [])
    }

    func testALinkOrACaptionIsNoLead() throws {
        let caption = "<figure><img src='a.jpg'><figcaption>\(Self.teaser)</figcaption></figure>"
        XCTAssertEqual(try lead("<div>\(caption)</div><div class='text'></div>"), [])
        let link = "<p><a href='/b'>The harbour master retires after forty years at the quay, and the town plans a "
            + "party for him.</a></p>"
        XCTAssertEqual(try lead("<div>\(link)</div><div class='text'></div>"), [])
    }

    func testACookieBannerIsNotTakenForTheArticle() throws {
        let banner = "<p>We use cookies, pixels, local storage and similar tools to run this site, to measure its use, to "
            + "show you offers, to remember your choices, and, with your consent, to share data with partners, "
            + "advertisers, analysts and social networks, as our privacy policy, which you can read, explains.</p>"
        let page = try extract("""
            <html><head><title>The lighthouse</title></head><body>
            <div class="cookie-notice"><div class="cookie-text">\(String(repeating: banner, count: 4))</div></div>
            <div class="story">\((1...4).map { "<div>\(Self.prose($0, $0))</div>" }.joined())</div>
            </body></html>
            """)
        XCTAssertTrue(page.text.contains("Part 4 of the lighthouse story"), page.text)
        XCTAssertFalse(page.text.contains("cookies"), page.text)
    }

    func testTheParagraphsAroundALongTableAreKeptWithIt() throws {
        // One row of three cells, each a long list of names: the row outscores the paragraphs.
        let cell = "<td>" + (1...40).map { "Signer \($0), Harbour Street<br>" }.joined() + "</td>"
        let page = try extract("""
            <html><head><title>The lighthouse</title></head><body>
            <div class="letter">\(Self.prose(1, 3))
            <table><tbody><tr>\(cell)\(cell)\(cell)</tr><tr><td>In the order the letters came in.</td></tr></tbody></table>
            </div></body></html>
            """)
        XCTAssertTrue(page.text.contains("Part 1 of the lighthouse story"), page.text)
        XCTAssertTrue(page.text.contains("Signer 40, Harbour Street"), page.text)
    }

    func testBlocksOfTheTopCandidatesKindAreGatheredThoughTheirTextLiesDeep() throws {
        // Each post's text lies six levels below the post, too deep for the post to be scored.
        func post(_ index: Int, _ text: String) -> String {
            "<article class='post'><div><div><div><div><div><div>\(text)</div></div></div></div></div></div></article>"
        }
        let first = post(1, Self.prose(1, 4))
        let replies = (2...4).map { index in
            post(index, "<p>Reply \(index): the keeper's lamp burned whale oil, then paraffin, until the cable came.</p>")
        }
        let page = try extract("""
            <html><head><title>The lighthouse</title></head><body>
            <div class="thread">\(first)\(replies.joined())</div>
            </body></html>
            """)
        XCTAssertTrue(page.text.contains("Part 1 of the lighthouse story"), page.text)
        XCTAssertTrue(page.text.contains("Reply 4: the keeper's lamp"), page.text)
    }

    func testAnUnlikelyClassOnTheRootElementDoesNotEmptyThePage() throws {
        let page = try extract("""
            <html class="js with-banner header--big"><head><title>The lighthouse</title></head><body>
            <div class="tagline"><p>The coast's own paper since 1901</p></div>
            <main><article><div class="text">\(Self.prose(1, 4))</div></article></main>
            <div class="site-links"><a href="/about">About us</a> <a href="/contact">Contact</a></div>
            </body></html>
            """)
        XCTAssertTrue(page.text.hasPrefix("Part 1 of the lighthouse story"), page.text)
        XCTAssertFalse(page.text.contains("The coast's own paper"), page.text)
    }

    func testALeadSetAsAHeadingBecomesAParagraph() throws {
        let page = try extract("""
            <html><head><title>The lighthouse</title></head><body><article>
            <h1>The lighthouse</h1>
            <h2 class="standfirst">After a winter of storms and a year of repairs, the old lighthouse on the point shines \
            again, and the keeper has a story to tell.</h2>
            <div class="text">\(Self.prose(1, 4))</div>
            </article></body></html>
            """)
        XCTAssertTrue(page.text.hasPrefix("After a winter of storms"), page.text)
        XCTAssertTrue(page.html.contains("<p>After a winter of storms"), page.html)
    }
}
