@testable import Rendering
import XCTest

final class ThemeTests: XCTestCase {
    func testUIStringsAreReadPerLanguage() throws {
        let theme = try Theme(files: ["i18n/vi.yml": Array("home: Trang chủ\n".utf8), "i18n/en.yml": Array("home: Home\n".utf8)])
        XCTAssertEqual(theme.strings["vi"]?["home"], "Trang chủ")
        XCTAssertEqual(theme.strings["en"]?["home"], "Home")
    }

    func testBrokenUIStringsNameTheirFileAndLine() {
        XCTAssertThrowsError(try Theme(files: ["i18n/vi.yml": Array("a: b\nc: [d\n".utf8)])) { error in
            XCTAssertTrue("\(error)".hasPrefix("i18n/vi.yml:3:"), "\(error)")
        }
    }
}
