import ContentGraph
import Foundation
import Infrastructure
import Ingest
import SiteConfig
import XCTest

final class GraphBuilderTests: XCTestCase {
    private let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!

    private func markdown(_ path: String, _ text: String) -> SourceDocument {
        MarkdownReader(timeZone: zone).read(Array(text.utf8), path: path)
    }

    private func build(_ documents: [SourceDocument], assets: [String] = [], config: SiteConfig = SiteConfig(),
                       drafts: Bool = false) -> ContentGraph {
        let folder = ContentFolder(documents: documents,
                                   assets: assets.map { SourceFile(path: $0, sourcePath: "/nowhere/" + $0, size: 1) })
        return GraphBuilder(config: config, includeDrafts: drafts).build(folder)
    }

    func testTagsThatFoldToTheSameSlugMerge() {
        let graph = build([
            markdown("a.md", "---\ntitle: A\ndate: 2021-11-01\ntags: [Chuyển đổi số]\n---\n"),
            markdown("b.md", "---\ntitle: B\ndate: 2021-11-02\ntags: [chuyển đổi số]\n---\n"),
            markdown("c.md", "---\ntitle: C\ndate: 2021-11-03\ntags: [Chuyen doi so]\n---\n"),
            markdown("d.md", "---\ntitle: D\ndate: 2021-11-04\ntags: [Chuyển đổi số]\n---\n"),
        ])
        XCTAssertEqual(graph.tags.count, 1)
        XCTAssertEqual(graph.tags[0].slug, "chuyen-doi-so")
        XCTAssertEqual(graph.tags[0].name, "Chuyển đổi số")
        XCTAssertEqual(graph.tags[0].articles.count, 4)
        let warning = graph.diagnostics.first { $0.message.contains("spellings") }
        XCTAssertNotNil(warning)
        XCTAssertTrue(warning!.message.contains("'Chuyen doi so'") && warning!.message.contains("'chuyển đổi số'"))
    }

    func testAURLWithABackslashIsRefused() {
        let graph = build([markdown("a.md", "---\ntitle: A\ndate: 2021-11-01\nurl: \"/\\\\evil.example/\"\n---\n")])
        XCTAssertEqual(graph.articles.count, 0)
        XCTAssertEqual(graph.diagnostics.map(\.code), ["url.invalid"])
    }

    func testMarkdownLinksGoThroughTheURLPolicy() {
        let graph = build([markdown("a.md", "---\ntitle: A\ndate: 2021-11-01\n---\n[x](data:text/html;base64,PHNjcmlwdD4=) ![i](data:image/svg+xml;base64,PHN2Zz4=) [ok](https://example.org/)\n")])
        let body = graph.articles[0].body.text
        XCTAssertFalse(body.contains("data:"), body)
        XCTAssertTrue(body.contains("href=\"https://example.org/\""), body)
    }

    func testBodiesInASpillFileComeOutAsBodiesInMemory() throws {
        let spill = try XCTUnwrap(SpillFile(in: FileManager.default.temporaryDirectory.path))
        var documents = [
            markdown("thoi-su/a.md", "---\ntitle: A\ndate: 2021-11-01\n---\n## Giá vàng\n\nĐọc [B](b.md#muc) và [ở đây](#gia-vang), ![ảnh](hinh.png).\n"),
            markdown("thoi-su/b.md", "---\ntitle: B\ndate: 2021-11-02\n---\n## Mục {#muc}\n\nKhông có liên kết.\n"),
        ]
        let inMemory = build(documents, assets: ["thoi-su/hinh.png"])
        for index in documents.indices { documents[index].body = documents[index].body.spilled(to: spill) }
        XCTAssertTrue(documents.allSatisfy(\.body.isSpilled))
        let folder = ContentFolder(documents: documents, assets: [SourceFile(path: "thoi-su/hinh.png", sourcePath: "/nowhere/hinh.png", size: 1)])
        let spilled = GraphBuilder(config: SiteConfig(), spill: spill).build(folder)
        XCTAssertTrue(spilled.articles.allSatisfy(\.body.isSpilled))
        XCTAssertEqual(spilled.articles.map(\.body.text), inMemory.articles.map(\.body.text))
        XCTAssertEqual(spilled.diagnostics, inMemory.diagnostics)
        XCTAssertTrue(spilled.articles[1].body.text.contains("href=\"/2021/11/02/b/#muc\""), spilled.articles[1].body.text)
    }

