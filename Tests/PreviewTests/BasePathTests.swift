import Foundation
import TestSupport
import XCTest

/// A site whose base URL has a path (`https://example.org/mirror/`) is served below that path,
/// as its links expect, with the host replaced by the server's.
final class BasePathTests: XCTestCase {
    private var preview: PreviewedSite!

    override func setUp() async throws {
        preview = try await PreviewedSite { site in
            let config = try String(contentsOf: site.root.appendingPathComponent("site.yml"), encoding: .utf8)
            try site.write("site.yml", config.replacingOccurrences(of: "https://example.org/", with: "https://example.org/mirror/"))
        }
    }

    override func tearDown() async throws {
        try await preview?.stop()
    }

    func testTheURLAndEveryLinkKeepThePath() throws {
        XCTAssertEqual(preview.server.url, "http://127.0.0.1:\(preview.port)/mirror/")
        let home = try preview.request("/mirror/")
        XCTAssertEqual(home.status, 200)
        XCTAssertTrue(home.text.contains("href=\"/mirror/2021/11/30/chuyen-doi-so/\""))
        XCTAssertTrue(home.text.contains("http://127.0.0.1:\(preview.port)/mirror/"))
        XCTAssertEqual(try preview.request("/mirror/tags/").status, 200)
    }

    func testTheRootAndTheBarePathRedirectToTheSite() throws {
        XCTAssertEqual(try preview.request("/").header("Location"), "/mirror/")
        XCTAssertEqual(try preview.request("/mirror").header("Location"), "/mirror/")
    }

    func testPathsOutsideTheBasePathAreNotFound() throws {
        XCTAssertEqual(try preview.request("/tags/").status, 404)
    }
}
