import Foundation
import ContentGraph
import SiteConfig
import XCTest

final class SlugTests: XCTestCase {
    func testVietnameseIsFoldedToASCII() {
        XCTAssertEqual(Slug.fold("Chuyển đổi số"), "chuyen-doi-so")
        XCTAssertEqual(Slug.fold("Đà Nẵng"), "da-nang")
        XCTAssertEqual(Slug.fold("Thời sự"), "thoi-su")
    }

    func testDecomposedAndComposedSpellingsFoldAlike() {
        XCTAssertEqual(Slug.fold("Chuye\u{302}\u{309}n đổi số"), Slug.fold("Chuyển đổi số"))
    }

    func testSymbolsThatCarryMeaningAreSpelledOut() {
        XCTAssertEqual(Slug.fold("C++"), "c-plus-plus")
        XCTAssertEqual(Slug.fold("Q&A"), "q-and-a")
        XCTAssertEqual(Slug.fold("C#"), "c-sharp")
        XCTAssertEqual(Slug.fold("#MeToo"), "metoo")
        XCTAssertEqual(Slug.fold("50/50"), "50-50")
    }

    func testPunctuationAndSpacesCollapse() {
        XCTAssertEqual(Slug.fold("  \"Hà Nội \"  "), "ha-noi")
        XCTAssertEqual(Slug.fold("ha-noi"), "ha-noi")
        XCTAssertEqual(Slug.fold("<Tin> nóng!!!"), "tin-nong")
    }

    func testEachStyleMakesATermsSlugAsItSays() {
        XCTAssertEqual(Slug.make("Chuyển đổi số", style: .on), "chuyen-doi-so")
        XCTAssertEqual(Slug.make("Chuyển đổi số", style: .lower), "chuyển-đổi-số")
        XCTAssertEqual(Slug.make("ASP.NET", style: .lower), "asp.net")
        XCTAssertEqual(Slug.make("ASP.NET", style: .safe), "ASP.NET")
        XCTAssertEqual(Slug.make("a/b", style: .off), "ab")
    }

    func testASlugOfDotsAloneIsFoldedAway() {
        for style in SlugStyle.allCases {
            for name in [".", "..", "..."] { XCTAssertEqual(Slug.make(name, style: style), "", "\(name) \(style)") }
        }
    }

    func testLongSlugsAreCutAtAHyphen() {
        let slug = Slug.fold(String(repeating: "Chuyển đổi số quốc gia ", count: 10))
        XCTAssertLessThanOrEqual(slug.count, Slug.maximumLength)
        XCTAssertFalse(slug.hasSuffix("-"))
        XCTAssertTrue(slug.hasPrefix("chuyen-doi-so-quoc-gia-chuyen"))
        XCTAssertTrue(["chuyen", "doi", "so", "quoc", "gia"].contains(String(slug.split(separator: "-").last!)))
    }

    func testOtherScriptsAreKept() {
        XCTAssertEqual(Slug.fold("Москва News"), "москва-news")
    }

    func testEveryPrecomposedLatinLetterFoldsLikeItsDecomposition() {
        // The fast path reads base letters from a table; spelled out with combining marks, the
        // same letters take the mark-dropping path. Both must agree for every letter.
        for value in Array(0xC0...0x24F) + Array(0x1E00...0x1EFF) {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { continue }
            let composed = "x" + String(scalar) + "y"
            let decomposed = composed.decomposedStringWithCanonicalMapping
            XCTAssertEqual(Slug.fold(composed), Slug.fold(decomposed), "U+\(String(value, radix: 16))")
        }
        XCTAssertEqual(Slug.fold("Ấp Bắc, Ổ Qua, Ỹ"), "ap-bac-o-qua-y")
    }

    func testAWrittenSlugKeepsCaseUnderscoresDotsAndLetters() {
        XCTAssertEqual(Slug.asWritten("Release_Notes.v2"), "Release_Notes.v2")
        XCTAssertEqual(Slug.asWritten("Đà Nẵng"), "Đà-Nẵng")
        XCTAssertEqual(Slug.asWritten("  a  b\tc "), "a-b-c")
    }

    func testAWrittenSlugLosesWhatAURLPathCannotHold() {
        XCTAssertEqual(Slug.asWritten("a/b?c#d%e\"f<g>h\\i"), "abcdefghi")
        XCTAssertEqual(Slug.asWritten("x\u{0}y\u{7F}z"), "xyz")
        XCTAssertEqual(Slug.asWritten("C++ @home ~me"), "C++-@home-~me")
    }
}
