import Foundation
import TestSupport
import XCTest

/// `broadsheet mirror` on a WARC file: the wget fixture crawl written as WARC records (responses,
/// a redirect, a revisit, request records), which must mirror as the folder does, plus what only a
/// WARC can say — a page whose legacy encoding only its HTTP header declares, an HTTP error.
final class MirrorWARCTests: XCTestCase {
    private static let crawl = Repository.fixture("crawls/tinmoi.example")

    /// The fixture folder as a WARC: each file a response at its address (queries back from the
    /// file names), with the HTTP headers a server would send.
    private func writeWARC(to path: String, compression: WARCWriter.Compression, extra: (inout WARCWriter) -> Void = { _ in }) throws {
        var writer = WARCWriter(version: .warc10, compression: compression)
        _ = writer.warcinfo()
        let files = FileManager.default.enumerator(atPath: Self.crawl.path)?.allObjects.compactMap { $0 as? String }.sorted() ?? []
        var written: [String: WARCWriter.Written] = [:]
        for file in files {
            var isFolder: ObjCBool = false
            let full = Self.crawl.path + "/" + file
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            var address = file
            // `name@q=1.html` is how wget saves `name?q=1`; `photo@2x.png` is a file name.
            if let at = address.range(of: "@"), address[at.upperBound...].contains("=") {
                address = address.replacingCharacters(in: at, with: "?")
                if address.hasSuffix(".html") { address.removeLast(5) }
            }
            if address == "index.html" { address = "" }
            let uri = "https://tinmoi.example/" + address
            let type = file.hasSuffix(".png") ? "image/png" : file.hasSuffix(".gif") ? "image/gif" : file.hasSuffix(".css") ? "text/css"
                : file.hasSuffix(".js") ? "application/javascript" : "text/html; charset=utf-8"
            let body = Array(try Data(contentsOf: URL(fileURLWithPath: full)))
            _ = writer.request(uri: uri, date: "2021-12-01T03:00:00Z")
            // A picture saved twice is a revisit of the first capture, as crawlers write it.
            if file.hasSuffix("anh-chung-ban-sao.png"), let original = written["images/2021/11/anh-chung.png"] {
                _ = writer.revisit(uri: uri, date: "2021-12-01T03:00:00Z", of: original, headers: [("Content-Type", type)])
                continue
            }
            written[file] = writer.response(uri: uri, date: "2021-12-01T03:00:00Z", headers: [("Content-Type", type)], body: body,
                                            chunked: file.hasSuffix("le-hoi-den-long-hoi-an-20211127200000.htm"),
                                            gzipEncoded: file.hasSuffix("trien-lam-anh-di-san-20211126143000.htm"))
        }
        extra(&writer)
        try writer.write(to: path)
    }

