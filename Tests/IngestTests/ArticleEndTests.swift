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

    /// Extracts `html` and asserts that the article is kept whole, that each of `dropped` is gone from
    /// its text and that each of `kept` is there.
    func assertEnd(of html: String, drops dropped: [String] = [], keeps kept: [String] = [],
                   file: StaticString = #filePath, line: UInt = #line) throws {
        let page = try extract(html)
        for text in ["Paragraph 1 of the harbour story", "the pier opens in spring"] + kept {
            XCTAssertTrue(page.text.contains(text), page.text, file: file, line: line)
        }
        for text in dropped { XCTAssertFalse(page.text.contains(text), page.text, file: file, line: line) }
    }

    func testATrailingListOfLinksGoes() throws {
        try assertEnd(of: page("""
            <div><div><ul>
              <li><a href="/a">A new bakery opens on the market square</a></li>
              <li><a href="/b">The school choir wins a regional prize</a></li>
              <li><a href="/c">Road works on the coast road until May</a></li>
            </ul></div></div>
            """), drops: ["bakery", "choir"])
    }

    func testALastLineMostlyOfLinksGoes() throws {
        try assertEnd(of: page("""
            <p>Photos and plans of the pier: <a href="/gallery">the pier gallery, plans and drawings</a></p>
            """), drops: ["pier gallery"])
    }

    func testABoxUnderACueHeadingGoes() throws {
        try assertEnd(of: page("""
            <div><h3>Lesen Sie auch</h3>
              <p>Wie ein kleiner Hafen im Norden seine Fähre rettete und warum die Gemeinde dafür zahlte.</p></div>
            """), drops: ["Lesen Sie auch", "Fähre rettete"])
    }

    func testABlockNamedForANewsletterGoes() throws {
        try assertEnd(of: page("""
            <div class="newsletter-box"><p>Get the best stories of the week in your inbox every Friday morning.</p>
              <p>One email a week, no spam.</p></div>
            """), drops: ["inbox"])
    }

    func testABlockNamedForADisclaimerGoes() throws {
        try assertEnd(of: page("""
            <div><p class="affiliate-disclosure">Some links on this page earn the paper a small commission.</p></div>
            """), drops: ["small commission"])
    }

    func testAPostMetaLineNamedByItsThemeGoes() throws {
        try assertEnd(of: page("""
            <p class="entry-utility">This entry was posted in Harbour news by the editor. Bookmark the permalink.</p>
            """), drops: ["Bookmark the permalink"])
    }

    func testABoxOfOneParagraphIsJudgedByTheBoxsName() throws {
        try assertEnd(of: page("""
            <div class="post-meta"><p>Filed by the harbour desk on a Tuesday afternoon, and read by many.</p></div>
            """), drops: ["harbour desk"])
    }

    func testALineHeldByAWidgetNamedForFurnitureGoes() throws {
        try assertEnd(of: page("""
            <p><span class="star-rating">Was this story useful? ★★★★☆ (12 votes)</span> <span>Loading…</span></p>
            """), drops: ["story useful"])
    }

    func testAnAddressLineGoes() throws {
        try assertEnd(of: page("""
            <p><small><address>harbour.html, written by the harbour office, last changed 3 March 2004</address></small></p>
            """), drops: ["last changed"])
    }

    func testATeaserEndingInAReadMoreLinkGoes() throws {
        try assertEnd(of: page("""
            <div class="box"><p>Summer on the coast: the lighthouse opens its doors to visitors every Sunday in July.
            <strong><a href="/lighthouse-summer">Read more</a></strong></p></div>
            """), drops: ["opens its doors"])
    }

    func testALastParagraphWithALinkInsideStays() throws {
        try assertEnd(of: page("""
            <p>The council will <a href="/minutes">read more</a> of the plans at its next meeting in April.</p>
            """), keeps: ["at its next meeting"])
    }

    func testATrailingNoticeGoes() throws {
        try assertEnd(of: page("""
            <div class="guest-notice"><p>Guest columns give the author's view, not the paper's.</p><p>Letters welcome.</p></div>
            """), drops: ["Guest columns"])
    }

    func testABlockLeadingOnlyToAppStoresGoes() throws {
        try assertEnd(of: page("""
            <div><p>The harbour news on your phone, every morning.</p>
            <p><a href="https://play.google.com/store/apps/details?id=example.harbour"><img src="/badge-play.png"></a>
            <a href="https://apps.apple.com/app/harbour/id1"><img src="/badge-apple.png"></a></p></div>
            """), drops: ["on your phone"])
    }

    func testAHeadingLeftLastGoes() throws {
        try assertEnd(of: page("<h3>Our partners</h3>"), drops: ["Our partners"])
    }

    func testAHeadingWrappedInAParagraphLeftLastGoes() throws {
        try assertEnd(of: page("<p><h2>Elsewhere in the region</h2></p>"), drops: ["Elsewhere in the region"])
    }

    func testABlockNamedForFurnitureThatHoldsTheArticleIsWalkedInto() throws {
        let html = page("<div><h3>Our partners</h3></div>")
            .replacingOccurrences(of: "<div class=\"story\">", with: "<div class=\"story\"><div class=\"promo-wrap\">")
            .replacingOccurrences(of: "</div></body>", with: "</div></div></body>")
        try assertEnd(of: html, drops: ["Our partners"])
    }

    func testALinkStandingAsABlockGoes() throws {
        try assertEnd(of: page("<div><a class=\"button\" href=\"/stories\">More harbour stories</a></div>"), drops: ["More harbour stories"])
    }

    func testALabelWithNothingAfterItGoes() throws {
        try assertEnd(of: page("<p>Information for visitors:</p>"), drops: ["Information for visitors"])
    }

    func testALabelWhoseLinksWereCutStays() throws {
        try assertEnd(of: page("""
            <p>The council's notices:</p>
            <ul><li><a href="/n1">Notice 12 of 3 March on the pier works</a></li>
              <li><a href="/n2">Notice 14 of 9 March on the ferry timetable</a></li></ul>
            """), keeps: ["The council's notices:"])
    }

    /// The article's paragraphs in a `div.text` of their own, followed by `tail` in the same container.
    func splitPage(_ tail: String) -> String {
        page("").replacingOccurrences(of: "<div class=\"story\">", with: "<div class=\"story\"><div class=\"text\">")
            .replacingOccurrences(of: "weather permitting, after the final inspection.</p>",
                                  with: "weather permitting, after the final inspection.</p></div>\(tail)")
    }

    func testANoteAfterTheArticlesWrapperGoes() throws {
        try assertEnd(of: splitPage("<p class=\"note\">Opinions in guest columns are the authors' own.</p>"), drops: ["guest columns"])
    }

    func testTheLastPartOfAnArticleSplitByAnAdvertisementStays() throws {
        try assertEnd(of: splitPage("<div class=\"text\"><p>The mayor will cut the ribbon.</p></div>"), keeps: ["The mayor will cut the ribbon."])
    }

    func testAShortLineAskingToSignUpWithALinkGoes() throws {
        try assertEnd(of: page("""
            <p>Want more stories like this one every week? Sign up for the free weekly edition <a href="/signup">here</a>.</p>
            """), drops: ["weekly edition"])
    }

    func testAnAppealToFollowThePaperWithoutALinkGoes() throws {
        try assertEnd(of: page("""
            <p>Get our morning briefing: download the Harbour Daily app for your phone.</p>
            <p>Folgen Sie uns auch auf Instagram und Mastodon.</p>
            """), drops: ["morning briefing", "Folgen Sie uns"])
    }

    func testAnAppealListingItsChannelsGoes() throws {
        try assertEnd(of: page("""
            <p><strong>Follow the Harbour Daily on Twitter and Instagram @HarbourDaily and on Facebook @HarbourDailyNews. \
            Send us a message on WhatsApp at 1-555-010-0199 or email us at letters@harbour.example or desk@harbour.example</strong></p>
            """), drops: ["Follow the Harbour Daily"])
    }

    /// A quote in the voice of "we" with a word an appeal starts with, and no channel: the article's last words.
    func testALastQuoteInTheFirstPersonStays() throws {
        try assertEnd(of: page("""
            <p>Ngoài ra, Bộ Giao thông Vận tải đã tạm dừng dự án. “Chúng tôi sẽ làm hết sức”, Thứ trưởng khẳng định.</p>
            """), keeps: ["Chúng tôi sẽ làm hết sức"])
        try assertEnd(of: page("<p>“We will follow our plan for the pier”, the harbour master said.</p>"), keeps: ["follow our plan"])
    }

    func testALastSentenceAboutAnAppStays() throws {
        try assertEnd(of: page("<p>The ferry company plans to launch a ticket app next year.</p>"), keeps: ["ticket app"])
    }

    func testALastSentenceUsingACueWordWithoutALinkStays() throws {
        try assertEnd(of: page("<p>The fishermen say they will share the cost of the new crane.</p>"), keeps: ["share the cost"])
    }

    func testAHeadingThatIsASentenceStays() throws {
        try assertEnd(of: page("<h4>The ferry will run again once the pier is finished.</h4>"), keeps: ["The ferry will run again"])
    }

    func testALinkTheLastSentenceAnnouncesStays() throws {
        try assertEnd(of: page("""
            <p>Everyone who wants the pier finished this year can sign the council's petition at this address:</p>
            <p><a href="https://petition.example/pier">https://petition.example/pier</a></p>
            """), keeps: ["https://petition.example/pier"])
    }

    func testAListOfSourceAddressesStays() throws {
        try assertEnd(of: page("""
            <h3>Sources</h3>
            <ul><li><a href="https://council.example/minutes">https://council.example/minutes</a></li>
              <li><a href="https://ferry.example/timetable">https://ferry.example/timetable</a></li></ul>
            """), keeps: ["https://ferry.example/timetable"])
    }

    func testAListIsJudgedWholeNotByItsLastItem() throws {
        try assertEnd(of: page("""
            <ul><li>The council pays for the pier itself, the ferry operators for the new waiting room.</li>
              <li>The fishermen keep their moorings free of charge for the first two years.</li>
              <li><a href="/pier-plan">The pier plan</a></li></ul>
            """), keeps: ["The pier plan"])
    }

    func testACommentSectionUnderItsLabelGoes() throws {
        try assertEnd(of: page("""
            <p>Kommentare</p>
            <div><p>Anna, 12 May: What a good story, I remember the old pier from my childhood and the ferry too.</p></div>
            <div><p>Ben, 13 May: The council should have asked the fishermen much earlier, in my opinion.</p></div>
            """), drops: ["Kommentare", "childhood", "in my opinion"])
    }

    func testAnAuthorsBoxUnderItsLabelGoes() throws {
        try assertEnd(of: page("""
            <p>About the author</p>
            <div><p>Jane Roe has written about harbours, ferries and the people who run them since 2010.</p></div>
            """), drops: ["About the author", "Jane Roe"])
    }

    func testAPressContactUnderItsLabelGoes() throws {
        try assertEnd(of: page("""
            <p>Pressekontakt:</p>
            <p>Hafenamt Nordstadt, Pressestelle, Kaistraße 4, Telefon 0400 123 456, presse@hafenamt.example</p>
            """), drops: ["Pressekontakt", "Kaistraße"])
    }

    func testABoxNamedForTheAuthorGoes() throws {
        try assertEnd(of: page("""
            <div class="autor-box"><p>Max Muster ist Redakteur im Ressort Küste.</p><p>Er schreibt über Häfen.</p></div>
            """), drops: ["Max Muster"])
    }

    func testProseAfterARelatedLabelStays() throws {
        try assertEnd(of: page("""
            <p>See also</p>
            <p>The ferry company, for its part, says the timetable stays as it is until the pier is finished.</p>
            """), keeps: ["The ferry company, for its part"])
    }

    func testLinksBeforeTheLastParagraphStay() throws {
        let html = page("").replacingOccurrences(of: "<p>The last paragraph", with: """
            <ul><li><a href="/minutes">Council minutes, March</a></li><li><a href="/plan">The pier plan</a></li></ul>
            <p>The last paragraph
            """)
        try assertEnd(of: html, keeps: ["The pier plan"])
    }
}
