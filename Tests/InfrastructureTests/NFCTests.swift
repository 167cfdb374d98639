@testable import Infrastructure
import Foundation
import XCTest

final class NFCTests: XCTestCase {
    func testComposedVietnameseAndPunctuationNeedNoWork() {
        XCTAssertTrue(NFC.isComposed("“Chuyển đổi số” – Đà Nẵng, 30/11/2021"))
        XCTAssertTrue(NFC.isComposed("東京 서울 Hà Nội"))
    }

    func testCombiningMarksAndSingletonsGoToFoundation() {
        XCTAssertFalse(NFC.isComposed("Chuye\u{302}\u{309}n"))
        XCTAssertFalse(NFC.isComposed("\u{2126}"))  // OHM SIGN, whose NFC is Ω
        XCTAssertEqual(NFC.normalize("Chuye\u{302}\u{309}n đổi số"), "Chuyển đổi số")
        XCTAssertEqual(NFC.normalize("\u{2126}"), "\u{3A9}")
    }
}