    func testAWARCMirrorsAsTheFolderDoes() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let warc = site.root.appendingPathComponent("tinmoi.warc.gz").path
        try writeWARC(to: warc, compression: .gzipPerRecord)
        let fromWARC = try site.run(["mirror", warc, "--output", "from-warc"])
        XCTAssertEqual(fromWARC.status, 0, fromWARC.stderr)
        let fromFolder = try site.run(["mirror", Self.crawl.path, "--output", "from-folder"])
        XCTAssertEqual(fromFolder.status, 0, fromFolder.stderr)
        XCTAssertEqual(fromWARC.stdout.components(separatedBy: "\n").first, fromFolder.stdout.components(separatedBy: "\n").first,
                       "the same counts from both")
        let files = { (folder: String) in
            (FileManager.default.enumerator(atPath: site.root.appendingPathComponent(folder).path)?.allObjects.compactMap { $0 as? String } ?? [])
                .filter { !$0.hasPrefix(".") }.sorted()
        }
        XCTAssertEqual(files("from-warc"), files("from-folder"))
        for file in ["thoi-su/chuyen-doi-so-dat-loi-ich-quoc-gia-len-tren-het-20211130225800.htm", "van-hoa/le-hoi-den-long-hoi-an-20211127200000.htm",
                     "van-hoa/trien-lam-anh-di-san-20211126143000.htm", "images/2021/11/anh-chung-ban-sao.png"] {
            let a = try Data(contentsOf: site.root.appendingPathComponent("from-warc/" + file))
            let b = try Data(contentsOf: site.root.appendingPathComponent("from-folder/" + file))
            XCTAssertEqual(a, b, "\(file): chunked and gzip-encoded bodies, and revisits, read as the files")
        }
    }

    func testWhatOnlyAWARCSaysIsRead() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let warc = site.root.appendingPathComponent("tinmoi.warc").path
        // Windows-1258, declared only in the header: "Tiếng Việt" as that code page writes it.
        let legacy = try String(contentsOf: Self.crawl.appendingPathComponent("the-thao/giai-chay-dem-thanh-pho-20211124190000.htm"), encoding: .utf8)
            .replacingOccurrences(of: "<meta charset=\"utf-8\">", with: "")
            .replacingOccurrences(of: "giai-chay-dem-thanh-pho-20211124190000", with: "ma-cu-20211124190000")
            .replacingOccurrences(of: "Năm nghìn người tham gia giải chạy đêm thành phố", with: "Trang mã cũ: Tiếng Việt")
        let encoded = try XCTUnwrap(Self.windows1258(legacy))
        try writeWARC(to: warc, compression: .none) { writer in
            _ = writer.response(uri: "https://tinmoi.example/the-thao/ma-cu-20211124190000.htm", date: "2021-12-02T03:00:00Z",
                                headers: [("Content-Type", "text/html; charset=windows-1258")], body: encoded)
            _ = writer.response(uri: "https://tinmoi.example/cu/chuyen-doi-so.htm", date: "2021-12-02T03:00:00Z", status: 301, reason: "Moved",
                                headers: [("Location", "/thoi-su/chuyen-doi-so-dat-loi-ich-quoc-gia-len-tren-het-20211130225800.htm")], body: [])
            // A later capture of the same page over http that only redirects to https: the page stays.
            _ = writer.response(uri: "http://tinmoi.example/thoi-su/ha-noi-mo-them-tuyen-xe-buyt-dien-20211130081500.htm", date: "2021-12-03T03:00:00Z",
                                status: 301, reason: "Moved",
                                headers: [("Location", "https://tinmoi.example/thoi-su/ha-noi-mo-them-tuyen-xe-buyt-dien-20211130081500.htm")], body: [])
            // A later crawl found a login wall where an article was: the article stays.
            _ = writer.response(uri: "https://tinmoi.example/kinh-te/gia-lua-tang-manh-cuoi-nam-20211129173000.htm", date: "2021-12-04T03:00:00Z",
                                body: Array("<html><head><title>Đăng nhập</title></head><body><h1>Đăng nhập</h1><form><input name=u></form></body></html>".utf8))
            // Addresses that would lead out of the output folder, or hold a NUL.
            let png = Array((try? Data(contentsOf: Self.crawl.appendingPathComponent("images/2021/11/anh-chung.png"))) ?? Data())
            _ = writer.response(uri: "https://tinmoi.example/../../../../tmp/broadsheet-warc-escape.png", date: "2021-12-02T03:00:00Z",
                                headers: [("Content-Type", "image/png")], body: png + [1])
            _ = writer.response(uri: "https://tinmoi.example/a%00b.png", date: "2021-12-02T03:00:00Z", headers: [("Content-Type", "image/png")], body: png + [2])
            _ = writer.response(uri: "https://tinmoi.example/%2e%2e/%2e%2e/tmp/broadsheet-warc-escape.htm", date: "2021-12-02T03:00:00Z",
                                body: Array(legacy.replacingOccurrences(of: "Trang mã cũ", with: "Trang thoát").utf8))
            _ = writer.response(uri: "https://tinmoi.example/loi.htm", date: "2021-12-02T03:00:00Z", status: 404, reason: "Not Found",
                                body: Array("<html><body><h1>Không tìm thấy</h1></body></html>".utf8))
        }
        for escape in ["/tmp/broadsheet-warc-escape.png", "/tmp/broadsheet-warc-escape.htm"] { try? FileManager.default.removeItem(atPath: escape) }
        let result = try site.run(["mirror", warc, "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        for escape in ["/tmp/broadsheet-warc-escape.png", "/tmp/broadsheet-warc-escape.htm"] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: escape), "written outside the output folder: \(escape)")
        }
        XCTAssertTrue(site.exists("tmp/broadsheet-warc-escape.png"), "an address climbing above the root stays at the root, as browsers read it")
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let mirror = try XCTUnwrap(report["mirror"] as? [String: Any])
        XCTAssertEqual((mirror["skipped"] as? [String: Int])?["http-error"], 1)
        XCTAssertEqual((mirror["aliases"] as? [String: Int])?["redirect"], 1)
        XCTAssertTrue(try site.read("the-thao/ma-cu-20211124190000.htm").contains("Trang mã cũ: Tiếng Việt"), "decoded with the header's charset")
        XCTAssertTrue(try site.read("kinh-te/gia-lua-tang-manh-cuoi-nam-20211129173000.htm").contains("Giá lúa tăng mạnh dịp cuối năm"),
                      "a newer capture that is no article does not hide the article")
        XCTAssertTrue(try site.read("thoi-su/ha-noi-mo-them-tuyen-xe-buyt-dien-20211130081500.htm").contains("class=\"article-body\""),
                      "a later redirect from http does not replace the page")
        XCTAssertTrue(try site.read("cu/chuyen-doi-so.htm").contains("url=/thoi-su/chuyen-doi-so-dat-loi-ich-quoc-gia-len-tren-het-20211130225800.htm"))
    }

    /// `text` in Windows-1258 through iconv, as Vietnamese Windows saved it.
    private static func windows1258(_ text: String) -> [UInt8]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "WINDOWS-1258"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        guard (try? process.run()) != nil else { return nil }
        input.fileHandleForWriting.write(Data(text.utf8))
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? Array(data) : nil
    }
}
