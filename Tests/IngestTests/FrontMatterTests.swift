import Foundation
@testable import Ingest
import XCTest

final class FrontMatterTests: XCTestCase {
    private let reader = MarkdownReader(timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)

    private func read(_ text: String, path: String = "thoi-su/bai.md") -> SourceDocument {
        reader.read(Array(text.utf8), path: path)
    }

    func testYAMLFrontMatterGivesHugoKeys() {
        let document = read("""
        ---
        title: "Chuyển đổi số: bước tiếp theo"
        date: 2021-11-30T22:58:00+07:00
        lastmod: 2021-12-01
        tags: [Chuyển đổi số, Kinh tế]
        categories: [Thời sự]
        author: Bạch Dương
        summary: Tóm tắt.
        image: images/a.png
        slug: buoc-tiep-theo
        aliases: [/cu/bai/]
        draft: false
        ---
        Nội dung.
        """)
        XCTAssertEqual(document.diagnostics, [])
        XCTAssertEqual(document.title, "Chuyển đổi số: bước tiếp theo")
        XCTAssertEqual(document.date?.date.timeIntervalSince1970, 1_638_287_880)
        XCTAssertEqual(document.date?.utcOffsetSeconds, 7 * 3600)
        XCTAssertNotNil(document.lastModified)
        XCTAssertEqual(document.tags, ["Chuyển đổi số", "Kinh tế"])
        XCTAssertEqual(document.categories, ["Thời sự"])
        XCTAssertEqual(document.authors, ["Bạch Dương"])
        XCTAssertEqual(document.summary, "Tóm tắt.")
        XCTAssertEqual(document.image, "images/a.png")
        XCTAssertEqual(document.slug, "buoc-tiep-theo")
        XCTAssertEqual(document.aliases, ["/cu/bai/"])
        XCTAssertFalse(document.draft)
    }

    func testAnAuthorStringNamingSeveralPeopleIsSeveralAuthors() {
        for (written, names) in [("An and Bình", ["An", "Bình"]), ("An, Bình", ["An", "Bình"]), ("Lê Văn An và Trần Bình", ["Lê Văn An", "Trần Bình"]),
                                 ("An, Bình & Chi", ["An", "Bình", "Chi"]), ("Andrew Vân", ["Andrew Vân"])] {
            XCTAssertEqual(read("---\ntitle: t\nauthor: \(written)\n---\n").authors, names, written)
        }
    }

    func testAnAuthorListKeepsEachItemWhole() {
        XCTAssertEqual(read("---\ntitle: t\nauthors: [\"Smith and Sons\", An]\n---\n").authors, ["Smith and Sons", "An"])
    }

    func testCategoriesAreKeptAsWrittenApartFromSectionAndTags() {
        let document = read("---\ntitle: t\nsection: Thời sự\ntags: [Giá]\ncategories: [Kinh tế, Năng lượng]\n---\n")
        XCTAssertEqual(document.section, "Thời sự")
        XCTAssertEqual(document.tags, ["Giá"])
        XCTAssertEqual(document.categories, ["Kinh tế", "Năng lượng"])
        XCTAssertNil(read("---\ntitle: t\ncategories: [Kinh tế]\n---\n").section)
    }

    func testAJekyllPostsCategoryStringIsSplitAtSpacesAndOthersAreNot() {
        XCTAssertEqual(read("---\ntitle: t\ncategories: news local\n---\n", path: "_posts/2022-03-04-x.md").categories, ["news", "local"])
        XCTAssertEqual(read("---\ntitle: t\ncategories: Thời sự\n---\n").categories, ["Thời sự"])
    }

    func testAnEmptyListOfCategoriesIsNoneWithoutAWarning() {
        for text in ["---\ntitle: t\ncategories: []\ntags: []\n---\n", "+++\ntitle = \"t\"\nCategories = []\nTags = []\n+++\n"] {
            let document = read(text)
            XCTAssertEqual(document.categories, [], text)
            XCTAssertEqual(document.tags, [], text)
            XCTAssertEqual(document.diagnostics.map(\.message), [], text)
        }
    }

