import Foundation
import SiteConfig
import XCTest
import Yams

final class SiteConfigTests: XCTestCase {
    func testReadsEveryKnownKey() throws {
        let config = try SiteConfig(yaml: """
        title: Báo Mẫu
        description: Tin tức
        baseURL: https://example.org/mirror
        language: en
        timeZone: Europe/Paris
        pagination:
          pageSize: 7
        sections:
          - name: Thời sự
            slug: thoi-su
          - Kinh tế
        permalinks:
          article: /:section/:slug/
        """, path: "site.yml")
        XCTAssertEqual(config.title, "Báo Mẫu")
        XCTAssertEqual(config.baseURL, "https://example.org/mirror/")
        XCTAssertEqual(config.rootPath, "/mirror/")
        XCTAssertEqual(config.language, "en")
        XCTAssertEqual(config.timeZone.identifier, "Europe/Paris")
        XCTAssertEqual(config.pageSize, 7)
        XCTAssertEqual(config.sections, [SectionConfig(name: "Thời sự", slug: "thoi-su"), SectionConfig(name: "Kinh tế")])
        XCTAssertEqual(config.articlePermalink.pattern, "/:section/:slug/")
    }

    func testFlagsAreReadAsYamsDefaultResolverReadsThem() throws {
        // site.yml is composed without Yams' default resolver (its regular expressions cost 1.5 ms a
        // build): every spelling must still mean what that resolver makes of it.
        let spellings = ["true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "false", "False", "FALSE", "no", "No", "NO",
                         "off", "Off", "OFF", "tRUE", "oN", "y", "1", "0", "\"true\"", "'yes'", "~", "null", "truthy"]
        for spelling in spellings {
            let resolved = try XCTUnwrap(try Yams.compose(yaml: "uglyURLs: \(spelling)\n")?.mapping?["uglyURLs"]).bool
            let read = try? SiteConfig(yaml: "uglyURLs: \(spelling)\n", path: "site.yml").uglyURLs
            XCTAssertEqual(read, resolved, spelling)
        }
        XCTAssertEqual(try SiteConfig(yaml: "pagination:\n  pageSize: 0x10\n", path: "site.yml").pageSize, 16, "numbers as Yams reads them")
    }

    func testDefaultsSuitAVietnameseSite() {
        let config = SiteConfig()
        XCTAssertEqual(config.timeZone.identifier, "Asia/Ho_Chi_Minh")
        XCTAssertEqual(config.language, "vi")
        XCTAssertEqual(config.rootPath, "/")
        XCTAssertEqual(config.articlePermalink, .defaultArticle)
    }

    func testWithoutATimeZoneTheLanguageChoosesOne() throws {
        let english = try SiteConfig(yaml: "language: en\n", path: "site.yml")
        // Foundation on Linux names UTC `GMT`.
        XCTAssertEqual(english.timeZone, TimeZone(identifier: "UTC"))
        XCTAssertFalse(english.timeZoneIsSet)
        XCTAssertEqual(try SiteConfig(yaml: "language: vi-VN\n", path: "site.yml").timeZone.identifier, "Asia/Ho_Chi_Minh")
        XCTAssertEqual(try SiteConfig(yaml: "title: x\n", path: "site.yml").timeZone.identifier, "Asia/Ho_Chi_Minh", "the default language is vi")
    }

    func testANamedTimeZoneWinsOverTheLanguage() throws {
        let config = try SiteConfig(yaml: "timeZone: Europe/Paris\nlanguage: en\n", path: "site.yml")
        XCTAssertEqual(config.timeZone.identifier, "Europe/Paris")
        XCTAssertTrue(config.timeZoneIsSet)
    }

    func testUnknownTimeZoneIsAnErrorAtItsValue() {
        XCTAssertThrowsError(try SiteConfig(yaml: "title: x\ntimeZone: Asia/Nowhere\n", path: "site.yml")) { error in
            let error = error as! ConfigError
            XCTAssertEqual(error.line, 2)
            XCTAssertEqual(error.column, 11)
            XCTAssertTrue(error.description.hasPrefix("site.yml:2:11: error: unknown time zone 'Asia/Nowhere'"), error.description)
        }
    }

    func testBrokenYAMLIsAnErrorWithItsPosition() {
        XCTAssertThrowsError(try SiteConfig(yaml: "title: [unclosed\n", path: "site.yml")) { error in
            XCTAssertEqual((error as! ConfigError).line, 2)
        }
    }

