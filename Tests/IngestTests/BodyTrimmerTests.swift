import Foundation
import XCTest
@testable import Ingest

/// Promotions of other articles inside the body go when their label is one of `TrailingCues.related`.
final class BodyTrimmerTests: XCTestCase {
    func extract(_ middle: String) throws -> String {
        let paragraph = "<p>The lighthouse keeper counted the ships that passed the cape every night, wrote their names in "
            + "a book, and sent the book to the harbour office at the end of each month, as the rules asked.</p>"
        let html = """
            <html><body><div class="story">\(paragraph)\(paragraph)\(middle)\(paragraph)\(paragraph)</div></body></html>
            """
        return try HTMLExtractor().extract(Array(html.utf8), pageURL: nil, defaultTimeZone: TimeZone(identifier: "UTC")!).text
    }

    func testPromotionsUnderRelatedLabelsGo() throws {
        // The familiar Spanish label and the formal ones.
        for label in ["Lea también", "Vea también", "Lea más", "Le puede interesar"] {
            let text = try extract("<p>\(label): <a href=\"/otra\">El faro del cabo vuelve a funcionar</a></p>")
            XCTAssertTrue(text.contains("lighthouse keeper"), text)
            XCTAssertFalse(text.contains("El faro del cabo"), label + ": " + text)
        }
    }

    func testAPicturesCreditGoesAndItsCaptionStays() throws {
        let text = try extract("""
            <figure><img src="/lamp.jpg"><figcaption>The lamp in the workshop \
            <span class="image-credit">Photo: Harbour Office</span></figcaption></figure>
            """)
        XCTAssertTrue(text.contains("The lamp in the workshop"), text)
        XCTAssertFalse(text.contains("Harbour Office"), text)
    }

    func testACaptionThatIsACreditLineGoes() throws {
        for credit in ["Photo: Harbour Office", "Crédit photo : Port du Nord", "© Harbour Office", "(Foto: Hafenamt)",
                       "Crédits : Port du Nord", "Bildquelle: Hafenamt"] {
            let text = try extract("<figure><img src=\"/lamp.jpg\"><figcaption>\(credit)</figcaption></figure>")
            XCTAssertTrue(text.contains("lighthouse keeper"), text)
            XCTAssertFalse(text.contains(credit), text)
        }
    }

    func testAParagraphOpeningWithAPictureWordStays() throws {
        let text = try extract("<p>Photos of the lamp hang in the harbour office.</p>")
        XCTAssertTrue(text.contains("Photos of the lamp"), text)
    }

    func testALinkedSentenceOpeningWithACueWordStays() throws {
        let text = try extract("<p><a href=\"/log\">Read more of the keeper's log books</a> in the harbour museum.</p>")
        XCTAssertTrue(text.contains("keeper's log books"), text)
    }

    func testAnAdvertisementLabelBetweenDashesGoes() throws {
        let text = try extract("<div class=\"slot\"><p>- Anzeige -</p></div>")
        XCTAssertTrue(text.contains("lighthouse keeper"), text)
        XCTAssertFalse(text.contains("Anzeige"), text)
    }

    func testANoticeOpeningWithAnAdvertisementLabelGoes() throws {
        for notice in ["<p><em>*Werbung. Dieser Beitrag enthält Werbung für den Hafenladen.</em></p>",
                       "<p><b>Sponsored: the harbour shop's summer sale</b></p>",
                       "<div>- Anzeige - <p><a href=\"https://ads.example/c\"><img src=\"https://ads.example/b.gif\"></a></p></div>"] {
            let text = try extract(notice)
            XCTAssertTrue(text.contains("lighthouse keeper"), text)
            XCTAssertFalse(text.contains("Werbung") || text.contains("summer sale") || text.contains("Anzeige"), notice + ": " + text)
        }
    }

    func testAParagraphOpeningWithAnAdvertisingWordStays() throws {
        let text = try extract("<p>Advertising on the harbour wall paid for the new lamp.</p>")
        XCTAssertTrue(text.contains("Advertising on the harbour wall"), text)
    }

    func testARelatedLabelNamingTheSiteGoesWithItsLinks() throws {
        let text = try extract("""
            <h3>Mehr zum Thema auf Hafenblatt.de</h3>
            <ul><li><a href="/a">Sturm sperrt die Küstenstraße</a></li><li><a href="/b">Neues Radar für das Hafenamt</a></li></ul>
            """)
        XCTAssertTrue(text.contains("lighthouse keeper"), text)
        XCTAssertFalse(text.contains("Mehr zum Thema"), text)
    }

