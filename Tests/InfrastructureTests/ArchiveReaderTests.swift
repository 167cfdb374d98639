import Infrastructure
import XCTest

final class ArchiveReaderTests: XCTestCase {
    func testStringsReadBackAsTheyWereWritten() throws {
        let strings = ["", "a", "Đà Nẵng: mưa lớn, 30/11/2021 22:58", "emoji 📰 and CJK 新聞", String(repeating: "ệ", count: 300)]
        var writer = ArchiveWriter()
        writer.strings(strings)
        writer.optionalString(nil)
        writer.optionalString("Hà Nội")
        var reader = ArchiveReader(writer.bytes)
        XCTAssertEqual(try reader.strings(), strings)
        XCTAssertNil(try reader.optionalString())
        XCTAssertEqual(try reader.optionalString(), "Hà Nội")
        XCTAssertTrue(reader.isAtEnd)
    }

    /// A damaged cache is refused, never read back repaired: among these, a cut-off four-byte
    /// sequence is three bytes long, as the U+FFFD that would replace it is.
    func testBytesThatAreNotUTF8AreADamagedArchive() {
        for bytes: [UInt8] in [[0xFF], [0x61, 0xC3], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xEF, 0xBF, 0xBD, 0x80]] {
            var writer = ArchiveWriter()
            writer.count(bytes.count)
            writer.append(bytes)
            var reader = ArchiveReader(writer.bytes)
            XCTAssertThrowsError(try reader.string(), "\(bytes)")
        }
    }

    func testAStringLongerThanWhatIsLeftIsADamagedArchive() {
        var writer = ArchiveWriter()
        writer.string("Sài Gòn")
        var reader = ArchiveReader(Array(writer.bytes.dropLast()))
        XCTAssertThrowsError(try reader.string())
    }

    func testLazyTextReadsBackAsWrittenAndIsWrittenAgainAsItIs() throws {
        let texts = ["", "Đà Nẵng: mưa lớn, 30/11/2021 22:58", String(repeating: "ệ", count: 300)]
        var writer = ArchiveWriter()
        for text in texts { writer.text(LazyText(text)) }
        writer.count(1_000)
        var reader = ArchiveReader(writer.bytes)
        let lazy = try texts.map { _ in try reader.lazyText() }
        XCTAssertEqual(try reader.count(), 1_000)
        XCTAssertTrue(reader.isAtEnd)
        XCTAssertEqual(lazy.map(\.text), texts)
        // Written again from the archive's bytes, the archive is the same.
        var again = ArchiveWriter()
        for text in lazy { again.text(text) }
        again.count(1_000)
        XCTAssertEqual(again.bytes, writer.bytes)
        // Damaged bytes are repaired when read, not a crash; a length past the end is an error.
        var damaged = ArchiveWriter()
        damaged.count(2)
        damaged.append([0x61, 0xC3])
        var damagedReader = ArchiveReader(damaged.bytes)
        XCTAssertEqual(try damagedReader.lazyText().text, "a\u{FFFD}")
        var short = ArchiveReader(Array(writer.bytes.prefix(3)))
        _ = try short.lazyText()
        XCTAssertThrowsError(try short.lazyText())
    }

    func testCountsOfEveryLengthReadBack() throws {
        let values = [0, 1, 127, 128, 255, 16_383, 16_384, 2_097_151, 2_097_152, Int(Int32.max), Int.max]
        var writer = ArchiveWriter()
        for value in values { writer.count(value) }
        writer.counts(values)
        writer.counts([])
        var reader = ArchiveReader(writer.bytes)
        XCTAssertEqual(try values.map { _ in try reader.count() }, values)
        XCTAssertEqual(try reader.counts(), values)
        XCTAssertEqual(try reader.counts(), [])
        XCTAssertTrue(reader.isAtEnd)
        // A count cut short after its first byte is an error, not a read past the end.
        var short = ArchiveReader([0x80])
        XCTAssertThrowsError(try short.count())
    }
}
