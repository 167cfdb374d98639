import Foundation
import TestSupport
import XCTest

/// `Tests/Fixtures/hugo-site`, `Tests/Fixtures/jekyll-site` and `Tests/Fixtures/jekyll-title-site`
/// (a Jekyll folder with no `site.yml`, whose `permalink: :title` makes posts files): sites as
/// Hugo and Jekyll lay them out, built as they are. Every page keeps the URL the real tool gives it (the lists in
/// `expected-urls.txt`, made by `scripts/expected-urls.py` with Hugo 0.111 and Jekyll 4.3), and
/// no shortcode or Liquid is left in a page but those the build reported.
final class MigratedURLTests: XCTestCase {
    private static let hugo = Result { try FixtureSite.built(copying: "hugo-site") }
    private static let jekyll = Result { try FixtureSite.built(copying: "jekyll-site") }
    private static let jekyllTitles = Result { try FixtureSite.built(copying: "jekyll-title-site") }

    override class func tearDown() {
        for site in [hugo, jekyll, jekyllTitles] { try? site.get().remove() }
    }

    func testEveryPageHugoWritesIsWrittenAtTheSameURL() throws {
        try assertWritten(Self.expectedURLs("hugo-site"), by: Self.hugo.get())
    }

    func testEveryPageJekyllWritesIsWrittenAtTheSameURL() throws {
        try assertWritten(Self.expectedURLs("jekyll-site"), by: Self.jekyll.get())
    }

    func testEveryPageJekyllWritesAsAFileIsWrittenAtTheSameURL() throws {
        try assertWritten(Self.expectedURLs("jekyll-title-site"), by: Self.jekyllTitles.get())
    }

    func testTheCommittedHugoListIsWhatHugoWrites() throws {
        try assertCommittedListIsCurrent("hugo-site", tool: "hugo")
    }

    func testTheCommittedJekyllListIsWhatJekyllWrites() throws {
        try assertCommittedListIsCurrent("jekyll-site", tool: "jekyll")
    }

    func testTheCommittedListOfTheJekyllFolderIsWhatJekyllWrites() throws {
        try assertCommittedListIsCurrent("jekyll-title-site", tool: "jekyll")
    }