    func testARelatedBoxTitledInsideTheBodyGoesWithItsLinks() throws {
        let text = try extract("""
            <h3>Related coverage</h3>
            <ul><li><a href="/a">Storm closes the coast road for a day</a></li>
              <li><a href="/b">New radar for the harbour office</a></li></ul>
            """)
        XCTAssertTrue(text.contains("lighthouse keeper"), text)
        XCTAssertFalse(text.contains("Related coverage"), text)
        XCTAssertFalse(text.contains("coast road"), text)
    }

    func testAPromotionOfAnotherPageOfTheSiteUnderAnyLabelGoes() throws {
        for label in ["Also", "Don't miss", "Lisez"] {
            let text = try extract("<p><b>\(label):</b> <a href=\"/news/fog\">Fog horn silent for the first winter</a></p>")
            XCTAssertTrue(text.contains("lighthouse keeper"), text)
            XCTAssertFalse(text.contains("Fog horn silent"), label + ": " + text)
        }
    }

    func testALabelledLinkToAnotherSiteStays() throws {
        let text = try extract("<p>Source: <a href=\"https://coastguard.example/report\">Annual report of the coast guard</a></p>")
        XCTAssertTrue(text.contains("Annual report of the coast guard"), text)
    }

    func testALabelledLinkInsideASentenceStays() throws {
        let text = try extract("<p>The keeper's answer: <a href=\"/log\">read it in the log book</a> kept at the office.</p>")
        XCTAssertTrue(text.contains("read it in the log book"), text)
    }

    func testARelatedLabelLeftLastInItsBoxGoes() throws {
        let text = try extract("<div><p>Related coverage</p><div class=\"teasers\"></div></div>")
        XCTAssertTrue(text.contains("lighthouse keeper"), text)
        XCTAssertFalse(text.contains("Related coverage"), text)
    }

    func testALabelInCapitalsOpeningTheLastParagraphStays() throws {
        let html = """
            <html><body><div class="story"><p>The lighthouse keeper counted the ships that passed the cape every night, \
            wrote their names in a book, and sent the book to the harbour office at the end of each month.</p>\
            <p>The keeper's daughter kept the lamp lit on the nights her father sailed to town for oil and bread.</p>\
            <p><strong>UPDATE</strong> The harbour office has since named the lamp after the keeper.</p></div></body></html>
            """
        let text = try HTMLExtractor().extract(Array(html.utf8), pageURL: nil, defaultTimeZone: TimeZone(identifier: "UTC")!).text
        XCTAssertTrue(text.hasSuffix("UPDATE The harbour office has since named the lamp after the keeper."), text)
    }

    func testANewsletterBoxInsideTheBodyGoes() throws {
        let text = try extract("""
            <div class="inline-newsletter"><h4>The harbour letter</h4><p>The week's ships, every Friday in your inbox.</p>
            <form><input type="email"><button>Send</button></form></div>
            """)
        XCTAssertTrue(text.contains("lighthouse keeper"), text)
        XCTAssertFalse(text.contains("in your inbox"), text)
    }

    func testALinkNamedForRelatedArticlesInsideASentenceStays() throws {
        let text = try extract("""
            <p>The keeper kept <a class="related-link" href="/log">a log of every ship</a> for forty years.</p>
            """)
        XCTAssertTrue(text.contains("a log of every ship"), text)
    }

    func testOnlyTextsStartingLikeAnAdvertisingOrLoadingWordAreLookedAtWhole() {
        for label in ["ANZEIGE", "– Advertisement –", "[Werbung]", "Đang tải...", "Quảng cáo", "РЕКЛАМА", "广告", "Loading…", "Ad: a sale", "AD"] {
            XCTAssertTrue(BodyTrimmer.mayOpenWithLabel(label), label)
        }
        for text in ["Thời sự 30/11/2021", "2021", "The keeper", "- ", "", "«Werbung»", "Ébauche", "Chúng tôi", "Actually", "Pu"] {
            XCTAssertFalse(BodyTrimmer.mayOpenWithLabel(text), text)
        }
    }

    func testAnAdvertisingLabelGoesWhateverItsCase() throws {
        let text = try extract("<div>– ANZEIGE –</div><p>Werbung: Dieser Beitrag wurde bezahlt.</p>")
        XCTAssertFalse(text.contains("ANZEIGE"), text)
        XCTAssertFalse(text.contains("Dieser Beitrag"), text)
    }
}