    func testCharacterReferencesInATitleAndSummaryAreTheCharactersTheyName() {
        let document = read("---\ntitle: 'It&#8217;s Q&amp;A &#x2014; &lt;live&gt;'\ndescription: \"Tom &amp; Jerry&#39;s\"\n---\nBody.\n")
        XCTAssertEqual(document.title, "It\u{2019}s Q&A \u{2014} <live>")
        XCTAssertEqual(document.summary, "Tom & Jerry's")
        let named = read("---\ntitle: 'Don&rsquo;t stop&hellip; Caf&eacute;&nbsp;1 &notanentity; & more'\n---\nBody.\n")
        XCTAssertEqual(named.title, "Don\u{2019}t stop\u{2026} Café\u{00A0}1 &notanentity; & more", "HTML's named references, an unknown one kept")
    }

    func testTOMLFrontMatter() {
        let document = read("""
        +++
        title = "Giá xăng giảm"   # comment
        date = 2021-11-30T08:00:00+07:00
        tags = ["Kinh tế",
          "Năng lượng"]
        authors = ['Minh Anh', "Lê Hà"]
        draft = true
        [params]
        note = "x"
        +++
        Body.
        """)
        XCTAssertEqual(document.diagnostics, [])
        XCTAssertEqual(document.title, "Giá xăng giảm")
        XCTAssertEqual(document.tags, ["Kinh tế", "Năng lượng"])
        XCTAssertEqual(document.authors, ["Minh Anh", "Lê Hà"])
        XCTAssertTrue(document.draft)
        XCTAssertEqual(document.date?.date.timeIntervalSince1970, 1_638_234_000)
    }

    func testJSONFrontMatter() {
        let document = read("""
        {
          "title": "Hello & welcome",
          "date": "2022-01-05 09:30",
          "tags": ["World"],
          "section": "World"
        }
        Body text.
        """)
        XCTAssertEqual(document.diagnostics, [])
        XCTAssertEqual(document.title, "Hello & welcome")
        XCTAssertEqual(document.section, "World")
        XCTAssertEqual(document.wordCount, 2)
        XCTAssertEqual(document.bodyHTML, "<p>Body text.</p>\n")
        // A date without a zone is in the site's zone.
        XCTAssertEqual(document.date?.utcOffsetSeconds, 7 * 3600)
    }