    func testAJekyllFoldersOwnHomeTemplateIsLeftOutWithANoteAndItsHTMLPagesArePages() throws {
        let site = try Self.jekyllTitles.get()
        let result = try site.run(["build"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("index.html:1:1: note: the site's own home page template"), result.stderr)
        XCTAssertFalse(result.stderr.contains("paginator"), "the left-out template is not read: \(result.stderr)")
        XCTAssertFalse(try site.read("index.html").contains("{%"), "the home page is Broadsheet's")
        XCTAssertTrue(result.stderr.contains("contact.html:6:17: warning: Liquid output \"{{ site.title }}\" is not run"), result.stderr)
        XCTAssertTrue(try site.read("contact.html").contains("<div class=\"card\">"))
        XCTAssertTrue(try site.read("404.html").contains("Oops! That page can't be found."), "the site's own 404 page replaces the generated one")
    }

    func testAJekyllPostsIncludeParametersRawCodeLeadImageAndTitleComeOutAsInJekyll() throws {
        let site = try Self.jekyllTitles.get()
        let result = try site.run(["build"])
        XCTAssertFalse(result.stderr.contains("image.missing") || result.stderr.contains("leads nowhere"), result.stderr)
        XCTAssertFalse(result.stderr.contains("categories"), result.stderr)
        let cube = try site.read("rubiks-cube.html")
        XCTAssertTrue(cube.contains("src=\"https://www.youtube.com/embed/esG4gK-pieA\""), cube)
        XCTAssertTrue(cube.contains("<title>It\u{2019}s a Cube &amp; a Puzzle"), cube)
        XCTAssertTrue(cube.contains("https://quarry.example/assets/images/cube.png"), cube)
        let code = try site.read("manage-content.html")
        XCTAssertFalse(code.contains("raw"), code)
        XCTAssertTrue(code.contains("<code>{% include img.html src='a.jpg' %}</code>"), code)
    }

    func testOnlyTheReportedShortcodeIsLeftInHugoPages() throws {
        let site = try Self.hugo.get()
        let result = try site.run(["build"])
        XCTAssertTrue(result.stderr.contains("Content/posts/festival-guide.md:9:1: warning: unknown shortcode \"pageinfo\""), result.stderr)
        XCTAssertEqual(try Self.templateSyntax(in: site), ["{{< pageinfo >}}", "{{< /pageinfo >}}"])
    }

    func testOnlyTheReportedLiquidAndRawTextAreLeftInJekyllPages() throws {
        let site = try Self.jekyll.get()
        let result = try site.run(["build"])
        XCTAssertTrue(result.stderr.contains("Content/_posts/2023-03-20-budget-talks.md:6:1: warning: Liquid tag \"assign\" is not run"),
                      result.stderr)
        XCTAssertEqual(try Self.templateSyntax(in: site), [
            // Reported: `assign` and the variable it sets are not run.
            "{% assign year = \"2023\" %}", "{{ year }}",
            // Inside `{% raw %}`: text, as Jekyll shows it.
            "{{ page.title }}", "{% if x %}", "{% endif %}",
        ])
    }

    func testEachOfAPostsCategoriesListsItAndItsFolderStaysItsSection() throws {
        let site = try Self.hugo.get()
        let weather = try site.read("categories/weather/index.html")
        for post in ["/2023/04/flood-gates-open/", "/news/power-cut/"] { XCTAssertTrue(weather.contains("href=\"\(post)\""), post) }
        XCTAssertTrue(try site.read("categories/local-news/index.html").contains("href=\"/2023/04/flood-gates-open/\""))
        let index = try site.read("categories/index.html")
        XCTAssertTrue(index.contains("href=\"/categories/local-news/\"") && index.contains("href=\"/categories/weather/\""), index)
        let post = try site.read("2023/04/flood-gates-open/index.html")
        XCTAssertTrue(post.contains("href=\"/categories/local-news/\""), "the post links its categories")
        XCTAssertTrue(try site.read("news/index.html").contains("href=\"/news/power-cut/\""), "the folder's list keeps its post")
    }

    func testShortcodesAndLiquidTagsBecomeWhatTheyStandFor() throws {
        let hugo = try Self.hugo.get()
        XCTAssertTrue(try hugo.read("2023/04/flood-gates-open/index.html").contains("youtube"), "the youtube shortcode is a player")
        XCTAssertTrue(try hugo.read("2023/04/bridge-vote-delayed/index.html").contains("<figcaption>The old bridge</figcaption>"))
        let jekyll = try Self.jekyll.get()
        XCTAssertTrue(try jekyll.read("weather/roads/2023/01/12/road-salt/index.html").contains("<code class=\"language-ruby\">"))
        XCTAssertTrue(try jekyll.read("culture/2023/02/01/library-hours/index.html").contains("href=\"/weather/local/2023/01/05/snow-day/\""),
                      "{% link %} leads to the post's URL")
        XCTAssertTrue(try jekyll.read("2023/02/14/valentine-market/index.html").contains("href=\"/weather/roads/2023/01/12/road-salt/\""),
                      "{% post_url %} leads to the post's URL")
    }

    func testABundlesResourcesAreBesideItsPage() throws {
        XCTAssertTrue(try Self.hugo.get().exists("2023/05/market-reopens/stalls.png"))
    }

    /// The URLs of a fixture's committed list, without its comment lines.
    private static func expectedURLs(_ fixture: String) throws -> [String] {
        let text = try String(contentsOf: Repository.fixture(fixture).appendingPathComponent("expected-urls.txt"), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
    }

    private func assertWritten(_ urls: [String], by site: FixtureSite, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(urls.isEmpty, file: file, line: line)
        let missing = urls.filter { url in
            let path = String(url.dropFirst())
            return !site.exists(path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path)
        }
        XCTAssertEqual(missing, [], "pages the real tool writes and Broadsheet does not", file: file, line: line)
    }

    private func assertCommittedListIsCurrent(_ fixture: String, tool: String) throws {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        guard paths.contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }) else {
            throw XCTSkip("\(tool) is not installed; the committed list is checked against Broadsheet only")
        }
        let script = Repository.root.appendingPathComponent("scripts/expected-urls.py")
        let result = try Broadsheet.run([script.path, "--print", fixture], in: Repository.root,
                                        executable: URL(fileURLWithPath: "/usr/bin/python3"))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout.split(separator: "\n").map(String.init), try Self.expectedURLs(fixture),
                       "\(tool) writes other URLs than the committed list: run scripts/expected-urls.py")
    }

    /// Every distinct Hugo shortcode and Liquid tag or output (`{{< x >}}`, `{% x %}`, `{{ x }}`)
    /// in the site's HTML pages, with the HTML escapes of the text undone.
    private static func templateSyntax(in site: FixtureSite) throws -> Set<String> {
        let pattern = try NSRegularExpression(pattern: #"\{\{.*?\}\}|\{%.*?%\}"#)
        var found = Set<String>()
        for file in site.outputFiles() where file.hasSuffix(".html") {
            let text = try site.read(file).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "\\\"", with: "\"")
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                found.insert(String(text[Range(match.range, in: text)!]))
            }
        }
        return found
    }
}
