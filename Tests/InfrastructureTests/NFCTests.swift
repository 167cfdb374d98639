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

    /// The byte reading decides as the rule does when stated by scalars, at every range's edges, for
    /// one-, two-, three- and four-byte scalars mixed.
    func testBytesAgreeWithTheRuleStatedByScalars() {
        let ranges: [ClosedRange<UInt32>] = [0...0x2FF, 0x1E00...0x1EFF, 0x2002...0x206F, 0x20A0...0x20CF, 0x3000...0x303F,
                                             0x4E00...0x9FFF, 0xAC00...0xD7A3]
        let edges: [UInt32] = ranges.flatMap { [$0.lowerBound, $0.upperBound, $0.lowerBound &- 1, $0.upperBound + 1] }
            + [0x41, 0xE9, 0x7FF, 0x800, 0x2000, 0x2001, 0xFFFD, 0x10000, 0x1F600]
        let scalars = edges.compactMap(Unicode.Scalar.init)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...6, using: &generator) { text.append(scalars.randomElement(using: &generator)!) }
            let expected = text.allSatisfy { scalar in ranges.contains { $0.contains(scalar.value) } }
            XCTAssertEqual(NFC.isComposed(String(text)), expected, "\(text.map { String($0.value, radix: 16) })")
        }
    }
}
