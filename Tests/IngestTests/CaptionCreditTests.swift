import Foundation
import XCTest
@testable import Ingest

/// A caption's credit is left out of the text and kept on the page; the caption's words stay in both.
final class CaptionCreditTests: XCTestCase {
    func extract(_ middle: String) throws -> String { try page(middle).text }

    func page(_ middle: String) throws -> ExtractedPage {
        let paragraph = "<p>The lighthouse keeper counted the ships that passed the cape every night, wrote their names in "
            + "a book, and sent the book to the harbour office at the end of each month, as the rules asked.</p>"
        let html = """
            <html><body><div class="story">\(paragraph)\(paragraph)\(middle)\(paragraph)\(paragraph)</div></body></html>
            """
        return try HTMLExtractor().extract(Array(html.utf8), pageURL: nil, defaultTimeZone: TimeZone(identifier: "UTC")!)
    }

    func figure(_ caption: String) -> String {
        "<figure><img src=\"/lamp.jpg\"><figcaption>\(caption)</figcaption></figure>"
    }

    func testACreditAfterTheCaptionsWordsGoes() throws {
        let captions = [
            "The lamp in the workshop. Photo: Harbour Office",
            "The lamp in the workshop. © <a href=\"https://agency.example/\">Coast Agency</a> / Harbour Office",
            "Die Lampe in der Werkstatt (Foto: Hafenamt)",
            "Le phare au crépuscule | Crédits photos : Port du Nord",
        ]
        for caption in captions {
            let text = try extract(figure(caption))
            XCTAssertTrue(text.contains("lighthouse keeper"), text)
            XCTAssertFalse(text.contains("Harbour Office") || text.contains("Hafenamt") || text.contains("Port du Nord"), text)
            XCTAssertFalse(text.contains("Coast Agency") || text.contains("©") || text.contains("(Foto"), text)
        }
        XCTAssertTrue(try extract(figure(captions[0])).contains("The lamp in the workshop."))
        XCTAssertTrue(try extract(figure(captions[2])).contains("Die Lampe in der Werkstatt\n"))
        XCTAssertTrue(try extract(figure(captions[3])).contains("Le phare au crépuscule"))
    }

    func testTheCreditStaysWithItsCaptionOnThePage() throws {
        let page = try page(figure("Die Lampe in der Werkstatt (Foto: <a href=\"https://hafen.example/\">Hafenamt</a>)"))
        XCTAssertTrue(page.html.contains("<figcaption>Die Lampe in der Werkstatt (Foto: <a href=\"https://hafen.example/\">Hafenamt</a>)</figcaption>"), page.html)
        XCTAssertFalse(page.text.contains("Hafenamt"), page.text)
    }

    func testACreditLineLabelledWithACompoundOrTwoWordsOrWithItsLicenceGoesWhole() throws {
        for credit in ["Titelbild: Hafenamt", "Symbolfoto: Hafenamt", "Crédits photos : Port du Nord", "Photo credit: Harbour Office",
                       "Foto: hafen.example, via Wikimedia Commons | Lizenz: CC BY 4.0"] {
            let text = try extract("<p><em>\(credit)</em></p>")
            XCTAssertTrue(text.contains("lighthouse keeper"), text)
            XCTAssertFalse(text.contains(credit), text)
        }
    }

    func testACaptionWhoseLabelIsPartOfASentenceStays() throws {
        let caption = "The harbour's new picture: the lamp at dusk"
        XCTAssertTrue(try extract(figure(caption)).contains(caption))
    }

    func testALongTailAfterALabelStays() throws {
        let caption = "Ships in the bay. Image: a drawing by the keeper's daughter that hung in the harbour office for forty years"
        XCTAssertTrue(try extract(figure(caption)).contains(caption))
    }
}
