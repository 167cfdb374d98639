@testable import Rendering
import XCTest

/// A summary is shown above the body only when the body does not open with it already.
final class LedeTests: XCTestCase {
    func testABodyOpeningWithTheSummaryNeedsNoLede() {
        let body = "<section>\n<p><b>(Tin Hồng Châu) -</b>  Sau ba tháng vận động, 300 hộ &amp; doanh nghiệp đồng thuận.</p><p>Tiếp.</p></section>"
        XCTAssertTrue(Lede.opens(body, with: "(Tin Hồng Châu) - Sau ba tháng vận động, 300 hộ & doanh nghiệp đồng thuận."))
        XCTAssertTrue(Lede.opens(body, with: "(Tin Hồng Châu) - Sau ba tháng vận động"), "a summary cut short is still the body's opening")
    }

    func testASummaryOfItsOwnIsALede() {
        let body = "<p>Phiên họp được tổ chức trực tuyến.</p>"
        XCTAssertFalse(Lede.opens(body, with: "Thủ tướng chủ trì phiên họp thứ nhất."))
        XCTAssertFalse(Lede.opens("<h2>Không có đoạn văn</h2>", with: "Tóm tắt."))
        XCTAssertFalse(Lede.opens(body, with: ""))
    }
}

extension LedeTests {
    func testASummaryWithoutTheParagraphsSourceLineNeedsNoLedeEither() {
        let body = "<p><b>(Tin Hồng Châu) -</b> Sau ba tháng vận động, 300 hộ đồng thuận.</p>"
        XCTAssertTrue(Lede.opens(body, with: "Sau ba tháng vận động, 300 hộ đồng thuận."))
        XCTAssertFalse(Lede.opens("<p>" + String(repeating: "Một câu dài khác hẳn. ", count: 10) + "Sau ba tháng vận động.</p>",
                                  with: "Sau ba tháng vận động."), "found far into the paragraph: a summary of its own")
    }
}
