import Ingest
import XCTest

/// How a crawled address is read, when two addresses are one page, and where a page or file is
/// written on the mirror.
final class CrawlURLTests: XCTestCase {
    func testAnAddressIsSplitIntoHostPathAndQuery() throws {
        let url = try XCTUnwrap(CrawlURL("HTTPS://WWW.Example.org:443/th%E1%BB%9Di-s%E1%BB%B1/a.htm?id=3#top"))
        XCTAssertEqual(url.scheme, "https")
        XCTAssertEqual(url.host, "www.example.org")
        XCTAssertEqual(url.siteHost, "example.org")
        XCTAssertEqual(url.path, "/thời-sự/a.htm")
        XCTAssertEqual(url.query, "id=3")
        XCTAssertNil(CrawlURL("javascript:alert(1)"))
        XCTAssertNil(CrawlURL("/relative/path"))
        XCTAssertNil(CrawlURL("ftp://example.org/file"))
        for host in ["https://./b.htm", "https://../b.htm", "https://a..b/x", "https://.example.org/", "https://ex ample.org/", "https://ex%2forg/"] {
            XCTAssertNil(CrawlURL(host), "not a host: \(host)")
        }
        XCTAssertEqual(CrawlURL("https://example.org/a/../../../etc/passwd")?.path, "/etc/passwd")
        XCTAssertEqual(CrawlURL("https://example.org/%2e%2e/%2E%2E/x/./y/..")?.path, "/x/")
        XCTAssertEqual(CrawlURL("https://example.org/a\\..\\..\\b")?.path, "/b")
    }

    func testSchemeWwwIndexFilesTrailingSlashesAndTrackingDoNotMakeAnotherPage() {
        let keys = ["http://example.org/tin/", "https://www.example.org/tin/index.html", "https://example.org/tin",
                    "https://example.org/tin/?utm_source=facebook&fbclid=abc", "https://example.org/tin/#comments"]
            .compactMap(CrawlURL.init).map(\.pageKey)
        XCTAssertEqual(Set(keys), ["example.org/tin"])
        XCTAssertNotEqual(CrawlURL("https://example.org/a.php?id=3")?.pageKey, CrawlURL("https://example.org/a.php?id=4")?.pageKey)
        XCTAssertEqual(CrawlURL("https://example.org/a.php?b=2&a=1")?.pageKey, CrawlURL("https://example.org/a.php?a=1&b=2&utm_medium=x")?.pageKey)
    }

    func testOnlyARasterImageNameIsCopiedAsAnImage() {
        func kind(_ address: String, _ type: String?) -> CrawlEntry.Kind {
            var entry = CrawlEntry(url: CrawlURL(address)!, capturedAt: 0, location: .file("/x"), shown: address, size: 1)
            entry.contentType = type
            return entry.kind
        }
        XCTAssertEqual(kind("https://example.org/a/b.jpg", "image/jpeg"), .image)
        XCTAssertEqual(kind("https://example.org/a/b.png", nil), .image)
        for address in ["https://example.org/.htaccess", "https://example.org/sw.js", "https://example.org/netlify.toml",
                        "https://example.org/logo.svg", "https://example.org/.hidden.png", "https://example.org/"] {
            XCTAssertNotEqual(kind(address, "image/png"), .image, address)
        }
        XCTAssertEqual(kind("https://example.org/index.html", "image/png"), .other)
        XCTAssertEqual(kind("https://example.org/logo.svg", nil), .other, "an SVG can hold script")
    }

    func testMirrorPathsKeepEveryAddressAStaticHostCanServe() {
        let cases: [(String, Bool, String)] = [
            ("https://example.org/thoi-su/a-20211130225800.htm", true, "thoi-su/a-20211130225800.htm"),
            ("https://example.org/thoi-su/", true, "thoi-su/"),
            ("https://example.org/thoi-su/index.html", true, "thoi-su/"),
            ("https://example.org/", true, ""),
            ("https://example.org/news/123", true, "news/123/"),
            ("https://example.org/article.php?id=3", true, "article.php@id=3.html"),
            ("https://example.org/article.php", true, "article.php.html"),
            ("https://example.org/a.htm?utm_source=x", true, "a.htm"),
            ("https://example.org/search?q=a b/c", true, "search@q=a_b_c.html"),
            ("https://example.org/images/a.jpg", false, "images/a.jpg"),
            ("https://example.org/thumb.php?w=300&id=9", false, "thumb.php@id=9&w=300"),
        ]
        for (address, isPage, expected) in cases {
            XCTAssertEqual(CrawlURL(address)?.mirrorPath(isPage: isPage), expected, address)
        }
    }
}
