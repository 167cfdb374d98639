@testable import Rendering
import XCTest

/// A summary is shown above the body only when the body does not open with it already.
final class LedeTests: XCTestCase {
    private func opens(_ body: String, with summary: String) -> Bool {
        Lede.opens(Array(body.utf8), with: summary)
    }

    func testABodyOpeningWithTheSummaryNeedsNoLede() {
        let body = "<section>\n<p><b>(Tin Hồng Châu) -</b>  Sau ba tháng vận động, 300 hộ &amp; doanh nghiệp đồng thuận.</p><p>Tiếp.</p></section>"
        XCTAssertTrue(opens(body, with: "(Tin Hồng Châu) - Sau ba tháng vận động, 300 hộ & doanh nghiệp đồng thuận."))
        XCTAssertTrue(opens(body, with: "(Tin Hồng Châu) - Sau ba tháng vận động"), "a summary cut short is still the body's opening")
    }

    func testASummaryOfItsOwnIsALede() {
        let body = "<p>Phiên họp được tổ chức trực tuyến.</p>"
        XCTAssertFalse(opens(body, with: "Thủ tướng chủ trì phiên họp thứ nhất."))
        XCTAssertFalse(opens("<h2>Không có đoạn văn</h2>", with: "Tóm tắt."))
        XCTAssertFalse(opens(body, with: ""))
    }
}

extension LedeTests {
    func testASummaryWithoutTheParagraphsSourceLineNeedsNoLedeEither() {
        let body = "<p><b>(Tin Hồng Châu) -</b> Sau ba tháng vận động, 300 hộ đồng thuận.</p>"
        XCTAssertTrue(opens(body, with: "Sau ba tháng vận động, 300 hộ đồng thuận."))
        XCTAssertFalse(opens("<p>" + String(repeating: "Một câu dài khác hẳn. ", count: 10) + "Sau ba tháng vận động.</p>",
                                  with: "Sau ba tháng vận động."), "found far into the paragraph: a summary of its own")
    }
}