    func testNestedAliasesThatWouldExpandPastTheLimitAreAnErrorNotAnExplosion() {
        var lines = ["---", "title: Bom", "date: 2021-11-30", "a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1...8 { lines.append("a\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", "))]") }
        lines += ["tags: *a8", "---", "Thân."]
        let document = read(lines.joined(separator: "\n") + "\n")
        XCTAssertEqual(document.diagnostics.map(\.code), ["front-matter.too-large"])
        XCTAssertEqual(document.diagnostics.first?.line, 8)
        XCTAssertTrue(document.tags.isEmpty)
    }

    func testAliasesUsedAsKeysAreCountedBeforeYamsHashesThem() {
        var lines = ["---", "title: K", "date: 2021-11-30", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 { lines.append("a\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", "))]") }
        lines += ["z: {? *a9 : 1, ? *a8 : 2}", "---", "x"]
        let document = read(lines.joined(separator: "\n") + "\n")
        XCTAssertEqual(document.diagnostics.map(\.code), ["front-matter.too-large"])
    }

    func testAliasesWithinTheLimitAreRead() {
        let document = read("---\ntitle: t\ndate: 2021-11-30\nshared: &chung [Kinh tế, Xã hội]\ntags: *chung\n---\nThân.\n")
        XCTAssertEqual(document.tags, ["Kinh tế", "Xã hội"])
        XCTAssertEqual(document.diagnostics, [])
    }

    func testAPrintedDateWhoseTimeOrOffsetCannotBeReadIsAnError() {
        for date in ["30/11/2021 99:99", "30/11/2021 22:58:61", "Mon, 01 Nov 2021 10:00:00 +9999", "Mon, 01 Nov 2021 10:00:00 -2359"] {
            let document = read("---\ntitle: t\ndate: \(date)\n---\nx\n")
            XCTAssertEqual(document.diagnostics.map(\.code), ["front-matter.date"], date)
            XCTAssertNil(document.date, date)
        }
        for date in ["30/11/2021 22:58", "Thứ Ba, 30/11/2021 - 22:58", "Mon, 01 Nov 2021 10:00:00 +0700", "30-11-2021"] {
            XCTAssertEqual(read("---\ntitle: t\ndate: \(date)\n---\nx\n").diagnostics, [], date)
        }
    }

    func testATOMLTableNamedAsAKeyIsAnError() {
        let document = read("+++\ntitle = \"t\"\ndate = 2021-11-30\ntags = [\"a\"]\n[tags]\nx = 1\n+++\nThân.\n")
        XCTAssertEqual(document.diagnostics.map(\.code), ["front-matter.syntax"])
        XCTAssertEqual(document.diagnostics.first?.line, 5)
    }

    func testATOMLKeyDefinedTwiceIsAnErrorAtTheSecond() {
        let document = read("+++\ntitle = \"Một\"\ndate = 2021-11-30\ntitle = \"Hai\"\n+++\nThân.\n")
        XCTAssertEqual(document.diagnostics.map(\.description), ["thoi-su/bai.md:4:1: error: TOML front matter: key 'title' is defined twice"])
    }

    func testBrokenYAMLIsAnErrorAtItsLineAndColumn() {
        let document = read("---\ntitle: ok\ntags: [a, b\n---\nBody\n")
        let error = document.diagnostics.first
        XCTAssertEqual(error?.severity, .error)
        XCTAssertEqual(error?.line, 4)
        XCTAssertTrue(document.hasErrors)
    }

    func testTOMLErrorPointsAtTheValue() {
        let document = read("+++\ntitle = \"ok\"\ndate = tomorrow\n+++\n")
        XCTAssertEqual(document.diagnostics.first?.line, 3)
        XCTAssertEqual(document.diagnostics.first?.column, 8)
        XCTAssertTrue(document.diagnostics.first?.message.contains("strings need quotes") ?? false)
    }

    func testUnreadableDateIsAnErrorAtTheKey() {
        let document = read("---\ntitle: ok\ndate: someday\n---\n")
        XCTAssertEqual(document.diagnostics.first?.description,
                       "thoi-su/bai.md:3:1: error: cannot read the date 'someday' (write it like 2021-11-30T22:58:00+07:00 or 30/11/2021 22:58)")
    }

    func testUnclosedFrontMatterIsAnError() {
        let document = read("---\ntitle: x\n\nBody\n")
        XCTAssertEqual(document.diagnostics.first?.line, 1)
        XCTAssertTrue(document.hasErrors)
    }

    func testJekyllFileNameGivesTheDate() {
        let document = read("---\ntitle: x\n---\nBody\n", path: "kinh-te/2021-11-30-gia-vang.md")
        XCTAssertEqual(document.date?.date.timeIntervalSince1970, 1_638_205_200)
        XCTAssertEqual(JekyllFileName(path: "kinh-te/2021-11-30-gia-vang.md")?.slug, "gia-vang")
        XCTAssertNil(JekyllFileName(path: "kinh-te/gia-vang.md"))
    }

    func testJekyllPublishedFalseIsADraft() {
        XCTAssertTrue(read("---\ntitle: x\npublished: false\ndate: 2021-01-01\n---\n").draft)
    }

    func testJSONKeysDifferingOnlyInCaseDoNotCrash() {
        let document = read("{\"title\": \"x\", \"image\": {\"Src\": \"a.png\", \"src\": \"b.png\"}}\nBody\n")
        XCTAssertNotNil(document.image)
    }

    func testDeeplyNestedTOMLIsAnErrorNotACrash() {
        let document = read("+++\ntags = " + String(repeating: "[", count: 5_000) + "\n+++\n")
        XCTAssertTrue(document.hasErrors)
        XCTAssertTrue(document.diagnostics[0].message.contains("nested"), document.diagnostics[0].message)
    }

    func testYAMLNullIsNoValue() {
        let document = read("---\ntitle: Tựa\nlastmod: null\nsummary: ~\ndate: 2021-11-30\n---\n")
        XCTAssertEqual(document.diagnostics, [])
        XCTAssertNil(document.lastModified)
        XCTAssertNil(document.summary)
    }

    func testABadModificationDateIsOnlyAWarning() {
        let document = read("---\ntitle: x\ndate: 2021-11-30\nlastmod: someday\n---\n")
        XCTAssertFalse(document.hasErrors)
        XCTAssertEqual(document.diagnostics.first?.severity, .warning)
    }

    func testCommaSeparatedTagsAreSplit() {
        XCTAssertEqual(read("---\ntitle: x\ntags: a, b\n---\n").tags.map { $0.trimmingCharacters(in: .whitespaces) }, ["a", "b"])
    }
}
