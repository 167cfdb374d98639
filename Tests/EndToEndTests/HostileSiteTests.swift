import Foundation
import TestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `Tests/Fixtures/hostile`: a site that people and crawlers could have written to hurt a CI job —
/// script addresses in crawled and Markdown pages, broken front matter of all three kinds, path
/// escapes, an alias bomb, thousands of tags, links and headings, impossible dates, a legacy
/// encoding, a link to `/etc/passwd`. It must build the good article, say what is wrong with the
/// rest at its file and line, publish no script that came from content, write nothing outside its
/// output, and finish well within a minute in well under a gigabyte.
final class HostileSiteTests: XCTestCase {
    func testAHostileSiteBuildsTheGoodArticleAndPublishesNoScript() throws {
        let site = try FixtureSite(copying: "hostile")
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("Content/tin/passwd.txt").path,
                                                   withDestinationPath: "/etc/passwd")
        let escape = URL(fileURLWithPath: "/tmp/broadsheet-escape")
        try? FileManager.default.removeItem(at: escape)

        let started = Date()
        let result = try site.run(["build", "--no-cache"])
        XCTAssertLessThan(Date().timeIntervalSince(started), 60, "the build must never come near the test's minute")
        XCTAssertEqual(result.status, 1, result.stderr)
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        XCTAssertLessThan(usage.ru_maxrss, 1024 * 1024, "peak memory (KiB) of the largest child so far")

        for expected in ["Content/tin/bom.md:8:10: error: front matter holds more than 10000 values",
                         "Content/tin/yaml-hong.md:5:1: error: YAML front matter",
                         "Content/tin/toml-trung.md:4:1: error: TOML front matter: key 'title' is defined twice",
                         "Content/tin/json-hong.md:1:1: error: JSON front matter",
                         "Content/tin/thoat-ra.md:1:1: error: URL '/../../../tmp/broadsheet-escape/' climbs out of the site",
                         "Content/tin/url-dai.md:1:1: error: URL '/ddd",
                         "Content/tin/gio-sai.md:3:1: error: cannot read the date",
                         "Content/tin/khong-tieu-de.md:1:1: error: no title",
                         "Content/tin/nhieu-the.md: warning: 2000 tags; the first 100 are kept",
                         "Content/tin/passwd.txt: warning: symbolic link to a file outside the site folder",
                         "Content/tin/windows-1258.md:2:1: warning: not valid UTF-8; read as windows-1258",
                         "Content/tin/lien-ket-chet.md:3004:3: warning: link to 'khong-co-2999.md' leads nowhere"] {
            XCTAssertTrue(result.stderr.contains(expected), "missing: \(expected)")
        }
        XCTAssertTrue(site.exists("2021/11/29/tot/index.html"), "the good article")
        XCTAssertTrue(site.exists("2021/11/27/raw-html/index.html"), "the Markdown page, made safe")
        XCTAssertTrue(try site.read("2021/11/19/windows-1258/index.html").contains("Tiếng Việt"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: escape.path), "written outside the output folder")
        XCTAssertFalse(site.outputFiles().contains { $0.hasSuffix("passwd.txt") })
        XCTAssertFalse(try site.read("2021/11/21/tieu-de-lap/index.html").isEmpty)

        var scanned = 0
        for file in site.outputFiles() where [".html", ".xml", ".json"].contains(where: file.hasSuffix) {
            scanned += 1
            let text = try site.read(file)
            XCTAssertEqual(Self.contentScripts(in: text), [], file)
        }
        XCTAssertGreaterThan(scanned, 100)
    }

    func testTheScanFindsEachKindOfScript() {
        for bad in ["<a href=\"JAVASCRIPT:x\">", "<img src=x onerror=\"y\">", "<script>x</script>", "<iframe src=\"x\">",
                    "<form action=\"/x\">", "<meta http-equiv=\"refresh\" content=\"0; url=data:text/html,x\">",
                    "&lt;script>alert(1)"] {
            XCTAssertFalse(Self.contentScripts(in: bad).isEmpty, bad)
        }
        for theme in ["<script type=\"application/ld+json\">{}</script>", "<script src=\"/assets/search.js\" defer></script>",
                      "<form class=\"search-form\" action=\"/search/\">", "<meta http-equiv=\"refresh\" content=\"0; url=/2021/\">",
                      "&lt;script&gt;alert(1)&lt;/script&gt;"] {
            XCTAssertEqual(Self.contentScripts(in: theme), [], theme)
        }
    }

    /// Every place a browser or feed reader could run script from in `text`, except the theme's own
    /// (its search script and the JSON-LD blocks, which are data) and its search form.
    static func contentScripts(in text: String) -> [String] {
        var found: [String] = []
        let lower = text.lowercased()
        for scheme in ["javascript:", "vbscript:", "data:text/html", "livescript:"] where lower.contains(scheme) { found.append(scheme) }
        let patterns = [
            #"<[a-z][^>]*\son[a-z]+\s*="#,                                                     // event handlers
            #"<script(?![^>]*type="application/ld\+json")(?![^>]*src="/assets/search\.js")"#,  // scripts not the theme's
            #"&lt;script(?![^<]*&gt;)"#,                                                       // half-escaped
            #"<(iframe|object|embed|applet|frame|base)\b"#,
            #"<form(?![^>]*class="search-form")"#,
            #"<meta[^>]*http-equiv="refresh"(?![^>]*url=(/|https://example\.org/))"#,
        ]
        for pattern in patterns {
            let expression = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                found.append(String(text[Range(match.range, in: text)!].prefix(80)))
            }
        }
        return found
    }
}