    func testTagsPastTheLimitAreReportedAndDropped() {
        var config = SiteConfig()
        config.tagsPerArticle = 3
        let tags = (1...10).map { "Thẻ \($0)" }.joined(separator: ", ")
        let graph = build([markdown("a.md", "---\ntitle: A\ndate: 2021-11-01\ntags: [\(tags)]\n---\n")], config: config)
        XCTAssertEqual(graph.tags.map(\.name).sorted(), ["Thẻ 1", "Thẻ 2", "Thẻ 3"])
        XCTAssertEqual(graph.diagnostics.map(\.code), ["limit.tags"])
    }

    func testArticlesAreNewestFirstWithTiesBrokenBySlug() {
        let graph = build([
            markdown("b.md", "---\ntitle: B\ndate: 2021-11-30T10:00:00+07:00\n---\n"),
            markdown("a.md", "---\ntitle: A\ndate: 2021-11-30T10:00:00+07:00\n---\n"),
            markdown("c.md", "---\ntitle: C\ndate: 2021-12-01\n---\n"),
        ])
        XCTAssertEqual(graph.articles.map(\.slug), ["c", "a", "b"])
    }

    func testDefaultURLUsesTheDateInTheSiteZone() {
        // 2021-11-30T20:00:00Z is already 1 December in Hà Nội.
        let graph = build([markdown("x/tin.md", "---\ntitle: T\ndate: 2021-11-30T20:00:00Z\n---\n")])
        XCTAssertEqual(graph.articles[0].path, "2021/12/01/tin/")
        XCTAssertEqual(graph.days.map(\.path), ["2021/12/01/"])
    }

    func testSlugComesFromFrontMatterThenFileNameThenTitle() {
        let graph = build([
            markdown("s/2021-11-30-ten-tep.md", "---\ntitle: Tựa A\n---\n"),
            markdown("s/bundle-name/index.md", "---\ntitle: Tựa B\ndate: 2021-11-29\n---\n"),
            markdown("s/x.md", "---\ntitle: Tựa C\ndate: 2021-11-28\nslug: Đặt Riêng\n---\n"),
            markdown("s/index.md", "---\ntitle: Tựa Đề D\ndate: 2021-11-27\n---\n"),
        ])
        // An explicit slug is kept as written (it was folded to `dat-rieng`: issue #13).
        XCTAssertEqual(Set(graph.articles.map(\.slug)), ["ten-tep", "bundle-name", "Đặt-Riêng", "s"])
    }

    func testExplicitAndFileNameSlugsKeepCaseUnderscoresAndDots() {
        let long = String(repeating: "a", count: 120)
        let graph = build([
            markdown("s/Release_Notes.v2.md", "---\ntitle: R\ndate: 2021-11-30\n---\n"),
            markdown("s/y.md", "---\ntitle: Y\ndate: 2021-11-29\nslug: \"\(long)\"\n---\n"),
            markdown("s/z.md", "---\ntitle: Z\ndate: 2021-11-28\nslug: \"What? #1/2\"\n---\n"),
            markdown("s/#.md", "---\ntitle: Chuyển đổi số\ndate: 2021-11-27\nslug: \"?\"\n---\n"),
        ])
        XCTAssertEqual(graph.articles.map(\.path), ["2021/11/30/Release_Notes.v2/", "2021/11/29/\(long)/", "2021/11/28/What-12/",
                                                    "2021/11/27/chuyen-doi-so/"])
    }

    func testASlugTooLongForAFileNameIsReported() {
        let graph = build([markdown("s/y.md", "---\ntitle: Y\ndate: 2021-11-29\nslug: \"\(String(repeating: "ă", count: 130))\"\n---\n")])
        XCTAssertEqual(graph.articles.count, 0)
        XCTAssertEqual(graph.diagnostics.map(\.code), ["url.invalid"])
    }

    func testCollidingURLsGetSuffixesAndAWarning() {
        let graph = build([
            markdown("a/tin.md", "---\ntitle: A\ndate: 2021-11-30\n---\n"),
            markdown("b/tin.md", "---\ntitle: B\ndate: 2021-11-30\n---\n"),
        ])
        XCTAssertEqual(Set(graph.articles.map(\.path)), ["2021/11/30/tin/", "2021/11/30/tin-2/"])
        XCTAssertEqual(graph.articles.first { $0.id == "b/tin.md" }?.path, "2021/11/30/tin-2/")
        XCTAssertTrue(graph.diagnostics.contains { $0.path == "b/tin.md" && $0.severity == .warning })
    }

