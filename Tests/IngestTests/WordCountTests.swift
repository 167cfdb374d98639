import Ingest
import XCTest

final class WordCountTests: XCTestCase {
    func testWordsAreRunsBetweenSpacesAndLineEnds() {
        XCTAssertEqual(WordCount.of(""), 0)
        XCTAssertEqual(WordCount.of(" \n\t\r "), 0)
        XCTAssertEqual(WordCount.of("Hà"), 1)
        XCTAssertEqual(WordCount.of("  Chuyển đổi\nsố\r\n30/11/2021\t22:58 "), 5)
    }

    func testEightBytesAtATimeCountAsOneByteAtATimeDoes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x20, 0x0A, 0x09, 0x0D, 0x0B, 0x0C, 0x00, 0x1F, 0x21, 0x61, 0x80, 0xA0, 0xE1, 0xFF]
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0...70, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            var expected = 0
            var spaceBefore = true
            for byte in bytes {
                let isSpace = [0x20, 0x0A, 0x09, 0x0D].contains(byte)
                if spaceBefore && !isSpace { expected += 1 }
                spaceBefore = isSpace
            }
            XCTAssertEqual(bytes.withUnsafeBytes { WordCount.of(utf8: $0) }, expected, "\(bytes)")
        }
    }
}