    func testUnknownPermalinkPlaceholderNamesTheKnownOnes() {
        XCTAssertThrowsError(try SiteConfig(yaml: "permalinks:\n  article: /:yr/:slug/\n", path: "site.yml")) { error in
            let message = (error as! ConfigError).message
            XCTAssertTrue(message.contains("':yr'") && message.contains(":year"), message)
        }
    }

    func testExtractionRulesAreReadWithTheirPosition() throws {
        let config = try SiteConfig(yaml: """
        extraction:
          rules:
            - host: bao.example
              content: div.noi-dung
              remove: [.quang-cao, "#tin-lien-quan"]
              date: span.time
        """, path: "site.yml")
        XCTAssertEqual(config.extractionRules.count, 1)
        let rule = config.extractionRules[0]
        XCTAssertEqual(rule.host, "bao.example")
        XCTAssertEqual(rule.content, "div.noi-dung")
        XCTAssertEqual(rule.remove, [".quang-cao", "#tin-lien-quan"])
        XCTAssertEqual(rule.date, "span.time")
        XCTAssertEqual(rule.line, 3)
    }

    func testAnExtractionRuleWithoutHostIsAnError() {
        XCTAssertThrowsError(try SiteConfig(yaml: "extraction:\n  rules:\n    - content: div\n", path: "site.yml")) { error in
            XCTAssertEqual((error as! ConfigError).line, 3)
        }
    }

    func testPermalinkWithoutSlugIsRejected() {
        XCTAssertThrowsError(try Permalink(parsing: "/:year/"))
    }

    func testPermalinkExpandsWithoutLeadingSlash() throws {
        let pattern = try Permalink(parsing: "/:year/:month/:slug.html")
        let path = pattern.expand { placeholder in
            switch placeholder {
            case .year: return "2021"
            case .month: return "11"
            default: return "abc"
            }
        }
        XCTAssertEqual(path, "2021/11/abc.html")
    }

    func testJekyllPlaceholdersAndStylesAreRead() throws {
        let pretty = try Permalink(parsing: "pretty")
        XCTAssertEqual(pretty.pattern, "pretty")
        XCTAssertEqual(pretty.parts, try Permalink(parsing: "/:categories/:year/:month/:day/:title/").parts)
        let path = try Permalink(parsing: "/:short_year/:i_month/:i_day/:title:output_ext").expand { placeholder in
            switch placeholder {
            case .short_year: return "23"
            case .i_month: return "4"
            case .i_day: return "2"
            case .title: return "spring-fair"
            case .output_ext: return ".html"
            default: return "?"
            }
        }
        XCTAssertEqual(path, "23/4/2/spring-fair.html")
    }

    func testAnEmptyPlaceholderLeavesNoEmptySegment() throws {
        let path = try Permalink(parsing: "date").expand { placeholder in
            switch placeholder {
            case .categories: return ""
            case .output_ext: return ".html"
            default: return placeholder.rawValue
            }
        }
        XCTAssertEqual(path, "year/month/day/title.html")
    }

    func testAPermalinkMayNameItsArticleByTitleOrFileName() throws {
        XCTAssertNoThrow(try Permalink(parsing: "/:year/:title/"))
        XCTAssertNoThrow(try Permalink(parsing: "/docs/:filename/"))
    }

    func testSectionPermalinksAreReadByName() throws {
        let config = try SiteConfig(yaml: "permalinks:\n  article: /:year/:slug/\n  posts: /:year/:month/:title/\n", path: "site.yml")
        XCTAssertEqual(config.articlePermalink.pattern, "/:year/:slug/")
        XCTAssertEqual(config.permalink(folder: "posts", section: nil).pattern, "/:year/:month/:title/")
        XCTAssertEqual(config.permalink(folder: "news", section: "posts").pattern, "/:year/:month/:title/", "a section's slug names it too")
        XCTAssertEqual(config.permalink(folder: "news", section: nil).pattern, "/:year/:slug/")
    }

    func testAnUnknownPlaceholderInASectionPermalinkIsAnErrorAtItsLine() {
        XCTAssertThrowsError(try SiteConfig(yaml: "title: T\npermalinks:\n  posts: /:headline/:slug/\n", path: "site.yml")) { error in
            let error = error as! ConfigError
            XCTAssertEqual(error.line, 3)
            XCTAssertTrue(error.message.contains("':headline'"), error.message)
        }
    }

