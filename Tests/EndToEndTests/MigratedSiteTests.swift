import Foundation
import TestSupport
import XCTest

/// `Tests/Fixtures/hugo-jekyll`: a site laid out as Hugo and Jekyll lay theirs out, built as it
/// is with the real binary.
final class MigratedSiteTests: XCTestCase {
    private var site: FixtureSite!

    override func setUpWithError() throws {
        site = try FixtureSite(copying: "hugo-jekyll")
        let result = try site.run(["build"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
    }

    override func tearDown() {
        site.remove()
    }

    func testAnUndatedFileIsAPageAtItsPath() throws {
        let about = try site.read("about/index.html")
        XCTAssertTrue(about.contains("We report the news of the valley."), about)
        XCTAssertTrue(about.contains("<article class=\"article page\">"), "rendered with page.mustache")
        XCTAssertTrue(try site.read("docs/style-guide/index.html").contains("How we write."), "`type: page` makes a dated file a page")
    }

    func testPagesAreInTheSitemapOnly() throws {
        let sitemap = try site.read("sitemap.xml")
        XCTAssertTrue(sitemap.contains("<loc>https://news.example/about/</loc></url>"), "an undated page has no lastmod: \(sitemap)")
        XCTAssertTrue(sitemap.contains("<loc>https://news.example/docs/style-guide/</loc><lastmod>2022-01-10"), sitemap)
        for file in ["index.html", "feed.xml", "feed.json", "search-index.json", "news-sitemap.xml", "archive/index.html"] {
            let text = try site.read(file)
            XCTAssertFalse(text.contains("About us") || text.contains("Style guide"), "\(file) lists a page")
        }
        XCTAssertFalse(site.exists("2022/01/10/index.html"), "a page makes no date page")
        XCTAssertTrue(try site.read("2022/03/01/first-post/index.html").contains("href=\"/about/\""), "a link to a page's file is its URL")
    }

    func testAnIndexFileMakesItsFolderTheSectionsListPage() throws {
        let blog = try site.read("blog/index.html")
        XCTAssertTrue(blog.contains("<h1 class=\"list-title\">The Blog</h1>"), blog)
        XCTAssertTrue(blog.contains("href=\"/2022/03/01/first-post/\""), "the section lists its article")
        XCTAssertTrue(site.exists("blog/feed.xml"))
        XCTAssertFalse(site.exists("section/blog/index.html"), "a Hugo layout has no /section/ pages")
        XCTAssertTrue(try site.read("index.html").contains(">Valley News</h1>"), "the root _index.md titles the home page")
        XCTAssertFalse(site.exists("_index/index.html"))
    }

    func testJekyllPostsTakeDateSlugAndTitleFromTheFileName() throws {
        let post = try site.read("2022/03/04/valley-fair/index.html")
        XCTAssertTrue(post.contains("<h1 class=\"article-title\">Valley Fair</h1>"), post)
        XCTAssertTrue(post.contains("href=\"/journal/\""), "the folder above _posts/ is the section")
        XCTAssertTrue(try site.read("journal/index.html").contains("Valley Fair"))
        XCTAssertFalse(site.exists("2022/02/01/withdrawn/index.html"), "published: false is a draft")
        XCTAssertFalse(site.exists("2022/03/05/unfinished-story/index.html"), "_drafts/ waits for --drafts")
        XCTAssertFalse(site.outputFiles().contains { $0.hasPrefix("_") }, "no _posts/, _drafts/ or _data/ file is copied")
        XCTAssertFalse(try site.read("sitemap.xml").contains("notes"), "other _ folders stay ignored")
    }

    func testAFileNameSlugIsKeptAsWritten() throws {
        XCTAssertTrue(try site.read("2022/03/06/Town_Hall.v2/index.html").contains("Town hall, second sitting"))
    }

    func testEveryCategoryOfAPostIsKept() throws {
        XCTAssertTrue(try site.read("section/markets/index.html").contains("Market day"), "the first category is the section")
        XCTAssertTrue(try site.read("tag/farming/index.html").contains("Market day"), "the others are tags")
    }

    func testDraftsAreBuiltWithTheDraftsOption() throws {
        let result = try site.run(["build", "--drafts"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(try site.read("2022/03/05/unfinished-story/index.html").contains("Unfinished Story"))
        XCTAssertTrue(site.exists("2022/02/01/withdrawn/index.html"))
    }

    func testAnEnglishSiteWithoutATimeZoneReadsDatesInUTCAndSaysSoOnce() throws {
        try site.write("site.yml", "title: Migrated News\nbaseURL: https://news.example/\nlanguage: en\n")
        try site.write("Content/blog/late.md", "---\ntitle: Late\ndate: 2022-03-01 23:30\n---\nLate news.\n")
        let result = try site.run(["build"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(site.exists("2022/03/01/late/index.html"), "not moved to the next day by +07:00")
        let warnings = result.stderr.split(separator: "\n").filter { $0.contains("without an offset") }
        XCTAssertEqual(warnings.count, 1, result.stderr)
        XCTAssertTrue(warnings[0].hasPrefix("site.yml: warning: 6 of 11 documents give a date without an offset"), result.stderr)
        XCTAssertTrue(warnings[0].hasSuffix("the default for language 'en': set timeZone to the site's zone"), result.stderr)
    }

    func testAJekyllPostKeepsItsIncludesAttributeListsAndHighlightedCode() throws {
        try site.write("Content/_includes/signup.html", "<aside class=\"signup\">Subscribe {{ include.list }}</aside>\n")
        try site.write("Content/journal/_posts/2022-03-07-code-notes.md", """
        ---
        title: Code notes
        ---
        ## The loop
        {: #loop .wide}

        {% highlight ruby %}
        3.times { |i| puts "n#{i}" } # count
        {% endhighlight %}

        {% include signup.html %}

        {% include missing.html %}
        """)
        let result = try site.run(["build"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let post = try site.read("2022/03/07/code-notes/index.html")
        XCTAssertTrue(post.contains("<h2 id=\"loop\" class=\"wide\">The loop</h2>"), post)
        // The sanitizer (the body holds raw HTML) writes the quotes of text as they are.
        XCTAssertTrue(post.contains("<span class=\"hl-s\">\"n#{i}\"</span> } <span class=\"hl-c\"># count</span>"), post)
        // A parameter the tag does not give prints nothing, as in Liquid.
        XCTAssertTrue(post.contains("<aside class=\"signup\">Subscribe </aside>"), post)
        XCTAssertTrue(post.contains("{% include missing.html %}"), post)
        XCTAssertEqual(post.components(separatedBy: "<script").count, post.components(separatedBy: "<script type=\"application/ld+json\">").count,
                       "highlighting needs no script")
        XCTAssertTrue(result.stderr.contains("Content/journal/_posts/2022-03-07-code-notes.md:13:1: warning: include \"missing.html\" was not found"),
                      result.stderr)
    }
}
