import Dispatch
import Foundation
@testable import Ingest
import TestSupport
import XCTest

final class WARCArchiveTests: XCTestCase {
    private let page = Array("<html><head><title>Chuyển đổi số</title></head><body><p>Tiếng Việt.</p></body></html>".utf8)

    func testEveryVersionAndLayoutRoundTrips() throws {
        for version in [WARCWriter.Version.warc10, .warc11] {
            for compression in [WARCWriter.Compression.none, .gzipPerRecord, .gzipSingleStream] {
                var writer = WARCWriter(version: version, compression: compression)
                writer.warcinfo()
                let home = writer.response(uri: "https://example.com/", date: "2024-05-01T10:00:00Z", body: page)
                let logo = writer.resource(uri: "https://example.com/logo.png", date: "2024-05-01T10:00:01Z", contentType: "image/png", body: [0x89, 0x50, 0x4E, 0x47])
                let archive = try archive(writer)
                XCTAssertEqual(archive.problems, [], "\(version) \(compression)")
                XCTAssertEqual(archive.records.map(\.targetURI), ["https://example.com/", "https://example.com/logo.png"])
                XCTAssertEqual(archive.records.map(\.date), ["2024-05-01T10:00:00Z", "2024-05-01T10:00:01Z"])
                XCTAssertEqual(archive.records.map(\.status), [200, 200])
                XCTAssertEqual(archive.records.map(\.contentType), ["text/html; charset=utf-8", "image/png"])
                XCTAssertEqual(archive.records.map(\.offset), [home.offset, logo.offset])
                XCTAssertEqual(try archive.payload(of: archive.records[0]), page)
                XCTAssertEqual(try archive.payload(of: archive.records[1]), [0x89, 0x50, 0x4E, 0x47])
            }
        }
    }

