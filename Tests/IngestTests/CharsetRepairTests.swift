import CUTF8
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

    func testUTF8CheckAgreesWithTheStandardLibraryOnRandomBytes() {
        // Bytes drawn mostly from UTF-8's boundaries (leads, continuations, ASCII), around 16-byte runs of ASCII.
        let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1,
                                    0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<(next() % 40) {
                bytes += next() % 5 == 0 ? Array("sixteen ascii ab".utf8) : [interesting[next() % interesting.count]]
            }
            XCTAssertEqual(CharsetRepair.isValidUTF8(bytes), String(validating: bytes, as: UTF8.self) != nil, "\(bytes)")
        }
    }

    /// Mostly valid text with a fault here and there, long enough that sequences straddle the vector
    /// path's 32-byte blocks: both paths of the check agree with the standard library on each.
    func testBothPathsAgreeWithTheStandardLibraryAcrossBlocks() {
        let pieces: [[UInt8]] = ["a", "Tiếng ", "đ", "😀", "€", "\u{10FFFF}", "ascii run of text "].map { Array($0.utf8) }
        let faults: [[UInt8]] = [[0x80], [0xC0, 0x80], [0xE0, 0x9F, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
                                 [0xF5], [0xE1, 0x80], [0xF0, 0x9F, 0x98], [0xC2]]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var valid = 0
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<(next() % 60) {
                bytes += next() % 40 == 0 ? faults[next() % faults.count] : pieces[next() % pieces.count]
            }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            if expected { valid += 1 }
            XCTAssertEqual(CharsetRepair.isValidUTF8(bytes), expected, "\(bytes)")
            XCTAssertEqual(bytes.withUnsafeBufferPointer { broadsheet_utf8_is_valid_scalar($0.baseAddress, $0.count) } != 0, expected)
        }
        XCTAssertGreaterThan(valid, 2_000)  // both answers are exercised
        XCTAssertLessThan(valid, 18_000)
    }
}