    func testTaxonomyPathsDefaultToBroadsheetsOwn() throws {
        let paths = try SiteConfig(yaml: "title: T\n", path: "site.yml").taxonomies
        XCTAssertEqual([paths.tag, paths.tagsIndex, paths.section, paths.author], ["tag", "tags", "section", "author"])
        XCTAssertNil(paths.authorsIndex)
        XCTAssertNil(paths.category)
    }

    func testHugoTaxonomyPathsPutEachIndexAtItsFolder() throws {
        let paths = try SiteConfig(yaml: "taxonomies:\n  tag: /tags/\n  category: categories\n  author: authors\n", path: "site.yml").taxonomies
        XCTAssertEqual([paths.tag, paths.tagsIndex, paths.section, paths.author], ["tags", "tags", "section", "authors"])
        XCTAssertEqual(paths.authorsIndex, "authors")
        XCTAssertEqual(paths.category, "categories")
    }

    func testTheRSSFileIsAFileNameBesideTheList() throws {
        XCTAssertEqual(try SiteConfig(yaml: "title: T\n", path: "site.yml").rssFile, "feed.xml")
        XCTAssertEqual(try SiteConfig(yaml: "feeds:\n  rss: index.xml\n", path: "site.yml").rssFile, "index.xml")
        for name in ["../x.xml", "feed", "atom.xml"] {
            XCTAssertThrowsError(try SiteConfig(yaml: "feeds:\n  rss: \"\(name)\"\n", path: "site.yml"), name) { error in
                XCTAssertEqual((error as? ConfigError)?.line, 2)
            }
        }
    }

    func testTheExcerptSeparatorIsMoreUnlessSet() throws {
        XCTAssertEqual(try SiteConfig(yaml: "title: T\n", path: "site.yml").excerptSeparator, "<!--more-->")
        XCTAssertEqual(try SiteConfig(yaml: "excerpt_separator: \"<!-- x -->\"\n", path: "site.yml").excerptSeparator, "<!-- x -->")
        XCTAssertThrowsError(try SiteConfig(yaml: "excerptSeparator: \"\"\n", path: "site.yml"))
    }

    func testExtensionlessPathsAreFoldersUnlessSetToFiles() throws {
        XCTAssertFalse(try SiteConfig(yaml: "title: T\n", path: "site.yml").extensionlessPathsAreFiles)
        XCTAssertTrue(try SiteConfig(yaml: "extensionlessPaths: file\n", path: "site.yml").extensionlessPathsAreFiles)
        XCTAssertFalse(try SiteConfig(yaml: "extensionlessPaths: folder\n", path: "site.yml").extensionlessPathsAreFiles)
        XCTAssertThrowsError(try SiteConfig(yaml: "title: T\nextensionlessPaths: yes\n", path: "site.yml")) { error in
            XCTAssertEqual((error as! ConfigError).line, 2)
        }
    }

    func testAnUnknownTaxonomyIsAnErrorAtItsKey() {
        XCTAssertThrowsError(try SiteConfig(yaml: "taxonomies:\n  series: series\n", path: "site.yml")) { error in
            XCTAssertEqual((error as! ConfigError).line, 2)
        }
    }

    func testTheHomeListsPagePathIsReadAndCheckedAtItsLine() throws {
        XCTAssertNil(try SiteConfig(yaml: "title: T\n", path: "site.yml").homePaging)
        XCTAssertEqual(try SiteConfig(yaml: "pagination:\n  homePath: /page:num/\n", path: "site.yml").homePaging, "page:num/")
        XCTAssertThrowsError(try SiteConfig(yaml: "pagination:\n  homePath: /pages/\n", path: "site.yml")) { error in
            XCTAssertEqual((error as! ConfigError).diagnostic.location, "site.yml:2:13")
        }
    }

    func testSlugifyPathsIsReadAndCheckedAtItsLine() throws {
        XCTAssertEqual(try SiteConfig(yaml: "title: T\n", path: "site.yml").slugifyPaths, .safe)
        XCTAssertEqual(try SiteConfig(yaml: "slugify:\n  paths: on\n", path: "site.yml").slugifyPaths, .on)
        XCTAssertEqual(try SiteConfig(yaml: "slugify: {paths: \"off\"}\n", path: "site.yml").slugifyPaths, .off)
        XCTAssertEqual(try SiteConfig(yaml: "slugify: {paths: lower}\n", path: "site.yml").slugifyPaths, .lower)
        XCTAssertThrowsError(try SiteConfig(yaml: "slugify:\n  paths: upper\n", path: "site.yml")) { error in
            XCTAssertEqual((error as! ConfigError).line, 2)
        }
    }
}
