import Foundation
import TestSupport
import XCTest

/// A Hugo or Jekyll site folder with no `site.yml`, built as it is: its own config file gives the
/// title, base URL, permalinks and taxonomies, and the build says which keys it read.
final class MigratedConfigTests: XCTestCase {
    private var sites: [FixtureSite] = []

    override func tearDown() {
        for site in sites { site.remove() }
    }

    /// A copy of a fixture without its `site.yml`, and `edit` applied to it.
    private func siteWithoutSiteYML(_ fixture: String, edit: (URL) throws -> Void = { _ in }) throws -> FixtureSite {
        let site = try FixtureSite(copying: fixture)
        sites.append(site)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("site.yml"))
        try edit(site.root)
        return site
    }

    /// A copy of a fixture without its `site.yml`, its config file `name` rewritten by `edit`.
    private func siteWithoutSiteYML(_ fixture: String, rewriting name: String, _ edit: (String) -> String) throws -> FixtureSite {
        try siteWithoutSiteYML(fixture) { root in
            let config = root.appendingPathComponent(name)
            try edit(try String(contentsOf: config, encoding: .utf8)).write(to: config, atomically: true, encoding: .utf8)
        }
    }

    private func missing(_ fixture: String, in site: FixtureSite) throws -> [String] {
        let list = try String(contentsOf: Repository.fixture(fixture).appendingPathComponent("expected-urls.txt"), encoding: .utf8)
        return list.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { String($0.dropFirst()) }
            .filter { !site.exists($0.isEmpty || $0.hasSuffix("/") ? $0 + "index.html" : $0) }
    }

    func testAHugoSitesConfigGivesItsURLsAndTheBuildSaysWhatItRead() throws {
        let site = try siteWithoutSiteYML("hugo-site")
        let result = try site.run(["build"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let notes = result.stderr.split(separator: "\n").filter { $0.hasPrefix("hugo.toml: note: no site.yml") }
        XCTAssertEqual(notes.count, 1, result.stderr)
        XCTAssertTrue(notes[0].contains("read languagecode, timezone, title, baseurl, contentdir, permalinks, taxonomies"), result.stderr)
        XCTAssertTrue(notes[0].contains("ignored disablekinds"), result.stderr)
        XCTAssertEqual(try missing("hugo-site", in: site), [])
        XCTAssertTrue(try site.read("2023/04/flood-gates-open/index.html").contains("https://gazette.example/2023/04/flood-gates-open/"))
        // Hugo's RSS of every list is its index.xml: subscribers keep their feeds.
        for feed in ["index.xml", "news/index.xml", "categories/weather/index.xml", "tags/city/index.xml"] {
            XCTAssertTrue(site.exists(feed), feed)
        }
        XCTAssertFalse(site.exists("feed.xml"))
        // Hugo's paginated lists answer at page/1/ too.
        for alias in ["page/1/index.html", "news/page/1/index.html", "tags/city/page/1/index.html", "categories/weather/page/1/index.html"] {
            XCTAssertTrue(site.exists(alias), alias)
        }
        XCTAssertTrue(try site.read("news/page/1/index.html").contains("https://gazette.example/news/"))
        XCTAssertTrue(try site.read("index.html").contains("href=\"/index.xml\""), "the page links the feed where it is")
        XCTAssertTrue(try site.read("index.xml").contains("<atom:link href=\"https://gazette.example/index.xml\" rel=\"self\""))
    }

    func testAJekyllSitesConfigGivesItsURLsAndTheBuildSaysWhatItRead() throws {
        let site = try siteWithoutSiteYML("jekyll-site")
        let result = try site.run(["build"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("_config.yml: note: no site.yml: read timezone, title, url, source, permalink from _config.yml; "
                                             + "ignored highlighter, markdown"), result.stderr)
        XCTAssertEqual(try missing("jekyll-site", in: site), [])
    }

    func testAHugoSiteFolderWithItsOwnContentFolderBuildsInPlace() throws {
        let site = try siteWithoutSiteYML("hugo-site") { root in
            try FileManager.default.moveItem(at: root.appendingPathComponent("Content"), to: root.appendingPathComponent("content"))
            let config = root.appendingPathComponent("hugo.toml")
            let text = try String(contentsOf: config, encoding: .utf8).replacingOccurrences(of: "contentDir = \"Content\"\n", with: "")
            try text.write(to: config, atomically: true, encoding: .utf8)
        }
        let result = try site.run(["build"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("content/posts/festival-guide.md:9:1: warning: unknown shortcode"), "named from the site folder: \(result.stderr)")
        XCTAssertEqual(try missing("hugo-site", in: site), [])
    }

    func testWithoutPermalinksHugosDefaultIsTheFoldersThenTheSlug() throws {
        let site = try siteWithoutSiteYML("hugo-site", rewriting: "hugo.toml") { $0.replacingOccurrences(of: "posts = \"/:year/:month/:title/\"", with: "") }
        XCTAssertEqual(try site.run(["build"]).status, 0)
        XCTAssertTrue(site.exists("posts/flood-gates/index.html"))
        XCTAssertTrue(site.exists("posts/market-reopens/index.html"), "a bundle is its folder")
        XCTAssertTrue(site.exists("about/index.html"))
    }

    func testDisablePathToLowerKeepsTheCaseOfSlugsAndFileNames() throws {
        // As Hugo 0.111 writes this fixture with `disablePathToLower = true`.
        let site = try siteWithoutSiteYML("hugo-site", rewriting: "hugo.toml") { "disablePathToLower = true\n" + $0 }
        let result = try site.run(["build"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(site.exists("news/Ferry-Update/index.html"))
        XCTAssertTrue(site.exists("news/Harbour_Works/index.html"))
        XCTAssertFalse(site.exists("news/harbour_works/index.html"))
    }

    func testJekyllsPaginatePathPlacesTheHomeListsLaterPages() throws {
        // As jekyll-paginate 1.1 writes them: `/page2/`, `/page3/`, … (checked with Jekyll 4.3).
        let site = try siteWithoutSiteYML("jekyll-site", rewriting: "_config.yml") { $0 + "paginate: 2\npaginate_path: \"/page:num/\"\n" }
        let result = try site.run(["build"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(site.exists("page2/index.html") && site.exists("page3/index.html"))
        XCTAssertFalse(site.exists("page/2/index.html"))
        XCTAssertTrue(try site.read("index.html").contains("href=\"/page2/\""), "the home page links to its next page")
        XCTAssertTrue(try site.read("page3/index.html").contains("href=\"/page2/\""), "and back")
    }

    func testTheZoneWarningOfAJekyllSiteNamesItsConfigFile() throws {
        let site = try siteWithoutSiteYML("jekyll-site", rewriting: "_config.yml") { $0.replacingOccurrences(of: "timezone: UTC\n", with: "") }
        let result = try site.run(["build"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.split(separator: "\n").contains { $0.hasPrefix("_config.yml: warning: ") && $0.hasSuffix("set timezone to the site's zone") },
                      result.stderr)
    }

    func testHugosNestedPermalinksGiveTheSameURLs() throws {
        let site = try siteWithoutSiteYML("hugo-site", rewriting: "hugo.toml") { $0.replacingOccurrences(of: "[permalinks]", with: "[permalinks.page]") }
        let result = try site.run(["build"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try missing("hugo-site", in: site), [])
    }

    func testABadPermalinkInAHugoConfigIsAnErrorAtItsLine() throws {
        let site = try siteWithoutSiteYML("hugo-site", rewriting: "hugo.toml") { $0.replacingOccurrences(of: ":title/", with: ":headline/") }
        let result = try site.run(["build"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.hasPrefix("hugo.toml:9:1: error: unknown placeholder ':headline'"), result.stderr)
    }

    func testTheNoteOnAMigratedConfigDoesNotFailAStrictBuild() throws {
        let site = try FixtureSite()
        sites.append(site)
        try site.write("hugo.toml", "title = \"Gazette\"\ntheme = \"ananke\"\n")
        try site.write("content/posts/first.md", "---\ntitle: First\ndate: 2023-01-05\n---\nHello.\n")
        for command in [["build", "--strict"], ["check", "--strict"]] {
            let result = try site.run(command)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stderr.contains("hugo.toml: note: no site.yml: read title from hugo.toml; ignored theme"), result.stderr)
            XCTAssertTrue(result.stdout.contains("0 errors, 0 warnings"), result.stdout)
        }
        try site.write("hugo.toml", "title = \"Gazette\"\npaginatePath = \"p\"\n")
        let result = try site.run(["build", "--strict"])
        XCTAssertEqual(result.status, 1, "an ignored key that changes URLs is a warning")
        XCTAssertTrue(result.stderr.contains("hugo.toml:2:1: warning: 'paginatepath' is not read"), result.stderr)
    }

    func testHugosUglyURLsMakeFilesOfPagesAndRedirectsBesideLists() throws {
        // What hugo 0.111 writes for this site: 2023/a.html, news/b.html, about.html, and the
        // lists news.html, posts.html, tags.html, tags/x.html.
        let site = try FixtureSite()
        sites.append(site)
        try site.write("hugo.toml", "title = \"T\"\nuglyURLs = true\n[permalinks]\n  posts = \"/:year/:filename/\"\n")
        try site.write("content/posts/a.md", "---\ntitle: A\ndate: 2023-01-01\ntags: [x]\n---\nx\n")
        try site.write("content/news/b.md", "---\ntitle: B\ndate: 2023-01-02\n---\n[A](../posts/a.md)\n")
        try site.write("content/about.md", "---\ntitle: About\n---\nx\n")
        let result = try site.run(["build", "--strict"])
        XCTAssertEqual(result.status, 0, result.stderr)
        for page in ["2023/a.html", "news/b.html", "about.html", "news.html", "posts.html", "tags.html", "tags/x.html"] {
            XCTAssertTrue(site.exists(page), page)
        }
        XCTAssertTrue(try site.read("news/b.html").contains("href=\"/2023/a.html\""), "links go to the file")
        XCTAssertTrue(try site.read("tags/x.html").contains("/tags/x/"), "a list's file sends readers to the list")
    }

    func testAJekyllSiteFolderWithItsPostsAtTheTopBuildsInPlace() throws {
        let site = try siteWithoutSiteYML("jekyll-site") { root in
            let manager = FileManager.default
            let content = root.appendingPathComponent("Content")
            for name in try manager.contentsOfDirectory(atPath: content.path) {
                try manager.moveItem(at: content.appendingPathComponent(name), to: root.appendingPathComponent(name))
            }
            try manager.removeItem(at: content)
            let config = root.appendingPathComponent("_config.yml")
            let text = try String(contentsOf: config, encoding: .utf8).replacingOccurrences(of: "source: Content\n", with: "")
            try (text + "exclude: [notes]\n").write(to: config, atomically: true, encoding: .utf8)
            try "source \"https://rubygems.org\"\n".write(to: root.appendingPathComponent("Gemfile"), atomically: true, encoding: .utf8)
            try "# How to run the site\n".write(to: root.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
            try manager.createDirectory(at: root.appendingPathComponent("notes"), withIntermediateDirectories: true)
            try "---\ntitle: Private\n---\nx\n".write(to: root.appendingPathComponent("notes/private.md"), atomically: true, encoding: .utf8)
        }
        let result = try site.run(["build"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("\n_posts/2023-03-20-budget-talks.md:6:1: warning: Liquid tag \"assign\""), result.stderr)
        XCTAssertEqual(try missing("jekyll-site", in: site), [])
        for file in ["README/index.html", "Gemfile", "notes/private/index.html", "Output/index.html"] {
            XCTAssertFalse(site.exists(file), "\(file): not content")
        }
        let again = try site.run(["build"])
        XCTAssertTrue((again.stdout + again.stderr).contains("(0 rendered)"), "the output is not read back as content: \(again.stdout)")
    }

    func testWithoutAPermalinkJekyllsDateStyleMakesFilesOfPostsAndPages() throws {
        // As Jekyll 4.3 writes this fixture without `permalink:`.
        let site = try siteWithoutSiteYML("jekyll-site", rewriting: "_config.yml") {
            $0.replacingOccurrences(of: "permalink: /:categories/:year/:month/:day/:title/\n", with: "")
        }
        XCTAssertEqual(try site.run(["build"]).status, 0)
        for file in ["weather/local/2023/01/05/snow-day.html", "2023/04/02/Spring_Fair.html", "about.html", "contact/index.html",
                     "history/old-mill/index.html"] {
            XCTAssertTrue(site.exists(file), file)
        }
    }
}
