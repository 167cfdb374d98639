import CArena
import Foundation
import Infrastructure
@testable import Ingest
import XCTest

final class XMLArenaTests: XCTestCase {
    func testAGrownBlockKeepsItsBytes() {
        broadsheet_arena_enter()
        defer { broadsheet_arena_leave() }
        let first = broadsheet_arena_malloc(16)!.assumingMemoryBound(to: UInt8.self)
        for index in 0..<16 { first[index] = UInt8(index) }
        // In place (the newest block), then moved (another block in between), then past a chunk.
        var grown = broadsheet_arena_realloc(first, 64)!.assumingMemoryBound(to: UInt8.self)
        _ = broadsheet_arena_malloc(8)
        grown = broadsheet_arena_realloc(grown, 1000)!.assumingMemoryBound(to: UInt8.self)
        grown = broadsheet_arena_realloc(grown, 3 << 20)!.assumingMemoryBound(to: UInt8.self)
        XCTAssertEqual((0..<16).map { grown[$0] }, (0..<16).map { UInt8($0) })
    }

    func testMemoryFromMallocIsFreedByMallocInsideAScope() {
        let outside = broadsheet_arena_malloc(32)  // no scope: malloc's
        broadsheet_arena_enter()
        let inside = broadsheet_arena_malloc(32)
        broadsheet_arena_free(outside)  // goes back to malloc; a crash or a leak checker would say otherwise
        broadsheet_arena_free(inside)  // the arena's: nothing to do
        XCTAssertEqual(broadsheet_arena_active(), 1)
        broadsheet_arena_leave()
        XCTAssertEqual(broadsheet_arena_active(), 0)
        let strdup = broadsheet_arena_strdup("phở")!
        XCTAssertEqual(String(cString: strdup), "phở")
        free(strdup)
    }

    func testPagesExtractedOnEveryCoreMatchThoseExtractedOneByOne() throws {
        let pages = (0..<64).map { index in
            Array("""
            <html><head><title>Tin \(index)</title></head><body><nav><a href="/">Trang chủ</a></nav>
            <article><h1>Tin số \(index)</h1><p>\(String(repeating: "Đoạn văn thứ \(index) có nhiều chữ. ", count: 40 + index))</p>
            <p>Đoạn cuối của tin \(index).</p></article><footer>© Báo</footer></body></html>
            """.utf8)
        }
        let extractor = HTMLExtractor()
        let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
        let serial = try pages.map { try extractor.extract($0, pageURL: nil, defaultTimeZone: zone).text }
        let parallel = ConcurrentMap.map(pages) { try? extractor.extract($0, pageURL: nil, defaultTimeZone: zone).text }
        XCTAssertEqual(parallel, serial)
        XCTAssertTrue(serial[63].hasSuffix("Đoạn cuối của tin 63."), serial[63])
    }
}