    func testLinksToSourceFilesBecomeArticleURLs() {
        let config = SiteConfig(baseURL: "https://example.org/mirror/")
        let graph = build([
            markdown("thoi-su/a.md", "---\ntitle: A\ndate: 2021-11-30\n---\nXem [B](../kinh-te/b.md#muc) và ![ảnh](hinh.png).\n"),
            markdown("kinh-te/b.md", "---\ntitle: B\ndate: 2021-11-29\n---\n"),
        ], assets: ["thoi-su/hinh.png"], config: config)
        let a = graph.articles.first { $0.id == "thoi-su/a.md" }!
        XCTAssertTrue(a.body.text.contains("href=\"/mirror/2021/11/29/b/#muc\""), a.body.text)
        XCTAssertTrue(a.body.text.contains("src=\"/mirror/thoi-su/hinh.png\""), a.body.text)
        let b = graph.articles.firstIndex { $0.id == "kinh-te/b.md" }!
        XCTAssertEqual(graph.articles[b].incomingLinks, [graph.articles.firstIndex { $0.id == "thoi-su/a.md" }!])
    }

    func testRelativeLinksResolveThroughDotAndEmptySegments() {
        let links = ["../../kinh-te/b.md", "./../../kinh-te//b.md", "../../../../kinh-te/b.md", "../c/../../kinh-te/./b.md", "hinh.png", "/kinh-te/b.md"]
        let body = links.enumerated().map { "[l\($0.offset)](\($0.element))" }.joined(separator: " ")
        let graph = build([
            markdown("thoi-su/ngay/a.md", "---\ntitle: A\ndate: 2021-11-30\n---\n" + body + "\n"),
            markdown("kinh-te/b.md", "---\ntitle: B\ndate: 2021-11-29\n---\n"),
        ], assets: ["thoi-su/ngay/hinh.png"])
        let a = graph.articles.first { $0.id == "thoi-su/ngay/a.md" }!
        XCTAssertEqual(a.body.text.byteOffsets(of: "href=\"/2021/11/29/b/\"").count, 5, a.body.text)
        XCTAssertTrue(a.body.text.contains("href=\"/thoi-su/ngay/hinh.png\""), a.body.text)
        XCTAssertEqual(graph.diagnostics.filter { $0.code == "link.unresolved" }, [])
    }

    func testThousandsOfLinksThatLeadNowhereAreEachReportedAtTheirLine() {
        let links = (0..<8000).map { "- [l\($0)](nowhere-\($0).md)" }.joined(separator: "\n")
        let graph = build([markdown("a.md", "---\ntitle: A\ndate: 2021-11-01\n---\n" + links + "\n")])
        let reported = graph.diagnostics.filter { $0.code == "link.unresolved" }
        XCTAssertEqual(reported.count, 8000)
        XCTAssertEqual(reported.first?.line, 5)
        XCTAssertEqual(reported.last?.line, 8004)
    }

    func testUnresolvedInternalLinksAreReportedWithTheirPosition() {
        let graph = build([markdown("a.md", "---\ntitle: A\ndate: 2021-11-30\n---\n\nXem [B](missing.md).\n")])
        let warning = graph.diagnostics.first { $0.message.contains("leads nowhere") }
        XCTAssertEqual(warning?.line, 6)
        XCTAssertEqual(warning?.column, 5)
    }

    func testAMissingImageInTheBodyIsReportedAsAnImage() {
        let graph = build([markdown("a.md", "---\ntitle: A\ndate: 2021-11-30\n---\n![anh](hinh.png) [tep](bang.pdf)\n")])
        XCTAssertEqual(graph.diagnostics.map(\.code), ["image.missing", "link.unresolved"])
        XCTAssertEqual(graph.diagnostics.map(\.location), ["a.md:5:1", "a.md:5:18"])
        XCTAssertEqual(graph.diagnostics.first?.message, "image 'hinh.png' leads nowhere: no file at hinh.png in the content folder")
    }

    func testALeadImageNotBesideThePostIsTheOneAtTheTopOfTheContent() {
        let graph = build([markdown("_posts/2022/2022-01-01-a.md", "---\ntitle: A\nimage: assets/images/a.webp\n---\n")],
                          assets: ["assets/images/a.webp"])
        XCTAssertEqual(graph.articles.first?.image, "/assets/images/a.webp")
        XCTAssertEqual(graph.diagnostics.map(\.code), [])
    }

