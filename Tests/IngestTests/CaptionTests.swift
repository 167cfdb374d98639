import Ingest
import XCTest

/// Captions a CMS writes as a `div` or `p` beside its picture come out as `<figure>` and
/// `<figcaption>`, without losing the text around them.
final class CaptionTests: XCTestCase {
    private let prose = "<p>Phiên họp được tổ chức theo hình thức trực tuyến giữa đầu cầu Trụ sở Chính phủ với điểm cầu các bộ, ngành, "
        + "cơ quan và 63 tỉnh, thành phố trong cả nước, với nhiều đại biểu tham dự.</p>"

    private func html(_ body: String) throws -> String {
        let page = "<html><head><title>Bài</title></head><body><div class=\"detail-content\">\(prose)\(body)\(prose)\(prose)</div></body></html>"
        return try HTMLExtractor().extract(Array(page.utf8), pageURL: nil, defaultTimeZone: TimeZone(identifier: "UTC")!).html
    }

    func testACaptionDivBesideAPictureBecomesAFigcaption() throws {
        let body = try html("""
        <div class="VCSortableInPreviewMode" type="Photo"><div><img src="/a.jpg" alt="Ảnh 1."></div>\
        <div class="PhotoCMS_Caption"><p>Thủ tướng phát biểu (Ảnh: VGP)</p></div></div>
        """)
        XCTAssertTrue(body.contains("<figure>"), body)
        XCTAssertTrue(body.contains("<figcaption><p>Thủ tướng phát biểu (Ảnh: VGP)</p></figcaption></figure>"), body)
    }

    func testAWordPressCaptionKeepsTheListItAppearsIn() throws {
        let body = try html("""
        <ul><li>DevTools are ready for the new process model.<ul><li><div class="wp-caption aligncenter"><a href="/x.png"><img src="/x.png"></a>\
        <p class="wp-caption-text">Our tools are ready!</p></div></li></ul></li>\
        <li>Marionette is ready too.<ul><li><div class="wp-caption"><img src="/y.png"><p class="wp-caption-text">Tested with automation.</p></div></li></ul></li></ul>
        """)
        XCTAssertTrue(body.contains("DevTools are ready") && body.contains("Marionette is ready too."), body)
        XCTAssertTrue(body.contains("<figcaption><p>Our tools are ready!</p></figcaption>"), body)
    }

    func testAParagraphThatHappensToCarryTheClassStaysAParagraph() throws {
        let long = String(repeating: "Một đoạn văn dài của bài báo, không phải chú thích ảnh. ", count: 30)
        let body = try html("<div><img src=\"/a.jpg\"><p class=\"caption\">\(long)</p></div>")
        XCTAssertFalse(body.contains("<figcaption>"), body)
    }
}