    /// A .warc.gz of one member per record is indexed in parts on every core: split only where a
    /// member starts a record, whatever the member's first bytes look like, and giving the same
    /// records, offsets and payloads as one pass.
    func testAFileOfRecordMembersIsIndexedInPartsAsInOne() throws {
        var writer = WARCWriter(compression: .gzipPerRecord)
        writer.warcinfo()
        var bodies: [String: [UInt8]] = [:]
        for number in 0..<60 {
            let uri = "https://example.com/bai-\(number).htm"
            // Bodies of different sizes, some holding the gzip magic bytes and "WARC/" themselves.
            let body = Array("<html><body><p>Bài \(number) WARC/1.0 \u{1F}\u{8B}\u{08}</p>".utf8)
                + [UInt8](repeating: UInt8(number % 251), count: 200 * number) + Array("</body></html>".utf8)
            bodies[uri] = body
            writer.request(uri: uri, date: "2024-05-01T10:00:00Z")
            writer.response(uri: uri, date: "2024-05-01T10:00:00Z", body: body)
        }
        let path = NSTemporaryDirectory() + "parts-\(UUID().uuidString).warc.gz"
        try writer.write(to: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try WARCFile(path: path)
        let starts = file.recordMemberStarts(parts: 4)
        XCTAssertEqual(starts.count, 4, "\(starts)")
        XCTAssertEqual(starts, starts.sorted())
        let archive = try WARCArchive(contentsOf: path)
        XCTAssertEqual(archive.problems, [])
        XCTAssertEqual(archive.records.count, 60)
        XCTAssertEqual(archive.records.map(\.offset), archive.records.map(\.offset).sorted(), "file order")
        for record in archive.records { XCTAssertEqual(try archive.payload(of: record), bodies[record.targetURI], record.targetURI) }
    }

    func testAFileThatIsOneGzipStreamIsIndexedInOnePart() throws {
        var writer = WARCWriter(compression: .gzipSingleStream)
        for number in 0..<30 {
            writer.response(uri: "https://example.com/\(number)", date: "2024-05-01T10:00:00Z", body: [UInt8](repeating: 65, count: 5000))
        }
        let path = NSTemporaryDirectory() + "stream-\(UUID().uuidString).warc.gz"
        try writer.write(to: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertEqual(try WARCFile(path: path).recordMemberStarts(parts: 4), [0])
        XCTAssertEqual(try WARCArchive(contentsOf: path).records.count, 30)
    }

    func testRequestAndWarcinfoRecordsAreSkipped() throws {
        var writer = WARCWriter(compression: .gzipPerRecord)
        writer.warcinfo()
        writer.request(uri: "https://example.com/a", date: "2024-05-01T10:00:00Z")
        writer.response(uri: "https://example.com/a", date: "2024-05-01T10:00:00Z", body: page)
        writer.record(type: "metadata", uri: "https://example.com/a", date: "2024-05-01T10:00:00Z",
                      fields: [("Content-Type", "application/warc-fields")], block: Array("outlink: https://example.com/b\r\n".utf8))
        let archive = try archive(writer)
        XCTAssertEqual(archive.records.map(\.targetURI), ["https://example.com/a"])
        XCTAssertEqual(archive.problems, [])
    }

    func testChunkedAndGzipEncodedBodiesAreDecoded() throws {
        let body = Array(String(repeating: "<p>Một đoạn văn dài.</p>\n", count: 400).utf8)
        for (chunked, gzipEncoded) in [(true, false), (false, true), (true, true)] {
            var writer = WARCWriter(compression: .gzipPerRecord)
            writer.response(uri: "https://example.com/", date: "2024-05-01T10:00:00Z", body: body, chunked: chunked, gzipEncoded: gzipEncoded)
            let archive = try archive(writer)
            XCTAssertEqual(try archive.payload(of: archive.records[0]), body, "chunked \(chunked), gzip \(gzipEncoded)")
        }
    }

    func testARedirectKeepsItsLocation() throws {
        var writer = WARCWriter()
        writer.response(uri: "http://example.com/old", date: "2024-05-01T10:00:00Z", status: 301, reason: "Moved Permanently",
                        headers: [("Location", "/new?a=1&b=2")], body: [])
        let record = try XCTUnwrap(archive(writer).records.first)
        XCTAssertEqual(record.status, 301)
        XCTAssertEqual(record.location, "/new?a=1&b=2")
        XCTAssertNil(record.contentType)
    }

    func testARevisitHasItsOriginalsPayload() throws {
        for refersToCapture in [true, false] {
            var writer = WARCWriter(compression: .gzipPerRecord)
            let original = writer.response(uri: "https://example.com/", date: "2024-05-01T10:00:00Z", body: page, gzipEncoded: true)
            writer.response(uri: "https://example.com/other", date: "2024-05-01T10:00:01Z", body: Array("other".utf8))
            writer.revisit(uri: "https://example.com/", date: "2024-05-02T10:00:00Z", of: original, refersToCapture: refersToCapture)
            let archive = try archive(writer)
            XCTAssertEqual(archive.problems, [])
            let revisit = archive.records[2]
            XCTAssertEqual(revisit.date, "2024-05-02T10:00:00Z")
            XCTAssertEqual(revisit.status, 200)
            XCTAssertEqual(try archive.payload(of: revisit), page, refersToCapture ? "by URI and date" : "by digest")
        }
    }

    func testARevisitOfARecordNotInTheFileIsAProblem() throws {
        var writer = WARCWriter()
        let elsewhere = WARCWriter.Written(recordID: "<urn:uuid:x>", targetURI: "https://example.com/", date: "2023-01-01T00:00:00Z",
                                           payloadDigest: "sha1:AAAA", offset: 0)
        let revisit = writer.revisit(uri: "https://example.com/", date: "2024-05-02T10:00:00Z", of: elsewhere)
        let archive = try archive(writer)
        XCTAssertEqual(archive.records.count, 0)
        XCTAssertEqual(archive.problems.map(\.offset), [revisit.offset])
        XCTAssertTrue(archive.problems[0].message.contains("not in this file"), archive.problems[0].message)
    }

    func testATruncatedFileKeepsTheRecordsBeforeTheCut() throws {
        for compression in [WARCWriter.Compression.none, .gzipPerRecord, .gzipSingleStream] {
            var writer = WARCWriter(compression: compression)
            writer.response(uri: "https://example.com/a", date: "2024-05-01T10:00:00Z", body: page)
            let cut = writer.response(uri: "https://example.com/b", date: "2024-05-01T10:00:01Z", body: Array(repeating: 0x41, count: 5000))
            let archive = try archive(bytes: Array(writer.bytes.dropLast(40)))
            XCTAssertEqual(archive.records.map(\.targetURI), ["https://example.com/a"], "\(compression)")
            XCTAssertEqual(archive.problems.map(\.offset), [cut.offset], "\(compression)")
            XCTAssertTrue(archive.problems[0].message.contains("cut off"), archive.problems[0].message)
        }
    }

    func testAContentLengthPastTheEndOfTheFileIsAProblem() throws {
        var writer = WARCWriter()
        writer.response(uri: "https://example.com/a", date: "2024-05-01T10:00:00Z", body: page)
        let long = writer.record(type: "resource", uri: "https://example.com/b", date: "2024-05-01T10:00:01Z",
                                 fields: [("Content-Type", "text/plain")], block: Array("short".utf8), contentLength: 1_000_000_000)
        let archive = try archive(writer)
        XCTAssertEqual(archive.records.map(\.targetURI), ["https://example.com/a"])
        XCTAssertEqual(archive.problems.map(\.offset), [long.offset])
        XCTAssertTrue(archive.problems[0].message.contains("runs past the end of the file"), archive.problems[0].message)
    }

    func testAContentLengthTooShortLosesOnlyItsOwnRecord() throws {
        var writer = WARCWriter()
        let short = writer.record(type: "resource", uri: "https://example.com/a", date: "2024-05-01T10:00:00Z",
                                  fields: [("Content-Type", "text/plain")], block: Array("twenty bytes of text".utf8), contentLength: 6)
        writer.response(uri: "https://example.com/b", date: "2024-05-01T10:00:01Z", body: page)
        let archive = try archive(writer)
        XCTAssertEqual(archive.records.map(\.targetURI), ["https://example.com/a", "https://example.com/b"])
        XCTAssertEqual(try archive.payload(of: archive.records[1]), page)
        XCTAssertEqual(archive.problems.map(\.offset), [short.offset])
        XCTAssertTrue(archive.problems[0].message.contains("no record follows"), archive.problems[0].message)
    }

    func testAMalformedStatusLineSkipsTheRecordWithAProblem() throws {
        var writer = WARCWriter(compression: .gzipPerRecord)
        let broken = writer.record(type: "response", uri: "https://example.com/a", date: "2024-05-01T10:00:00Z",
                                   fields: [("Content-Type", "application/http;msgtype=response")], block: Array("HTTP/1.1 OK\r\n\r\nbody".utf8))
        writer.response(uri: "https://example.com/b", date: "2024-05-01T10:00:01Z", body: page)
        let archive = try archive(writer)
        XCTAssertEqual(archive.records.map(\.targetURI), ["https://example.com/b"])
        XCTAssertEqual(archive.problems.map(\.offset), [broken.offset])
        XCTAssertTrue(archive.problems[0].message.contains("no HTTP status line"), archive.problems[0].message)
    }

    func testAHeaderOver64KiBSkipsTheRecordWithAProblem() throws {
        var writer = WARCWriter()
        let huge = writer.record(type: "resource", uri: "https://example.com/a", date: "2024-05-01T10:00:00Z",
                                 fields: [("Content-Type", "text/plain"), ("X-Padding", String(repeating: "x", count: 70_000))], block: Array("a".utf8))
        writer.response(uri: "https://example.com/b", date: "2024-05-01T10:00:01Z", body: page)
        let archive = try archive(writer)
        XCTAssertEqual(archive.records.map(\.targetURI), ["https://example.com/b"])
        XCTAssertEqual(archive.problems.map(\.offset), [huge.offset])
        XCTAssertTrue(archive.problems[0].message.contains("over 64 KiB"), archive.problems[0].message)
    }

    func testAGzipBombRecordIsAProblemAndTheNextRecordIsKept() throws {
        var writer = WARCWriter(compression: .gzipPerRecord)
        writer.resource(uri: "https://example.com/zeros", date: "2024-05-01T10:00:00Z", contentType: "application/octet-stream",
                        repeating: 0, count: 200 << 20)
        writer.response(uri: "https://example.com/b", date: "2024-05-01T10:00:01Z", body: page)
        XCTAssertLessThan(writer.bytes.count, 1 << 20, "a small file")
        let before = Self.peakMemory()
        let archive = try archive(writer)
        XCTAssertLessThan(Self.peakMemory() - before, 64 << 20, "the 200 MiB record was not held")
        XCTAssertEqual(archive.records.map(\.targetURI), ["https://example.com/b"])
        XCTAssertEqual(archive.problems.map(\.offset), [0])
        XCTAssertTrue(archive.problems[0].message.contains("over the 64 MiB bound"), archive.problems[0].message)
    }

    func testAGzipEncodedBodyStopsInflatingAtTheBound() throws {
        var writer = WARCWriter(compression: .gzipPerRecord)
        let bomb = Gzip.compress(chunks: Array(repeating: [UInt8](repeating: 0, count: 1 << 20), count: 100))
        writer.response(uri: "https://example.com/bomb", date: "2024-05-01T10:00:00Z",
                        headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], body: bomb)
        let archive = try archive(writer)
        XCTAssertThrowsError(try archive.payload(of: archive.records[0])) { error in
            XCTAssertTrue("\(error)".contains("inflates past the 64 MiB bound"), "\(error)")
        }
    }

    func testANonHTTPResponseIsSkippedQuietly() throws {
        var writer = WARCWriter()
        writer.record(type: "response", uri: "dns:example.com", date: "2024-05-01T10:00:00Z",
                      fields: [("Content-Type", "text/dns")], block: Array("20240501100000\nexample.com. 300 IN A 93.184.216.34\n".utf8))
        writer.response(uri: "https://example.com/", date: "2024-05-01T10:00:01Z", body: page)
        let archive = try archive(writer)
        XCTAssertEqual(archive.records.map(\.targetURI), ["https://example.com/"])
        XCTAssertEqual(archive.problems, [])
    }

    func testATargetURIInAngleBracketsLosesThem() throws {
        var writer = WARCWriter()
        writer.resource(uri: "<https://example.com/a>", date: "2024-05-01T10:00:00Z", contentType: "text/plain", body: Array("a".utf8))
        XCTAssertEqual(try archive(writer).records.map(\.targetURI), ["https://example.com/a"])
    }

    func testAFileThatIsNotAWARCIsAnError() throws {
        for bytes in [[], Array("<html></html>".utf8), Gzip.compress(Array("<html></html>".utf8))] {
            XCTAssertThrowsError(try archive(bytes: bytes)) { error in
                XCTAssertEqual((error as? WARCError)?.offset, 0)
            }
        }
    }

    func testAFileWarcioWroteIsRead() throws {
        let archive = try WARCArchive(contentsOf: Repository.fixture("warc/warcio.warc.gz").path)
        XCTAssertEqual(archive.problems, [])
        XCTAssertEqual(archive.records.map(\.targetURI), [
            "https://example.com/", "https://example.com/gz", "http://example.com/", "https://example.com/", "https://example.com/robots.txt",
        ])
        XCTAssertEqual(archive.records.map(\.status), [200, 200, 301, 200, 200])
        XCTAssertEqual(archive.records.map(\.offset), [589, 1063, 1648, 1981, 2384], "as `warcio index` gives them")
        XCTAssertEqual(archive.records[1].contentType, "text/html; charset=windows-1258")
        XCTAssertEqual(archive.records[2].location, "https://example.com/")
        XCTAssertEqual(archive.records[3].date, "2026-12-04T23:37:45.134119Z", "the revisit's own date")
        let page = try archive.payload(of: archive.records[0])
        XCTAssertEqual(page.count, 3_242)
        XCTAssertTrue(page.starts(with: Array("<html><head><meta charset=\"utf-8\">".utf8)))
        XCTAssertEqual(try archive.payload(of: archive.records[1]), page, "chunked and gzip-encoded")
        XCTAssertEqual(try archive.payload(of: archive.records[3]), page, "the revisit")
        XCTAssertEqual(try archive.payload(of: archive.records[4]), Array("User-agent: *\nDisallow:\n".utf8))
    }

    func testTwoThousandRecordsAreIndexedQuickly() throws {
        var writer = WARCWriter(compression: .gzipPerRecord)
        writer.warcinfo()
        for index in 0..<2_000 {
            writer.request(uri: "https://example.com/\(index)", date: "2024-05-01T10:00:00Z")
            writer.response(uri: "https://example.com/\(index)", date: "2024-05-01T10:00:00Z", body: Self.text(seed: index, count: 2_000))
        }
        let path = try temporaryFile(writer.bytes)
        let start = Date()
        let archive = try WARCArchive(contentsOf: path)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5, "a debug build indexes 2,000 records in well under a second")
        XCTAssertEqual(archive.records.count, 2_000)
        XCTAssertEqual(try archive.payload(of: archive.records[1_234]), Self.text(seed: 1_234, count: 2_000))
    }

