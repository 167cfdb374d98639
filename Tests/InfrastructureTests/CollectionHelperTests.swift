import Foundation
import Infrastructure
import XCTest

final class CollectionHelperTests: XCTestCase {
    func testContainsBytesFindsANeedleAnywhereAndOnlyWhereItIs() {
        XCTAssertTrue("https://toquoc.vn/a".containsBytes("://"))
        XCTAssertTrue("/a/./b".containsBytes("/."))
        XCTAssertTrue("abc".containsBytes("abc"))
        XCTAssertTrue("abc".containsBytes(""))
        XCTAssertTrue("<img src=\"/ảnh/1.jpg\">".containsBytes("src=\"/ảnh/1.jpg\""))
        XCTAssertFalse("abc".containsBytes("abcd"))
        XCTAssertFalse("a:/b".containsBytes("://"))
        XCTAssertFalse("".containsBytes("a"))
        // Repeated first bytes before the match.
        XCTAssertTrue("::::://".containsBytes("://"))
        XCTAssertFalse("::::".containsBytes("://"))
    }

    func testByteOffsetsAreEachOccurrenceLeftToRightWithoutOverlap() {
        XCTAssertEqual("a=\"/x a=\"/y".byteOffsets(of: "=\"/"), [1, 7])
        XCTAssertEqual("ảnh=\"/".byteOffsets(of: "=\"/"), [5], "offsets count UTF-8 bytes")
        XCTAssertEqual("aaaa".byteOffsets(of: "aa"), [0, 2])
        XCTAssertEqual("abc".byteOffsets(of: "abcd"), [])
        XCTAssertEqual("abc".byteOffsets(of: ""), [])
    }

    func testByteOffsetsFindMatchesAtBothEndsWhereverThePatternsRarestByteIs() {
        XCTAssertEqual(" align=\"x\" <td align=\"".byteOffsets(of: " align=\""), [0, 14])
        XCTAssertEqual(Array("<p><img a /></p><p><img ".utf8).byteOffsets(of: "<p><img "), [0, 16])
        XCTAssertEqual("ab=".byteOffsets(of: "b="), [1])
        XCTAssertEqual("=b".byteOffsets(of: "=b"), [0])
        XCTAssertEqual("x=".byteOffsets(of: "b="), [])
    }

    func testByteOffsetsAgreeWithAPlainScanOnRandomText() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = ["a", " ", "=", "\"", "<", "ả"]
        for _ in 0..<500 {
            let text = Array((0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined().utf8)
            let pattern = Array((0..<Int.random(in: 1...4, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined().utf8)
            var expected: [Int] = []
            var offset = 0
            while offset + pattern.count <= text.count {
                if Array(text[offset..<(offset + pattern.count)]) == pattern { expected.append(offset); offset += pattern.count } else { offset += 1 }
            }
            XCTAssertEqual(text.byteOffsets(of: String(decoding: pattern, as: UTF8.self)), expected, "\(text) \(pattern)")
        }
    }

    func testContainsByteLooksOnlyInsideTheSubstring() {
        let text = "{đầu} giữa {cuối}"
        let middle = text[text.index(text.startIndex, offsetBy: 6)..<text.index(text.startIndex, offsetBy: 10)]
        XCTAssertEqual(middle, "giữa")
        XCTAssertFalse(middle.containsByte(UInt8(ascii: "{")))
        XCTAssertTrue(middle.containsByte(0xBB), "the second byte of ữ")
        XCTAssertTrue(text[...].containsByte(UInt8(ascii: "}")))
        XCTAssertFalse(""[...].containsByte(0))
    }

    func testFirstIndexOfAByteLooksFromItsStartInsideTheSubstring() {
        let text = "a\nđầu\ngiữa\ncuối\n"
        let inner = text.dropFirst(2).dropLast(1)  // "đầu\ngiữa\ncuối"
        let first = inner.firstIndex(ofByte: UInt8(ascii: "\n"), from: inner.startIndex)!
        XCTAssertEqual(inner[..<first], "đầu")
        let second = inner.firstIndex(ofByte: UInt8(ascii: "\n"), from: inner.index(after: first))!
        XCTAssertEqual(inner[inner.index(after: first)..<second], "giữa")
        XCTAssertNil(inner.firstIndex(ofByte: UInt8(ascii: "\n"), from: inner.index(after: second)), "the text's last line end is outside")
        XCTAssertNil(inner.firstIndex(ofByte: UInt8(ascii: "\n"), from: inner.endIndex))
    }

    func testASCIIPrefixesAndSuffixesMatchInAnyCase() {
        XCTAssertTrue("Text/HTML; charset=UTF-8".utf8.startsIgnoringASCIICase(with: "text/html".utf8))
        XCTAssertTrue("image/".utf8.startsIgnoringASCIICase(with: "image/".utf8))
        XCTAssertFalse("imag".utf8.startsIgnoringASCIICase(with: "image/".utf8))
        XCTAssertFalse("texte/html".utf8.startsIgnoringASCIICase(with: "text/html".utf8))
        XCTAssertTrue("trang-chủ.HTML".hasASCIISuffixIgnoringCase(".html"))
        XCTAssertFalse("html".hasASCIISuffixIgnoringCase(".html"))
        XCTAssertFalse("page.htm".hasASCIISuffixIgnoringCase(".html"))
    }

    func testBackgroundWorkRunsOnAnotherThreadAndIsWaitedFor() {
        let caller = pthread_self()
        let work = Background { () -> (Int, Bool) in
            Thread.sleep(forTimeInterval: 0.05)
            return ((1...100).reduce(0, +), pthread_self() == caller)
        }
        XCTAssertEqual(work.value.0, 5050, "the result, once the work is done")
        XCTAssertFalse(work.value.1, "not the caller's thread")
        XCTAssertEqual(work.value.0, 5050, "read again")
    }

    func testSortedByKeyOrdersAsTheKeysCompare() {
        let words = ["pear", "fig", "banana", "kiwi"]
        XCTAssertEqual(words.sorted(byKey: \.count), ["fig", "pear", "kiwi", "banana"].sorted { $0.count < $1.count })
        XCTAssertEqual(words.sorted(byKey: { $0 }), ["banana", "fig", "kiwi", "pear"])
        XCTAssertEqual([String]().sorted(byKey: { $0 }), [])
    }

    func testInsertionIndexIsWhereAKeyIsOrWouldGoInOrder() {
        let paths = ["2024/01/02/a/index.html", "2024/01/02/b/index.html", "tags/x/index.html"]
        XCTAssertEqual(paths.insertionIndex(of: "2024/01/02/b/index.html") { $0 }, 1)
        XCTAssertEqual(paths.insertionIndex(of: "2024/01/02/ab/index.html") { $0 }, 1)
        XCTAssertEqual(paths.insertionIndex(of: "", by: { $0 }), 0)
        XCTAssertEqual(paths.insertionIndex(of: "zzz", by: { $0 }), 3)
        XCTAssertEqual([String]().insertionIndex(of: "a", by: { $0 }), 0)
        XCTAssertEqual([3, 5, 5, 9].insertionIndex(of: 5) { $0 }, 1, "the first of equal keys")
        XCTAssertEqual([(1, "a"), (4, "b")].insertionIndex(of: 2) { $0.0 }, 1)
    }
}
