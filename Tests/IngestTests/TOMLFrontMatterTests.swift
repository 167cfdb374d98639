@testable import Ingest
import XCTest

final class TOMLFrontMatterTests: XCTestCase {
    private func parse(_ text: String) throws -> FrontMatterFields {
        try TOMLFrontMatter.parse(Substring(text), firstLine: 1)
    }

    func testAnArrayOfTablesIsAListOfTablesInOrder() throws {
        let fields = try parse("""
        title = "T"
        [[menu.main]]
          name = "News"
          url = "/news/"
        [[menu.main]]
          name = "About"
          url = "/about/"
          [menu.main.params]
            icon = "info"
        [params]
          x = 1
        """)
        XCTAssertEqual(fields.values["title"], .string("T"))
        guard case .table(let menu)? = fields.values["menu"], case .list(let items)? = menu["main"] else {
            return XCTFail("menu.main is not a list: \(String(describing: fields.values["menu"]))")
        }
        XCTAssertEqual(items.count, 2)
        XCTAssertEqual(items.map { item -> String? in if case .table(let entry) = item { entry["name"]?.text } else { nil } }, ["News", "About"])
        guard case .table(let about) = items[1], case .table(let params)? = about["params"] else { return XCTFail("[menu.main.params] is lost") }
        XCTAssertEqual(params["icon"], .string("info"))
        guard case .table(let site)? = fields.values["params"] else { return XCTFail("[params] is lost") }
        XCTAssertEqual(site["x"]?.text, "1")
    }

    func testAKeyTwiceInOneElementIsAnErrorAtTheSecond() {
        XCTAssertThrowsError(try parse("[[a]]\nx = 1\n[[a]]\nx = 2\nx = 3\n")) { error in
            XCTAssertEqual((error as? FrontMatterError)?.line, 5)
        }
    }

    func testATableAndAnArrayOfTablesOfOneNameIsAnError() {
        for text in ["[a]\nx = 1\n[[a]]\nx = 2\n", "[[a]]\nx = 1\n[a]\nx = 2\n", "a = 1\n[[a]]\n"] {
            XCTAssertThrowsError(try parse(text), text)
        }
    }
}
