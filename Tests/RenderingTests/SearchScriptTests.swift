import Foundation
import TestSupport
import XCTest

/// The default theme's `assets/search.js`, run in Node against a stand-in for the search page
/// (`Tests/Fixtures/search/harness.js`) whose index arrives only after every keystroke: the case
/// that showed 166 results for a query matching 6.
final class SearchScriptTests: XCTestCase {
    private struct Seen: Decodable {
        var fetches: Int
        var valueOnLoad: String
        var url: String
        var status: String
        var titles: [String]
        var dates: [String]
    }

    private func search(query: String = "", typing keystrokes: [String]) throws -> Seen {
        let node = ["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let node else { throw XCTSkip("Node is not installed") }
        let fixture = Repository.fixture("search")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = [fixture.appendingPathComponent("harness.js").path,
                             Repository.root.appendingPathComponent("Templates/assets/search.js").path,
                             fixture.appendingPathComponent("index.json").path, query] + keystrokes
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return try JSONDecoder().decode(Seen.self, from: data)
    }

    func testTypingBeforeTheIndexArrivesLoadsItOnceAndShowsEachResultOnce() throws {
        let seen = try search(typing: ["g", "gi", "gia", "gia l", "gia lua"])
        XCTAssertEqual(seen.fetches, 1)
        XCTAssertEqual(seen.titles, ["Giá lúa tăng mạnh"])
        XCTAssertEqual(seen.status, "1 found")
    }

    func testResultsShowTheDayAsTheSitePrintsItAndACount() throws {
        let seen = try search(typing: ["lua"])
        XCTAssertEqual(seen.titles, ["Giá lúa tăng mạnh", "Lúa gạo xuất khẩu"])
        XCTAssertEqual(seen.dates, ["30/11/2021", "29/11/2021"])
        XCTAssertEqual(seen.status, "2 found")
    }

    func testTheQueryIsReadFromAndKeptInTheAddress() throws {
        let opened = try search(query: "?q=m%C6%B0a", typing: [])
        XCTAssertEqual(opened.valueOnLoad, "mưa")
        XCTAssertEqual(opened.titles, ["Mưa lớn"])
        XCTAssertEqual(try search(typing: ["gạo"]).url, "?q=g%E1%BA%A1o")
    }

    func testAQueryMatchingNothingSaysSo() throws {
        let seen = try search(typing: ["lua", "zzz"])
        XCTAssertEqual(seen.titles, [])
        XCTAssertEqual(seen.status, "none")
    }
}
