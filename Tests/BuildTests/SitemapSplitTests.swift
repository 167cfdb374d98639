import Build
import Foundation
import XCTest

final class SitemapSplitTests: XCTestCase {
    func testPastTheLimitASitemapIndexListsTheParts() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitemap-split-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for number in 1...3 {
            let url = folder.appendingPathComponent("Content/a\(number).md")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("---\ntitle: A\(number)\ndate: 2021-11-0\(number)\n---\nx\n".utf8).write(to: url)
        }
        try Data("baseURL: https://example.org/\n".utf8).write(to: folder.appendingPathComponent("site.yml"))
        _ = try Build(BuildOptions(site: folder, useCache: false, sitemapLimit: 5)).run()
        let index = try String(contentsOf: folder.appendingPathComponent("Output/sitemap.xml"), encoding: .utf8)
        XCTAssertTrue(index.contains("<sitemapindex"))
        XCTAssertTrue(index.contains("<loc>https://example.org/sitemap-1.xml</loc>"))
        var urls = 0
        var part = 1
        while let text = try? String(contentsOf: folder.appendingPathComponent("Output/sitemap-\(part).xml"), encoding: .utf8) {
            let count = text.components(separatedBy: "<url>").count - 1
            XCTAssertLessThanOrEqual(count, 5)
            urls += count
            part += 1
        }
        XCTAssertGreaterThan(part, 2)
        XCTAssertGreaterThan(urls, 10)
    }
}
