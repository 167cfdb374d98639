import Foundation
import XCTest
@testable import Ingest

/// Where the article stops: the trailing blocks of the body that are page furniture go, the text stays.
final class ArticleEndTests: XCTestCase {
    func extract(_ html: String) throws -> ExtractedPage {
        try HTMLExtractor().extract(Array(html.utf8), pageURL: nil, defaultTimeZone: TimeZone(identifier: "UTC")!)
    }

    /// An article of a few paragraphs followed by `tail`, all in one container.
    func page(_ tail: String) -> String {
        let paragraphs = (1...4).map { index in
            "<p>Paragraph \(index) of the harbour story tells how the town council, the ferry operators and the "
                + "fishermen argued for a year about the new pier, its cost, and who would pay for the repairs.</p>"
        }.joined(separator: "\n")
        return """
            <html><head><title>The harbour story</title></head><body>
            <div class="story">\(paragraphs)
            <p>The last paragraph says the pier opens in spring, weather permitting, after the final inspection.</p>
            \(tail)
            </div></body></html>
            """
    }

    func assertKeepsTheArticle(_ page: ExtractedPage, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(page.text.contains("Paragraph 1 of the harbour story"), page.text, file: file, line: line)
        XCTAssertTrue(page.text.contains("the pier opens in spring"), page.text, file: file, line: line)
    }

    func testATrailingListOfLinksGoes() throws {
        let result = try extract(page("""
            <div><div><ul>
              <li><a href="/a">A new bakery opens on the market square</a></li>
              <li><a href="/b">The school choir wins a regional prize</a></li>
              <li><a href="/c">Road works on the coast road until May</a></li>
            </ul></div></div>
            """))
        assertKeepsTheArticle(result)
        XCTAssertFalse(result.text.contains("bakery"), result.text)
        XCTAssertFalse(result.text.contains("choir"), result.text)
    }

    func testALastLineMostlyOfLinksGoes() throws {
        let result = try extract(page("""
            <p>Photos and plans of the pier: <a href="/gallery">the pier gallery, plans and drawings</a></p>
            """))
        assertKeepsTheArticle(result)
        XCTAssertFalse(result.text.contains("pier gallery"), result.text)
    }

    func testABoxUnderACueHeadingGoes() throws {
        let result = try extract(page("""
            <div><h3>Lesen Sie auch</h3>
              <p>Wie ein kleiner Hafen im Norden seine Fähre rettete und warum die Gemeinde dafür zahlte.</p></div>
            """))
        assertKeepsTheArticle(result)
        XCTAssertFalse(result.text.contains("Lesen Sie auch"), result.text)
        XCTAssertFalse(result.text.contains("Fähre rettete"), result.text)
    }

    func testABlockNamedForANewsletterGoes() throws {
        let result = try extract(page("""
            <div class="newsletter-box"><p>Get the best stories of the week in your inbox every Friday morning.</p>
              <p>One email a week, no spam.</p></div>
            """))
        assertKeepsTheArticle(result)
        XCTAssertFalse(result.text.contains("inbox"), result.text)
    }

    func testAHeadingLeftLastGoes() throws {
        let result = try extract(page("<h3>Our partners</h3>"))
        assertKeepsTheArticle(result)
        XCTAssertFalse(result.text.contains("Our partners"), result.text)
    }

    func testAHeadingWrappedInAParagraphLeftLastGoes() throws {
        let result = try extract(page("<p><h2>Elsewhere in the region</h2></p>"))
        assertKeepsTheArticle(result)
        XCTAssertFalse(result.text.contains("Elsewhere in the region"), result.text)
    }

    func testABlockNamedForFurnitureThatHoldsTheArticleIsWalkedInto() throws {
        let html = page("<div><h3>Our partners</h3></div>")
            .replacingOccurrences(of: "<div class=\"story\">", with: "<div class=\"story\"><div class=\"promo-wrap\">")
            .replacingOccurrences(of: "</div></body>", with: "</div></div></body>")
        let result = try extract(html)
        assertKeepsTheArticle(result)
        XCTAssertFalse(result.text.contains("Our partners"), result.text)
    }

    func testALinkStandingAsABlockGoes() throws {
        let result = try extract(page("<div><a class=\"button\" href=\"/stories\">More harbour stories</a></div>"))
        assertKeepsTheArticle(result)
        XCTAssertFalse(result.text.contains("More harbour stories"), result.text)
    }

    func testALabelWithNothingAfterItGoes() throws {
        let result = try extract(page("<p>Information for visitors:</p>"))
        assertKeepsTheArticle(result)
        XCTAssertFalse(result.text.contains("Information for visitors"), result.text)
    }

    func testALabelWhoseLinksWereCutStays() throws {
        let result = try extract(page("""
            <p>The council's notices:</p>
            <ul><li><a href="/n1">Notice 12 of 3 March on the pier works</a></li>
              <li><a href="/n2">Notice 14 of 9 March on the ferry timetable</a></li></ul>
            """))
        assertKeepsTheArticle(result)
        XCTAssertTrue(result.text.contains("The council's notices:"), result.text)
    }

    /// The article's paragraphs in a `div.text` of their own, followed by `tail` in the same container.
    func splitPage(_ tail: String) -> String {
        page("").replacingOccurrences(of: "<div class=\"story\">", with: "<div class=\"story\"><div class=\"text\">")
            .replacingOccurrences(of: "weather permitting, after the final inspection.</p>",
                                  with: "weather permitting, after the final inspection.</p></div>\(tail)")
    }

