@testable import Rendering
import SiteConfig
import XCTest

final class RoutesTests: XCTestCase {
    func testLaterPagesLiveBelowTheFirst() {
        let routes = Routes(config: SiteConfig())
        XCTAssertEqual(routes.page(1, of: "tag/x/"), "tag/x/")
        XCTAssertEqual(routes.page(3, of: "tag/x/"), "tag/x/page/3/")
        XCTAssertEqual(routes.page(2, of: ""), "page/2/")
    }

    func testTheHomeListsLaterPagesCanLiveWhereJekyllPutThem() throws {
        var config = SiteConfig()
        try config.setHomePaging("/page:num/")
        let routes = Routes(config: config)
        XCTAssertEqual(routes.page(1, of: ""), "")
        XCTAssertEqual(routes.page(2, of: ""), "page2/")
        XCTAssertEqual(routes.page(2, of: "tag/x/"), "tag/x/page/2/", "only the home list's")
        XCTAssertThrowsError(try config.setHomePaging("/page/")) { error in
            XCTAssertTrue((error as! ConfigError).message.contains("must hold :num"))
        }
    }

    func testFolderPathsAreWrittenAsIndexFiles() {
        XCTAssertEqual(Routes.file(for: ""), "index.html")
        XCTAssertEqual(Routes.file(for: "2021/11/30/slug/"), "2021/11/30/slug/index.html")
        XCTAssertEqual(Routes.file(for: "old/page.html"), "old/page.html")
    }
}

final class AbsoluteURLTests: XCTestCase {
    func testURLsBecomeAbsoluteForReadersOutsideTheSite() {
        let routes = Routes(config: SiteConfig(baseURL: "https://example.org/mirror/"))
        XCTAssertEqual(routes.absolute("/mirror/images/a.png"), "https://example.org/mirror/images/a.png")
        XCTAssertEqual(routes.absolute("/static/a.png"), "https://example.org/static/a.png")
        XCTAssertEqual(routes.absolute("//cdn.example.net/a.png"), "//cdn.example.net/a.png")
        XCTAssertEqual(routes.absolute("https://other.example/a.png"), "https://other.example/a.png")
        XCTAssertEqual(routes.absolute("images/a.png"), "https://example.org/mirror/images/a.png")
    }
}
