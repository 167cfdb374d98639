@testable import Rendering
import XCTest

/// The redirect maps of a mirror: one rule a line whatever a crawled address holds.
final class RedirectMapTests: XCTestCase {
    func testACrawledQueryCannotAddAFieldOrARule() {
        let hostile = [(from: "/p.php?id=1\thttps://evil.example/\t302!\tz=1", to: "/p.php@id=1.html"),
                       (from: "/q.php?id=1\nx.php id=9 https://evil.example/ 301\u{2028}\"$x", to: "/q.php@id=1.html")]
        let netlify = RedirectMap.netlify(hostile).split(separator: "\n").dropFirst()
        XCTAssertEqual(netlify.count, 2)
        for rule in netlify {
            XCTAssertEqual(rule.split(separator: " ").last, "301", String(rule))
            XCTAssertFalse(rule.contains("\t") || rule.contains("\u{2028}"), String(rule))
        }
        XCTAssertTrue(netlify.first?.hasPrefix("/p.php id=1%09https://evil.example/%09302!%09z=1 /p.php@id=1.html 301") == true)
        let nginx = RedirectMap.nginx(hostile)
        XCTAssertEqual(nginx.split(separator: "\n").filter { $0.hasPrefix("    \"/") }.count, 2)
        XCTAssertFalse(nginx.contains("$x"))
    }
}