    func testOneGzipStreamOfManyRecordsIsReadFromCheckpoints() throws {
        var writer = WARCWriter(compression: .gzipSingleStream)
        for index in 0..<60 {
            writer.response(uri: "https://example.com/\(index)", date: "2024-05-01T10:00:00Z", body: Self.text(seed: index, count: 100_000))
        }
        let archive = try archive(writer)
        XCTAssertEqual(archive.problems, [])
        XCTAssertEqual(archive.records.count, 60)
        XCTAssertGreaterThan(Set(archive.records.compactMap { $0.payload.start.checkpoint?.output }).count, 3, "checkpoints inside the stream")
        for (index, record) in archive.records.enumerated() {
            XCTAssertEqual(try archive.payload(of: record), Self.text(seed: index, count: 100_000))
        }
    }

    /// Members are inflated whole with libdeflate, first from 64 KiB of compressed input: one
    /// that runs past it (an incompressible image) is given more; one that inflates past 4 MiB
    /// (a video) is read through zlib's stream instead. Either way each payload is exact.
    func testMembersLargerThanTheFirstWindowOrTheWholeLimitAreReadExactly() throws {
        var state: UInt64 = 42
        let noise = (0..<300_000).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        let bodies = [Self.text(seed: 1, count: 3_000), noise, Self.text(seed: 2, count: 5 << 20), Self.text(seed: 3, count: 3_000)]
        var writer = WARCWriter(compression: .gzipPerRecord)
        for (index, body) in bodies.enumerated() {
            writer.response(uri: "https://example.com/\(index)", date: "2024-05-01T10:00:00Z", body: body)
        }
        let archive = try archive(writer)
        XCTAssertEqual(archive.problems, [])
        XCTAssertEqual(archive.records.count, 4)
        for (record, body) in zip(archive.records, bodies) {
            XCTAssertEqual(try archive.payload(of: record), body, record.targetURI)
        }
    }

