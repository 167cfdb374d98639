import Infrastructure
import Ingest
import TestSupport
import XCTest

/// Readings of a crawl's captures kept between builds: the same capture is not read again, a
/// changed one is, and a kept reading gives what reading the capture gives.
final class CrawlCacheTests: XCTestCase {
    func testAKeptReadingIsUsedForTheSameCaptureAndGivesTheSameDocument() throws {
        let folder = try CrawlFolder(folder: Repository.fixture("crawls/tinmoi.example").path, origin: nil, shownAs: "crawl")
        let reader = CrawlReader(pages: ScrapedPageReader(timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!))
        let first = reader.read(folder.entries)
        XCTAssertEqual(first.reused, 0)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("crawl-\(UUID().uuidString).bin").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        CrawlCache.write(first, kept: nil, fingerprint: 7, to: path)
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: path).map { Array($0) })
        let kept = try XCTUnwrap(CrawlCache(ArchiveReader(bytes), fingerprint: 7))
        XCTAssertNil(CrawlCache(ArchiveReader(bytes), fingerprint: 8), "readings made with other settings are not used")
        let readings = first.pages.count + first.images.count
        XCTAssertEqual(kept.count, readings)

        let second = reader.read(folder.entries, kept: kept)
        XCTAssertEqual(second.reused, readings)
        XCTAssertEqual(second.pages.map(\.entry.url.text), first.pages.map(\.entry.url.text))
        XCTAssertEqual(second.pages.map(\.verdict), first.pages.map(\.verdict))
        XCTAssertEqual(second.pages.map(\.document.bodyHTML), first.pages.map(\.document.bodyHTML))
        XCTAssertEqual(second.pages.map(\.document.date), first.pages.map(\.document.date))
        XCTAssertEqual(second.pages.map(\.textHash), first.pages.map(\.textHash))
        XCTAssertEqual(second.images.map(\.contentHash), first.images.map(\.contentHash))

        var changed = folder.entries
        changed[0].capturedAt += 1
        XCTAssertEqual(reader.read(changed, kept: kept).reused, readings - 1, "a capture saved again is read again")

        // Written again from kept readings, the cache is the same file.
        let again = path + ".again"
        defer { try? FileManager.default.removeItem(atPath: again) }
        CrawlCache.write(second, kept: kept, fingerprint: 7, to: again)
        XCTAssertEqual(FileManager.default.contents(atPath: again), Data(bytes))
    }
}
