import Foundation
@testable import Ingest
import TestSupport
import XCTest

/// `SimpleYAML` reads the common shape of front matter without Yams: wherever it answers, its answer
/// must be Yams' (the same values, the same key positions), and where the text is not of that shape
/// it must step aside.
final class SimpleYAMLTests: XCTestCase {
    /// Both readers' answers for one text; fails the test where the fast one answers differently.
    @discardableResult
    private func assertAgree(_ text: String, firstLine: Int = 2, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        guard let fast = SimpleYAML.fields(Substring(text), firstLine: firstLine) else { return false }
        do {
            let yams = try YAMLFrontMatter.parseWithYams(Substring(text), firstLine: firstLine)
            XCTAssertEqual(fast.values, yams.values, "values of:\n\(text)", file: file, line: line)
            XCTAssertEqual(fast.positions, yams.positions, "positions of:\n\(text)", file: file, line: line)
        } catch {
            XCTFail("Yams rejects what the fast reader read (\(error.message)):\n\(text)", file: file, line: line)
        }
        return true
    }

    func testReadsTheCommonShape() {
        let text = """
        title: "Chuyển đổi số: bước tiếp theo"
        date: 2021-11-30T22:58:00+07:00
        tags: [Chuyển đổi số, "Kinh tế, xã hội", 'it''s']
        categories:
          - Thời sự
          - "Đời sống"
        # a comment line
        draft: False
        lastmod: null
        image: https://example.com/a.jpg?x=1#top

        summary: Tóm tắt, với [ngoặc] và {ngoặc}.
        """
        let fields = SimpleYAML.fields(Substring(text), firstLine: 2)
        XCTAssertEqual(fields?.values["title"], .string("Chuyển đổi số: bước tiếp theo"))
        XCTAssertEqual(fields?.values["tags"], .list([.string("Chuyển đổi số"), .string("Kinh tế, xã hội"), .string("it's")]))
        XCTAssertEqual(fields?.values["categories"], .list([.string("Thời sự"), .string("Đời sống")]))
        XCTAssertEqual(fields?.values["draft"], .bool(false))
        XCTAssertEqual(fields?.values["lastmod"], .string(""))
        XCTAssertEqual(fields?.positions["summary"], .init(line: 13, column: 1))
        XCTAssertTrue(assertAgree(text))
    }

    func testStepsAsideFromWhatItDoesNotRead() {
        let others = [
            "title: &a x\nsummary: *a", "title: !!str 1", "summary: |\n  lines\n  more", "summary: >\n  folded",
            "title: long\n  continued", "title: a # comment", "title: \"escaped \\\" quote\"", "title: 'open\n  quote'",
            "params:\n  key: value", "title: a\ntitle: b", "\"title\": x", "title : x", "tags: [a, ]", "tags: [a,\n  b]",
            "title:\tx", "title: x\r\ndate: y", "  title: x", "tags:\n  - a\n - b", "title: Note:", "title: {a: 1}",
            "title: a\n---\ndate: b", "title: -1", "%YAML 1.2\n---\ntitle: x", "title: x\u{2028}y", "title: \u{FEFF}x",
        ]
        for text in others {
            XCTAssertNil(SimpleYAML.fields(Substring(text), firstLine: 2), text)
        }
    }

    /// Front matter put together from pieces that are and are not of the simple shape, 30,000 times.
    func testAgreesWithYamsOnGeneratedFrontMatter() {
        let keys = ["title", "Title", "date", "tags", "categories", "summary", "draft", "author_name", "x-y", "a.b", "2021", "-k", "k k", "\"q\""]
        let scalars = [
            "Hà Nội", "Chuyển đổi số: bước", "a:b", "a: b", "a #b", "a#b", "true", "TRUE", "yes", "null", "Null", "~", "1.5", "-1",
            "2021-11-30 22:58", "30/11/2021 22:58", "https://x.vn/a?b=1", "[a, b]", "[ a ,b ]", "[]", "[a, ]", "[a,,b]", "['x''y', \"z\"]",
            "[a: b]", "[a [b]]", "[#a]", "\"q: x\"", "\"q\\\"x\"", "'s''t'", "'''a'''", "'a'''", "''''", "'s' x", "\"\"", "''", "{a: 1}", "&a x", "*a", "!t x",
            "|", ">", "@x", "`x`", "%x", "?x", "? x", ",x", "x,", "x]", "x}", "x   ", "\tx", "a\u{85}b", "đ", "😀", "x'y\"z", "- x",
        ]
        let specials = Array("-?:,[]{}#&*!|>'\"%@` \n\\\t.~\u{85}")
        var state: UInt64 = 0x5DEE_CE66_D1CE_4E5B
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33) % bound
        }
        var read = 0
        for _ in 0..<30_000 {
            var lines: [String] = []
            for _ in 0..<(1 + next(6)) {
                let key = keys[next(keys.count)]
                switch next(10) {
                case 0:
                    let indent = String(repeating: " ", count: [0, 2, 4][next(3)])
                    lines.append(key + ":")
                    for _ in 0..<next(4) {
                        lines.append(next(8) == 0 ? String(repeating: " ", count: next(5)) + "- " + scalars[next(scalars.count)]
                                                  : indent + (next(6) == 0 ? "-" : "- " + scalars[next(scalars.count)]))
                    }
                case 1: lines.append(key + ":")
                case 2: lines.append(["# note", "", "   ", "  # indented note", "  continued", "---", "..."][next(7)])
                case 3: lines.append(key + ":  " + scalars[next(scalars.count)] + [" ", "", " # c", "  "][next(4)])
                default: lines.append(key + ": " + scalars[next(scalars.count)])
                }
            }
            let text = lines.joined(separator: "\n") + (next(2) == 0 ? "\n" : "")
            if assertAgree(text, firstLine: 1 + next(3)) {
                read += 1
                // The same text with one character of YAML's put in anywhere.
                var characters = Array(text)
                characters.insert(specials[next(specials.count)], at: next(characters.count + 1))
                assertAgree(String(characters))
            }
        }
        // Both ways are taken often: the comparison means something.
        XCTAssertGreaterThan(read, 3_000)
        XCTAssertLessThan(read, 27_000)
    }

    /// The front matter of every Markdown file of the fixture sites (Hugo's and Jekyll's among them),
    /// and of the shared Hugo reference site when it is there.
    func testAgreesWithYamsOnTheFixtureSites() throws {
        var folders = [Repository.root.appendingPathComponent("Tests/Fixtures")]
        if let hugo = SharedFolder.url("bench/hugo-site") { folders.append(hugo) }
        var read = 0
        for folder in folders {
            let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
            for file in files where ["md", "markdown", "html"].contains(file.pathExtension) {
                guard let text = try? String(contentsOf: file, encoding: .utf8),
                      let split = try? FrontMatterSplit(Substring(text.replacingOccurrences(of: "\r\n", with: "\n"))),
                      split.syntax == .yaml else { continue }
                if assertAgree(String(split.frontMatter), firstLine: split.frontMatterLine) { read += 1 }
            }
        }
        XCTAssertGreaterThan(read, 20)
    }
}