    func testAMissingLeadImageNamesBothPlacesItWasLookedFor() {
        let graph = build([markdown("_posts/2022-01-01-a.md", "---\ntitle: A\nimage: assets/a.webp\n---\n")])
        XCTAssertEqual(graph.diagnostics.map(\.message),
                       ["image 'assets/a.webp' leads nowhere: no file at _posts/assets/a.webp or assets/a.webp in the content folder"])
    }

    func testUnderJekyllsRuleAPathWithoutSlashOrExtensionIsAnHTMLFile() throws {
        var config = SiteConfig()
        config.extensionlessPathsAreFiles = true
        let documents = [
            markdown("_posts/2022-01-01-hello.md", "---\ntitle: Hello\n---\n"),
            markdown("_posts/2022-01-02-moved.md", "---\ntitle: Moved\nurl: /elsewhere/moved\n---\n"),
            markdown("_posts/2022-01-03-v1.2.md", "---\ntitle: Dotted\n---\n"),
            markdown("about.md", "---\ntitle: About\n---\n"),
        ]
        for (pattern, paths) in [(":title", ["about.html", "elsewhere/moved.html", "hello.html", "v1.2/"]),
                                 ("/:year/:title", ["2022/hello.html", "2022/v1.2/", "about.html", "elsewhere/moved.html"]),
                                 ("/:year/:title/", ["2022/hello/", "2022/v1.2/", "about/", "elsewhere/moved.html"])] {
            config.articlePermalink = try Permalink(parsing: pattern)
            XCTAssertEqual(build(documents, config: config).articles.map(\.path).sorted(), paths, pattern)
        }
        config.extensionlessPathsAreFiles = false
        config.articlePermalink = try Permalink(parsing: ":title")
        XCTAssertEqual(build(documents, config: config).articles.map(\.path).sorted(), ["about/", "elsewhere/moved/", "hello/", "v1.2/"],
                       "Broadsheet's own rule: a folder")
    }

    func testAnArticleWithoutATitleIsLeftOutWithAnError() {
        let graph = build([
            markdown("empty.md", "---\ntitle: \"\"\ndate: 2021-11-30\n---\nThân bài.\n"),
            markdown("blank.md", "---\ntitle: \"  \"\ndate: 2021-11-30\n---\nThân bài.\n"),
            markdown("missing.md", "---\ndate: 2021-11-30\n---\nThân bài.\n"),
            markdown("heading.md", "---\ndate: 2021-11-30\n---\n# Tựa từ tiêu đề\n"),
        ])
        XCTAssertEqual(graph.articles.map(\.title), ["Tựa từ tiêu đề"], "a first heading stands in for the title")
        XCTAssertEqual(graph.diagnostics.map(\.location), ["blank.md:1:1", "empty.md:1:1", "missing.md:1:1"])
        XCTAssertEqual(Set(graph.diagnostics.map(\.code)), ["article.no-title"])
        XCTAssertTrue(graph.diagnostics.allSatisfy { $0.severity == .error })
    }

    func testAnUndatedFileWithoutATitleIsAnUntitledPage() {
        // Undated Markdown is a page (see PageTests); it still needs a title.
        let graph = build([markdown("bare.md", "Thân bài.\n")])
        XCTAssertEqual(graph.articles.count, 0)
        XCTAssertEqual(graph.diagnostics.map(\.code), ["article.no-title"])
    }

    func testDraftsAreLeftOutUnlessAskedFor() {
        let documents = [markdown("a.md", "---\ntitle: A\ndate: 2021-11-30\ndraft: true\n---\n")]
        XCTAssertEqual(build(documents).articles.count, 0)
        XCTAssertEqual(build(documents, drafts: true).articles.count, 1)
    }

    func testDocumentsWithErrorsAreLeftOutAndTheRestBuild() {
        let graph = build([
            markdown("bad.md", "---\ntitle: [x\n---\n"),
            markdown("good.md", "---\ntitle: Good\ndate: 2021-11-30\n---\n"),
        ])
        XCTAssertEqual(graph.articles.map(\.id), ["good.md"])
        XCTAssertTrue(graph.diagnostics.contains { $0.path == "bad.md" && $0.severity == .error })
    }