    func testPayloadsReadFromManyThreadsAtOnceAreRight() throws {
        let bodies = (0..<200).map { Self.text(seed: $0, count: 20_000) }
        for compression in [WARCWriter.Compression.none, .gzipPerRecord, .gzipSingleStream] {
            var writer = WARCWriter(compression: compression)
            for (index, body) in bodies.enumerated() {
                writer.response(uri: "https://example.com/\(index)", date: "2024-05-01T10:00:00Z", body: body,
                                chunked: index % 3 == 0, gzipEncoded: index % 2 == 0)
            }
            let archive = try archive(writer)
            let wrong = Wrong()
            let start = Date()
            DispatchQueue.concurrentPerform(iterations: 800) { iteration in
                let index = iteration % 200
                if (try? archive.payload(of: archive.records[index])) != bodies[index] { wrong.add(index) }
            }
            print(compression, Date().timeIntervalSince(start))
            XCTAssertEqual(wrong.indices, [], "\(compression)")
        }
    }

    // MARK: - Helpers

    /// Indices whose payload came back wrong, from many threads.
    private final class Wrong: @unchecked Sendable {
        private let lock = NSLock()
        private var found: [Int] = []
        func add(_ index: Int) { lock.withLock { found.append(index) } }
        var indices: [Int] { lock.withLock { found } }
    }

    private func archive(_ writer: WARCWriter) throws -> WARCArchive {
        try archive(bytes: writer.bytes)
    }

    private func archive(bytes: [UInt8]) throws -> WARCArchive {
        try WARCArchive(contentsOf: temporaryFile(bytes))
    }

    private func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("warc-\(UUID().uuidString).warc")
        try Data(bytes).write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    /// `count` letters and spaces from a fixed seed: text that compresses as prose does, not as zeros.
    private static func text(seed: Int, count: Int) -> [UInt8] {
        var state = UInt64(seed) &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let value = Int(state >> 59)
            return value < 26 ? UInt8(ascii: "a") + UInt8(value) : UInt8(ascii: " ")
        }
    }

    /// The most memory this process has held, in bytes.
    private static func peakMemory() -> Int {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss * 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return usage.ru_maxrss
        #endif
    }
}
