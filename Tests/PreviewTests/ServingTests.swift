import Foundation
@testable import Preview
import TestSupport
import XCTest

/// What a browser gets from the preview: pages with the reload script, types, folders,
/// redirects, 404s, validators, HEAD and ranges.
final class ServingTests: XCTestCase {
    private var preview: PreviewedSite!

    override func setUp() async throws {
        preview = try await PreviewedSite()
    }

    override func tearDown() async throws {
        try await preview?.stop()
    }

    func testAFolderServesItsIndexWithTheReloadScriptWhichTheFileOnDiskDoesNotHave() throws {
        let reply = try preview.request("/2021/11/30/chuyen-doi-so/")
        XCTAssertEqual(reply.status, 200)
        XCTAssertEqual(reply.header("Content-Type"), "text/html; charset=utf-8")
        XCTAssertTrue(reply.text.contains("Chuyển đổi số phải đặt lợi ích quốc gia lên trên hết"))
        XCTAssertTrue(reply.text.contains("<script src=\"/__broadsheet/reload.js\" data-pages=\"[&quot;/2021/11/30/chuyen-doi-so/index.html&quot;]\"></script></body>"),
                      "the script goes right before </body>")
        let onDisk = try String(contentsOf: preview.server.output.appendingPathComponent("2021/11/30/chuyen-doi-so/index.html"), encoding: .utf8)
        XCTAssertFalse(onDisk.contains("__broadsheet"))
        XCTAssertEqual(Array(reply.body).count, Int(reply.header("Content-Length") ?? ""), "Content-Length counts the script")
    }

    func testTheSiteIsBuiltWithTheServersAddressAsItsBaseURL() throws {
        let home = try preview.request("/").text
        XCTAssertTrue(home.contains("http://127.0.0.1:\(preview.port)/"), "canonical and feed links point into the preview")
        XCTAssertFalse(home.contains("https://example.org/"))
    }

    func testEachKindOfFileGetsItsContentType() throws {
        for (path, type) in [("/assets/style.css", "text/css; charset=utf-8"), ("/feed.xml", "application/xml; charset=utf-8"),
                             ("/atom.xml", "application/xml; charset=utf-8"), ("/feed.json", "application/json; charset=utf-8"),
                             ("/kinh-te/bieu-do.png", "image/png"), ("/robots.txt", "text/plain; charset=utf-8")] {
            let reply = try preview.request(path)
            XCTAssertEqual(reply.status, 200, path)
            XCTAssertEqual(reply.header("Content-Type"), type, path)
            XCTAssertFalse(reply.text.contains("__broadsheet"), "\(path) is not HTML: no script")
        }
    }

    func testAFolderAskedForWithoutItsSlashIsRedirectedKeepingTheQuery() throws {
        let reply = try preview.request("/tags?x=1")
        XCTAssertEqual(reply.status, 302)
        XCTAssertEqual(reply.header("Location"), "/tags/?x=1")
    }

    func testAPathWithoutExtensionIsItsHTMLFileWhenThereIsOne() throws {
        try "<html><body>Về chúng tôi</body></html>".write(to: preview.server.output.appendingPathComponent("gioi-thieu.html"),
                                                          atomically: true, encoding: .utf8)
        let reply = try preview.request("/gioi-thieu")
        XCTAssertEqual(reply.status, 200)
        XCTAssertTrue(reply.text.contains("Về chúng tôi"))
        XCTAssertEqual(try preview.request("/gioi-thieu/").status, 404, "a folder's URL is not the file's")
        XCTAssertEqual(try preview.request("/khong-co").status, 404)
    }

    func testAMissingPageGetsTheSitesOwn404PageWithStatus404() throws {
        let reply = try preview.request("/khong-co/")
        XCTAssertEqual(reply.status, 404)
        XCTAssertEqual(reply.header("Content-Type"), "text/html; charset=utf-8")
        let sitePage = try String(contentsOf: preview.server.output.appendingPathComponent("404.html"), encoding: .utf8)
        XCTAssertTrue(reply.text.hasPrefix(String(sitePage.prefix(200))), "the site's 404.html")
        XCTAssertTrue(reply.text.contains("/khong-co/index.html"), "the page reloads when the missing file appears")
    }

    func testAnUnchangedFileIsAnswered304ByItsETagOrItsDate() throws {
        let first = try preview.request("/assets/style.css")
        let etag = try XCTUnwrap(first.header("ETag"))
        let modified = try XCTUnwrap(first.header("Last-Modified"))
        XCTAssertEqual(first.header("Cache-Control"), "no-cache")
        let byTag = try preview.request("/assets/style.css", headers: ["If-None-Match": etag])
        XCTAssertEqual(byTag.status, 304)
        XCTAssertEqual(byTag.body, [])
        XCTAssertEqual(byTag.header("ETag"), etag)
        XCTAssertEqual(try preview.request("/assets/style.css", headers: ["If-Modified-Since": modified]).status, 304)
        XCTAssertEqual(try preview.request("/assets/style.css", headers: ["If-None-Match": "\"other\""]).status, 200)
        XCTAssertEqual(try preview.request("/assets/style.css", headers: ["If-Modified-Since": "Thu, 01 Jan 1970 00:00:00 GMT"]).status, 200)
        XCTAssertEqual(try preview.request("/", headers: ["If-None-Match": try XCTUnwrap(preview.request("/").header("ETag"))]).status, 304,
                       "pages too")
    }

    func testHEADAnswersTheHeadersOfGETWithoutTheBody() throws {
        let get = try preview.request("/")
        let head = try preview.request("/", method: "HEAD")
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.body, [])
        XCTAssertEqual(head.header("Content-Length"), String(get.body.count))
        XCTAssertEqual(head.header("Content-Type"), get.header("Content-Type"))
        XCTAssertEqual(head.header("ETag"), get.header("ETag"))
    }

    func testAByteRangeIsAnswered206AndOnePastTheEnd416() throws {
        let whole = try preview.request("/assets/style.css")
        XCTAssertEqual(whole.header("Accept-Ranges"), "bytes")
        let part = try preview.request("/assets/style.css", headers: ["Range": "bytes=2-5"])
        XCTAssertEqual(part.status, 206)
        XCTAssertEqual(part.body, Array(whole.body[2...5]))
        XCTAssertEqual(part.header("Content-Range"), "bytes 2-5/\(whole.body.count)")
        let tail = try preview.request("/assets/style.css", headers: ["Range": "bytes=-3"])
        XCTAssertEqual(tail.body, Array(whole.body.suffix(3)))
        let beyond = try preview.request("/assets/style.css", headers: ["Range": "bytes=\(whole.body.count)-"])
        XCTAssertEqual(beyond.status, 416)
        XCTAssertEqual(beyond.header("Content-Range"), "bytes */\(whole.body.count)")
        let stale = try preview.request("/assets/style.css", headers: ["Range": "bytes=2-5", "If-Range": "\"another-version\""])
        XCTAssertEqual(stale.status, 200, "If-Range naming another version gets the whole file")
    }

    func testOnlyGETAndHEADAreServed() throws {
        let reply = try preview.request("/", method: "POST")
        XCTAssertEqual(reply.status, 405)
        XCTAssertEqual(reply.header("Allow"), "GET, HEAD")
    }

    func testTheReloadScriptIsServed() throws {
        let reply = try preview.request(ReloadScript.path)
        XCTAssertEqual(reply.status, 200)
        XCTAssertEqual(reply.header("Content-Type"), "text/javascript; charset=utf-8")
        XCTAssertTrue(reply.text.contains("new EventSource(\"/__broadsheet/events\")"))
    }
}