    func testSectionComesFromFrontMatterOrTheFolderAndMatchesConfig() {
        let config = SiteConfig(sections: [SectionConfig(name: "Thời sự", slug: "thoi-su")])
        let graph = build([
            markdown("thoi-su/a.md", "---\ntitle: A\ndate: 2021-11-30\n---\n"),
            markdown("other/b.md", "---\ntitle: B\ndate: 2021-11-29\ncategories: [thời sự]\n---\n"),
            markdown("kinh-te/c.md", "---\ntitle: C\ndate: 2021-11-28\n---\n"),
        ], config: config)
        XCTAssertEqual(graph.sections.map(\.slug), ["thoi-su", "kinh-te"])
        XCTAssertEqual(graph.sections[0].name, "Thời sự")
        XCTAssertEqual(graph.sections[0].articles.count, 2)
    }

    func testWithoutCategoryListsTheFirstCategoryIsTheSectionAndTheOthersTags() {
        let graph = build([
            markdown("a.md", "---\ntitle: A\ndate: 2021-11-01\ntags: [Giá]\ncategories: [Kinh tế, Năng lượng, Thị trường]\n---\n"),
            markdown("b.md", "---\ntitle: B\ndate: 2021-11-02\nsection: Thời sự\ncategories: [Kinh tế]\n---\n"),
        ])
        let (b, a) = (graph.articles[0], graph.articles[1])
        XCTAssertEqual(a.section.map { graph.sections[$0].name }, "Kinh tế")
        XCTAssertEqual(a.tags.map { graph.tags[$0].name }, ["Giá", "Năng lượng", "Thị trường"])
        XCTAssertEqual(b.section.map { graph.sections[$0].name }, "Thời sự")
        XCTAssertEqual(b.tags.map { graph.tags[$0].name }, ["Kinh tế"])
        XCTAssertTrue(graph.categories.isEmpty)
    }

    func testWithCategoryListsEveryCategoryListsTheArticleAndTheFolderIsTheSection() {
        var config = SiteConfig()
        config.taxonomies.category = "categories"
        let graph = build([
            markdown("posts/a.md", "---\ntitle: A\ndate: 2021-11-01\ntags: [Giá]\ncategories: [Kinh tế, Năng lượng]\n---\n"),
            markdown("posts/b.md", "---\ntitle: B\ndate: 2021-11-02\ncategories: [kinh tế]\n---\n"),
        ], config: config)
        XCTAssertEqual(graph.categories.map(\.name), ["Kinh tế", "Năng lượng"])
        XCTAssertEqual(graph.categories.map(\.articles), [[0, 1], [1]])
        let a = graph.articles[1]
        XCTAssertEqual(a.categories.map { graph.categories[$0].slug }, ["kinh-te", "nang-luong"])
        XCTAssertEqual(a.tags.map { graph.tags[$0].name }, ["Giá"])
        XCTAssertEqual(graph.sections.map(\.slug), ["posts"])
    }

    func testDateBucketsCoverEveryArticle() {
        let graph = build([
            markdown("a.md", "---\ntitle: A\ndate: 2021-11-30\n---\n"),
            markdown("b.md", "---\ntitle: B\ndate: 2021-11-02\n---\n"),
            markdown("c.md", "---\ntitle: C\ndate: 2022-01-01\n---\n"),
        ])
        XCTAssertEqual(graph.years.map(\.path), ["2022/", "2021/"])
        XCTAssertEqual(graph.months.map(\.path), ["2022/01/", "2021/11/"])
        XCTAssertEqual(graph.days.map(\.path), ["2022/01/01/", "2021/11/30/", "2021/11/02/"])
        XCTAssertEqual(graph.months[1].articles.count, 2)
    }

    func testJekyllFoldersNameNoSectionAndTheFolderAboveThemDoes() {
        let graph = build([
            markdown("_posts/2021-11-30-a.md", "---\ntitle: A\n---\n"),
            markdown("tin/_posts/2021-11-29-b.md", "---\ntitle: B\n---\n"),
        ])
        XCTAssertEqual(graph.sections.map(\.slug), ["tin"])
        XCTAssertEqual(graph.articles.map(\.path), ["2021/11/30/a/", "2021/11/29/b/"])
        XCTAssertEqual(graph.articles.map(\.section), [nil, 0])
    }

    func testTitlesAreNFCNormalized() {
        let graph = build([markdown("a.md", "---\ntitle: \"Chuye\u{302}\u{309}n\"\ndate: 2021-11-30\n---\n")])
        XCTAssertEqual(graph.articles[0].title.unicodeScalars.count, "Chuyển".unicodeScalars.count)
    }
}
