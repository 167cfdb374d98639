import Ingest
import XCTest

final class WordCountTests: XCTestCase {
    func testWordsAreRunsBetweenSpacesAndLineEnds() {
        XCTAssertEqual(WordCount.of(""), 0)
        XCTAssertEqual(WordCount.of(" \n\t\r "), 0)
        XCTAssertEqual(WordCount.of("Hà"), 1)
        XCTAssertEqual(WordCount.of("  Chuyển đổi\nsố\r\n30/11/2021\t22:58 "), 5)
    }
}
