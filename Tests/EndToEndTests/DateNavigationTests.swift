import Foundation
import TestSupport
import XCTest

/// The date archive is walked by links: article dates lead to their day, years to their months,
/// months to their days, and each date page to the nearest older and newer one with articles.
final class DateNavigationTests: XCTestCase {
    private static let site = Result { try FixtureSite.built(copying: "valid") }

    override class func tearDown() {
        try? site.get().remove()
        super.tearDown()
    }

    private func read(_ path: String) throws -> String { try Self.site.get().read(path) }

    func testArticleDatesLinkToTheirDay() throws {
        XCTAssertTrue(try read("2021/11/30/chuyen-doi-so/index.html").contains(#"<a class="date" href="/2021/11/30/"><time"#))
        XCTAssertTrue(try read("index.html").contains(#"<a class="date" href="/2021/11/29/"><time"#))
    }

    func testAYearLinksItsMonthsAndAMonthItsDays() throws {
        let year = try read("2021/index.html")
        XCTAssertTrue(year.contains(#"<a href="/2021/11/" title="Tháng 11/2021">Tháng 11</a> <span class="tag-count">2</span>"#), year)
        XCTAssertTrue(year.contains(#"<a href="/2021/10/" title="Tháng 10/2021">Tháng 10</a>"#), year)
        let month = try read("2021/11/index.html")
        XCTAssertTrue(month.contains(#"<a href="/2021/11/30/" title="Ngày 30/11/2021">30</a>"#), month)
        XCTAssertTrue(month.contains(#"<a href="/2021/11/29/" title="Ngày 29/11/2021">29</a>"#), month)
        XCTAssertFalse(try read("2021/11/30/index.html").contains("period-list"), "a day has no periods inside it")
    }

    func testADayLinksTheNearestOlderAndNewerDaysWithArticles() throws {
        let day = try read("2021/11/29/index.html")
        XCTAssertTrue(day.contains(#"rel="prev" href="/2021/10/02/""#), day)
        XCTAssertTrue(day.contains(#"rel="next" href="/2021/11/30/""#), day)
        XCTAssertFalse(try read("2021/11/30/index.html").contains(#"class="page-step period-newer""#), "the newest day has no newer one")
        XCTAssertTrue(try read("2021/11/index.html").contains(#"rel="prev" href="/2021/10/""#))
    }
}