    func testANoteAfterTheArticlesWrapperGoes() throws {
        let result = try extract(splitPage("<p class=\"note\">Opinions in guest columns are the authors' own.</p>"))
        assertKeepsTheArticle(result)
        XCTAssertFalse(result.text.contains("guest columns"), result.text)
    }

    func testTheLastPartOfAnArticleSplitByAnAdvertisementStays() throws {
        let result = try extract(splitPage("<div class=\"text\"><p>The mayor will cut the ribbon.</p></div>"))
        assertKeepsTheArticle(result)
        XCTAssertTrue(result.text.contains("The mayor will cut the ribbon."), result.text)
    }

    func testAShortLineAskingToSignUpWithALinkGoes() throws {
        let result = try extract(page("""
            <p>Want more stories like this one every week? Sign up for the free weekly edition <a href="/signup">here</a>.</p>
            """))
        assertKeepsTheArticle(result)
        XCTAssertFalse(result.text.contains("weekly edition"), result.text)
    }

    func testALastSentenceUsingACueWordWithoutALinkStays() throws {
        let result = try extract(page("<p>The fishermen say they will share the cost of the new crane.</p>"))
        assertKeepsTheArticle(result)
        XCTAssertTrue(result.text.contains("share the cost"), result.text)
    }

    func testAHeadingThatIsASentenceStays() throws {
        let result = try extract(page("<h4>The ferry will run again once the pier is finished.</h4>"))
        assertKeepsTheArticle(result)
        XCTAssertTrue(result.text.contains("The ferry will run again"), result.text)
    }

    func testALinkTheLastSentenceAnnouncesStays() throws {
        let result = try extract(page("""
            <p>Everyone who wants the pier finished this year can sign the council's petition at this address:</p>
            <p><a href="https://petition.example/pier">https://petition.example/pier</a></p>
            """))
        assertKeepsTheArticle(result)
        XCTAssertTrue(result.text.contains("https://petition.example/pier"), result.text)
    }

    func testAListOfSourceAddressesStays() throws {
        let result = try extract(page("""
            <h3>Sources</h3>
            <ul><li><a href="https://council.example/minutes">https://council.example/minutes</a></li>
              <li><a href="https://ferry.example/timetable">https://ferry.example/timetable</a></li></ul>
            """))
        assertKeepsTheArticle(result)
        XCTAssertTrue(result.text.contains("https://ferry.example/timetable"), result.text)
    }

    func testAListIsJudgedWholeNotByItsLastItem() throws {
        let result = try extract(page("""
            <ul><li>The council pays for the pier itself, the ferry operators for the new waiting room.</li>
              <li>The fishermen keep their moorings free of charge for the first two years.</li>
              <li><a href="/pier-plan">The pier plan</a></li></ul>
            """))
        assertKeepsTheArticle(result)
        XCTAssertTrue(result.text.contains("The pier plan"), result.text)
    }

    func testACommentSectionUnderItsLabelGoes() throws {
        let result = try extract(page("""
            <p>Kommentare</p>
            <div><p>Anna, 12 May: What a good story, I remember the old pier from my childhood and the ferry too.</p></div>
            <div><p>Ben, 13 May: The council should have asked the fishermen much earlier, in my opinion.</p></div>
            """))
        assertKeepsTheArticle(result)
        XCTAssertFalse(result.text.contains("Kommentare"), result.text)
        XCTAssertFalse(result.text.contains("childhood"), result.text)
        XCTAssertFalse(result.text.contains("in my opinion"), result.text)
    }

    func testAnAuthorsBoxUnderItsLabelGoes() throws {
        let result = try extract(page("""
            <p>About the author</p>
            <div><p>Jane Roe has written about harbours, ferries and the people who run them since 2010.</p></div>
            """))
        assertKeepsTheArticle(result)
        XCTAssertFalse(result.text.contains("About the author"), result.text)
        XCTAssertFalse(result.text.contains("Jane Roe"), result.text)
    }

    func testAPressContactUnderItsLabelGoes() throws {
        let result = try extract(page("""
            <p>Pressekontakt:</p>
            <p>Hafenamt Nordstadt, Pressestelle, Kaistraße 4, Telefon 0400 123 456, presse@hafenamt.example</p>
            """))
        assertKeepsTheArticle(result)
        XCTAssertFalse(result.text.contains("Pressekontakt"), result.text)
        XCTAssertFalse(result.text.contains("Kaistraße"), result.text)
    }

    func testABoxNamedForTheAuthorGoes() throws {
        let result = try extract(page("""
            <div class="autor-box"><p>Max Muster ist Redakteur im Ressort Küste.</p><p>Er schreibt über Häfen.</p></div>
            """))
        assertKeepsTheArticle(result)
        XCTAssertFalse(result.text.contains("Max Muster"), result.text)
    }

    func testProseAfterARelatedLabelStays() throws {
        let result = try extract(page("""
            <p>See also</p>
            <p>The ferry company, for its part, says the timetable stays as it is until the pier is finished.</p>
            """))
        assertKeepsTheArticle(result)
        XCTAssertTrue(result.text.contains("The ferry company, for its part"), result.text)
    }

    func testLinksBeforeTheLastParagraphStay() throws {
        let html = page("").replacingOccurrences(of: "<p>The last paragraph", with: """
            <ul><li><a href="/minutes">Council minutes, March</a></li><li><a href="/plan">The pier plan</a></li></ul>
            <p>The last paragraph
            """)
        let result = try extract(html)
        assertKeepsTheArticle(result)
        XCTAssertTrue(result.text.contains("The pier plan"), result.text)
    }
}
