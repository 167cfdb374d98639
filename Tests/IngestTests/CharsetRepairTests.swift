import XCTest
@testable import Ingest

final class CharsetRepairTests: XCTestCase {
    func testUTF8CheckAgreesWithTheStandardLibrary() {
        let samples: [[UInt8]] = [
            Array("plain ASCII, longer than one word".utf8), Array("Tiếng Việt có dấu 😀".utf8),
            [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98], [0x80],
            Array("abcdefgh".utf8) + [0xFF] + Array("ijklmnop".utf8), [],
        ]
        for bytes in samples {
            XCTAssertEqual(CharsetRepair.isValidUTF8(bytes), String(validating: bytes, as: UTF8.self) != nil, "\(bytes)")
        }
    }
}
