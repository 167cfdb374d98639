@testable import Build
import Rendering
import XCTest

final class ImageHeaderTests: XCTestCase {
    private func size(_ bytes: [UInt8], svg: Bool = false) -> ImageSize? {
        ImageHeader.size(isSVG: svg) { offset, count in
            offset >= bytes.count ? [] : Array(bytes[offset..<min(bytes.count, offset + count)])
        }
    }

    private func riff(_ chunk: String, _ payload: [UInt8]) -> [UInt8] {
        Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBP".utf8) + Array(chunk.utf8) + [UInt8(payload.count), 0, 0, 0] + payload
    }

    func testLossyAndExtendedWebPGiveTheirSizes() {
        // VP8: frame tag (3 bytes), start code 9d 01 2a, then 14-bit width and height.
        let vp8 = [0, 0, 0, 0x9D, 0x01, 0x2A, 0x80, 0x02, 0x68, 0x01] + [UInt8](repeating: 0, count: 10)
        XCTAssertEqual(size(riff("VP8 ", vp8)), ImageSize(width: 640, height: 360))
        // VP8X: flags (4 bytes), then width - 1 and height - 1 in three bytes each.
        let vp8x: [UInt8] = [0, 0, 0, 0, 0x7F, 0x07, 0, 0x37, 0x04, 0] + [UInt8](repeating: 0, count: 10)
        XCTAssertEqual(size(riff("VP8X", vp8x)), ImageSize(width: 1920, height: 1080))
    }

    private func box(_ type: String, _ payload: [UInt8]) -> [UInt8] {
        let length = 8 + payload.count
        return [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)] + Array(type.utf8) + payload
    }

    private func word(_ value: Int) -> [UInt8] { [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }

    func testAVIFGivesThePrimaryImagesExtents() {
        // ftyp (brand, version, compatible brands), then meta > iprp > ipco > ispe (version and flags, width, height).
        let ftyp = box("ftyp", Array("avif".utf8) + word(0) + Array("mif1avifmiaf".utf8))
        let ispe = box("ispe", word(0) + word(1920) + word(1080))
        let meta = box("meta", word(0) + box("hdlr", [UInt8](repeating: 0, count: 25)) + box("iprp", box("ipco", ispe)))
        XCTAssertEqual(size(ftyp + meta), ImageSize(width: 1920, height: 1080))
        let mp4 = box("ftyp", Array("isom".utf8) + word(0) + Array("isomiso2mp41".utf8)) + meta
        XCTAssertNil(size(mp4), "another ISO media file, with a box that looks the same")
    }

    func testSVGTakesPlainWidthAndHeightElseItsViewBox() {
        XCTAssertEqual(size(Array(#"<svg width="120px" height="80" viewBox="0 0 12 8">"#.utf8), svg: true), ImageSize(width: 120, height: 80))
        XCTAssertEqual(size(Array(#"<svg width="10em" height="5em" viewBox="0,0,300,150">"#.utf8), svg: true), ImageSize(width: 300, height: 150))
        XCTAssertNil(size(Array(#"<svg width="100%">"#.utf8), svg: true))
    }

    func testDamagedOrUnknownFilesHaveNoSize() {
        XCTAssertNil(size([0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF]), "a JPEG segment longer than the file")
        XCTAssertNil(size([0xFF, 0xD8, 0xFF, 0xDA, 0, 2]), "a JPEG scan before any frame")
        XCTAssertNil(size(Array("%PDF-1.7".utf8)))
        XCTAssertNil(size([0x89, 0x50, 0x4E, 0x47]), "a truncated PNG")
        XCTAssertNil(size(Array(#"<svg width="120" height="80">"#.utf8)), "SVG only by its name")
    }
}
