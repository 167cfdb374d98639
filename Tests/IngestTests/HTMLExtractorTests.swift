import Foundation
import XCTest
@testable import Ingest

final class HTMLExtractorTests: XCTestCase {
    let hanoi = TimeZone(identifier: "Asia/Ho_Chi_Minh")!

    func extract(_ html: String, url: String? = nil, rules: [SiteRule] = []) throws -> ExtractedPage {
        try HTMLExtractor(rules: rules).extract(Array(html.utf8), pageURL: url, defaultTimeZone: hanoi)
    }

    /// Paragraphs long enough for the body search to take them for an article.
    func prose(_ count: Int, _ topic: String = "chuyển đổi số") -> String {
        (1...count).map { index in
            "<p>Đoạn \(index) nói về \(topic), với các bộ, ngành, địa phương cùng tham gia, và đánh giá kết quả "
                + "đã đạt được trong thời gian qua, những tồn tại, hạn chế và bài học kinh nghiệm.</p>"
        }.joined(separator: "\n")
    }

    // MARK: - A page in the shape of the seed article

    static let seedTitle = "Chuyển đổi số phải đặt lợi ích quốc gia, dân tộc, đặt lợi ích chung lên trên hết"

    var seedShapedPage: String {
        """
        <!DOCTYPE html>
        <html lang="vi"><head><meta charset="utf-8">
        <title>\(Self.seedTitle) | Báo Tổ Quốc</title>
        <script>window.ads = [];</script>
        </head><body>
        <div class="header">
          <ul class="top-contact">
            <li>Đường dây nóng <span>0901.22.33.66 - toasoan@toquoc.gov.vn</span></li>
            <li>Liên hệ quảng cáo <span>091.358.6788</span></li>
          </ul>
          <ul class="menu"><li><a href="/thoi-su.htm">Thời sự</a></li><li><a href="/van-hoa.htm">Văn hóa</a></li></ul>
        </div>
        <div class="main">
          <div class="detail-wrapper">
            <h1 class="detail-title">\(Self.seedTitle)</h1>
            <div class="detail-cate-time"><a class="detail-cate" href="/thoi-su.htm">Thời sự</a>
              <span class="detail-time">30/11/2021 22:58</span></div>
            <div class="detail-content" id="noi-dung">
              <h2 class="sapo">(Tổ Quốc) - Chiều ngày 30/11, Thủ tướng Chính phủ Phạm Minh Chính, Chủ tịch Ủy ban Quốc gia
                về chuyển đổi số đã chủ trì Phiên họp thứ Nhất của Ủy ban.</h2>
              \(prose(3))
              <div class="VCSortableInPreviewMode" type="Photo">
                <div><a href="https://toquoc.mediacdn.vn/2021/anh-1.jpg" onclick="openLightbox(this)">
                  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="https://toquoc.mediacdn.vn/2021/anh-1.jpg"
                    alt="\(Self.seedTitle) - Ảnh 1." onload="track()"></a></div>
                <div class="PhotoCMS_Caption"><p>Thủ tướng Phạm Minh Chính phát biểu chỉ đạo tại phiên làm việc (Ảnh: VGP/Nhật Bắc)</p></div>
              </div>
              \(prose(3, "kinh tế số"))
              <p>Xem thêm <a href="javascript:void(0)">tại đây</a> về xã hội số và công dân số trong giai đoạn tới.</p>
              <p style="text-align: right;"><b>Bạch Dương</b></p>
            </div>
            <div class="tin-lien-quan"><h3>Tin liên quan</h3><ul>
              <li><a href="/a.htm">Bài liên quan thứ nhất về chuyển đổi số</a></li>
              <li><a href="/b.htm">Bài liên quan thứ hai về chính phủ số</a></li></ul></div>
          </div>
          <div class="box-home-focus"><h3>NỔI BẬT TRANG CHỦ</h3><ul>
            <li><a href="/c.htm">Tin nổi bật trên trang chủ hôm nay</a></li>
            <li><a href="/d.htm">Một tin nổi bật khác trên trang chủ</a></li></ul></div>
        </div>
        <div class="footer"><p>Cơ quan chủ quản: Bộ Văn hóa, Thể thao và Du lịch. Giấy phép số 1234/GP-BTTTT.</p></div>
        <script>track("pageview");</script>
        </body></html>
        """
    }

    func testSeedShapedPageTitleLosesTheSiteName() throws {
        XCTAssertEqual(try extract(seedShapedPage).title, Self.seedTitle)
    }

    func testSeedShapedPagePublishedIsThePrintedDateInTheSiteZone() throws {
        XCTAssertEqual(try extract(seedShapedPage).published?.iso8601, "2021-11-30T22:58:00+07:00")
    }

    func testSeedShapedPageBylineIsTheNameOnTheLastLine() throws {
        XCTAssertEqual(try extract(seedShapedPage).byline, "Bạch Dương")
    }

    func testSeedShapedPageSectionIsThePrintedCategory() throws {
        XCTAssertEqual(try extract(seedShapedPage).section, "Thời sự")
    }

    func testSeedShapedPageBodyKeepsTheLedeAndTheArticle() throws {
        let page = try extract(seedShapedPage)
        XCTAssertTrue(page.text.hasPrefix("(Tổ Quốc) - Chiều ngày 30/11"), page.text)
        XCTAssertTrue(page.text.contains("Đoạn 3 nói về kinh tế số"))
    }

    func testSeedShapedPageBodyHasNoSiteChrome() throws {
        let page = try extract(seedShapedPage)
        for chrome in ["Đường dây nóng", "Liên hệ quảng cáo", "NỔI BẬT TRANG CHỦ", "Tin liên quan", "Bài liên quan",
                       "Cơ quan chủ quản", "Văn hóa"] {
            XCTAssertFalse(page.text.contains(chrome), "body keeps \(chrome)")
            XCTAssertFalse(page.html.contains(chrome), "html keeps \(chrome)")
        }
    }

    func testSeedShapedPageKeepsEachCaptionRightAfterItsImage() throws {
        let page = try extract(seedShapedPage)
        XCTAssertEqual(page.images, ["https://toquoc.mediacdn.vn/2021/anh-1.jpg"])
        let image = try XCTUnwrap(page.html.range(of: "src=\"https://toquoc.mediacdn.vn/2021/anh-1.jpg\">"))
        let caption = try XCTUnwrap(page.html.range(of: "Thủ tướng Phạm Minh Chính phát biểu chỉ đạo"))
        XCTAssertLessThan(image.upperBound, caption.lowerBound)
        let between = page.html[image.upperBound..<caption.lowerBound]
        XCTAssertFalse(between.contains("Đoạn"), "text between image and caption: \(between)")
        // The credit stays with the caption on the page and is left out of the text (`CaptionCredit`).
        XCTAssertTrue(page.html.contains("Thủ tướng Phạm Minh Chính phát biểu chỉ đạo tại phiên làm việc (Ảnh: VGP/Nhật Bắc)"))
        XCTAssertTrue(page.text.contains("Thủ tướng Phạm Minh Chính phát biểu chỉ đạo tại phiên làm việc\n"), page.text)
        XCTAssertFalse(page.text.contains("VGP/Nhật Bắc"), page.text)
    }

    func testSeedShapedPageHTMLHasNoScriptHandlersOrJavascriptURLs() throws {
        let html = try extract(seedShapedPage).html.lowercased()
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("onclick"))
        XCTAssertFalse(html.contains("onload"))
        XCTAssertFalse(html.contains("javascript:"))
        XCTAssertTrue(html.contains("tại đây"), "the text of a javascript: link stays")
    }

    // MARK: - Metadata

    func testOpenGraphTitleWinsOverTheDocumentTitle() throws {
        let page = try extract("""
            <html><head><title>Something else entirely | Site</title>
            <meta property="og:title" content="The real headline of the story"></head><body>\(prose(4))</body></html>
            """)
        XCTAssertEqual(page.title, "The real headline of the story")
    }

    func testJSONLinkedDataGivesHeadlineAuthorsDatesAndSection() throws {
        let page = try extract("""
            <html><head><script type="application/ld+json">
            {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Một tiêu đề bài báo",
             "author": [{"@type": "Person", "name": "Nguyễn Văn A"}, {"@type": "Person", "name": "Trần Thị B"}],
             "datePublished": "2021-11-30T22:58:00+07:00", "dateModified": "2021-12-01T08:00:00+07:00",
             "articleSection": "Thời sự", "publisher": {"@type": "Organization", "name": "Báo Mẫu"}}
            </script></head><body>\(prose(4))</body></html>
            """)
        XCTAssertEqual(page.title, "Một tiêu đề bài báo")
        XCTAssertEqual(page.byline, "Nguyễn Văn A, Trần Thị B")
        XCTAssertEqual(page.published?.iso8601, "2021-11-30T22:58:00+07:00")
        XCTAssertEqual(page.modified?.iso8601, "2021-12-01T08:00:00+07:00")
        XCTAssertEqual(page.section, "Thời sự")
        XCTAssertEqual(page.site, "Báo Mẫu")
    }

    func testScriptAddressesInCanonicalAndOpenGraphAreDropped() throws {
        for address in ["javascript:alert(1)", "JaVa&#x09;Script:alert(1)", "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>"] {
            let page = try extract("""
                <html><head><link rel="canonical" href="\(address)"><meta property="og:url" content="\(address)">
                <meta property="og:image" content="\(address)"></head><body>\(prose(4))</body></html>
                """)
            XCTAssertNil(page.canonical, address)
            XCTAssertNil(page.image, address)
        }
    }

    func testMetaTagsGiveTagsCanonicalImageDescriptionAndLanguage() throws {
        let page = try extract("""
            <html lang="vi"><head>
            <meta property="article:tag" content="chuyển đổi số"><meta property="article:tag" content="Chính phủ số">
            <link rel="canonical" href="https://example.vn/bai-viet.htm">
            <meta property="og:image" content="https://example.vn/anh.jpg">
            <meta name="description" content="Tóm tắt bài viết.">
            <meta property="article:published_time" content="2021-11-30T15:58:00Z">
            </head><body>\(prose(4))</body></html>
            """)
        XCTAssertEqual(page.tags, ["chuyển đổi số", "Chính phủ số"])
        XCTAssertEqual(page.canonical, "https://example.vn/bai-viet.htm")
        XCTAssertEqual(page.image, "https://example.vn/anh.jpg")
        XCTAssertEqual(page.description, "Tóm tắt bài viết.")
        XCTAssertEqual(page.lang, "vi")
        XCTAssertEqual(page.published?.iso8601, "2021-11-30T15:58:00+00:00")
    }

    func testJSONLinkedDataInsideAGraphIsFound() throws {
        let page = try extract("""
            <html><head><script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Báo Mẫu"},
             {"@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "position": 1, "name": "Trang chủ"},
               {"@type": "ListItem", "position": 2, "name": "Giáo dục"}]},
             {"@type": ["NewsArticle"], "headline": "Tiêu đề trong đồ thị", "author": {"@type": "Person", "name": "Lê C"}}]}
            </script></head><body>\(prose(4))</body></html>
            """)
        XCTAssertEqual(page.title, "Tiêu đề trong đồ thị")
        XCTAssertEqual(page.byline, "Lê C")
        XCTAssertEqual(page.section, "Giáo dục")
    }

    func testMetaAuthorAndSiteNameAreRead() throws {
        let page = try extract("""
            <html><head><meta name="author" content="By Phạm D"><meta property="og:site_name" content="Báo Mẫu">
            <meta property="article:modified_time" content="2021-12-01T08:00:00+07:00"></head><body>\(prose(4))</body></html>
            """)
        XCTAssertEqual(page.byline, "Phạm D")
        XCTAssertEqual(page.site, "Báo Mẫu")
        XCTAssertEqual(page.modified?.iso8601, "2021-12-01T08:00:00+07:00")
    }

    func testRelAuthorLinkIsTheByline() throws {
        let page = try extract("""
            <html><body><article><div class="info"><a rel="author" href="/tac-gia/e">Hoàng E</a></div>\(prose(4))</article></body></html>
            """)
        XCTAssertEqual(page.byline, "Hoàng E")
    }

    func testProfileLinkGivenAsAuthorIsNotAByline() throws {
        let page = try extract("""
            <html><head><meta name="author" content="https://www.facebook.com/someone"></head><body>\(prose(4))</body></html>
            """)
        XCTAssertNil(page.byline)
    }

    func testKeywordsBecomeTagsWhenNoArticleTagIsGiven() throws {
        let page = try extract("""
            <html><head><meta name="keywords" content="kinh tế, xã hội, Kinh tế"></head><body>\(prose(4))</body></html>
            """)
        XCTAssertEqual(page.tags, ["kinh tế", "xã hội"])
    }

    func testBylineElementIsReadAndLeftOutOfTheBody() throws {
        let page = try extract("""
            <html><body><article><p class="byline">By <span itemprop="name">Jane Doe</span></p>\(prose(4))</article></body></html>
            """)
        XCTAssertEqual(page.byline, "Jane Doe")
        XCTAssertFalse(page.text.contains("Jane Doe"))
    }

    func testACommentFormsNameFieldIsNoByline() throws {
        let form = """
            <form id="commentform"><p class="comment-form-author"><label for="author">Name <span>*</span></label>
            <input id="author" name="author"></p><textarea name="comment"></textarea></form>
            """
        let unsigned = try extract("<html><body><article>\(prose(4))</article>\(form)</body></html>")
        XCTAssertNil(unsigned.byline)
        let signed = try extract("<html><body><article>\(prose(4))<p class=\"author\">Jane Doe</p></article>\(form)</body></html>")
        XCTAssertEqual(signed.byline, "Jane Doe")
    }

    func testABylineWrittenOverSeveralLinesIsOneLineWithoutItsLead() throws {
        let page = try extract("""
            <html><body><article>\(prose(4))</article>
            <div class="post-footer"><span class="post-author vcard">
            Posted by
            <span class="fn">Jane   Doe</span>
            </span></div></body></html>
            """)
        XCTAssertEqual(page.byline, "Jane Doe")
    }

    func testBreadcrumbGivesTheSection() throws {
        let page = try extract("""
            <html><body><ul class="breadcrumb"><li><a href="/">Trang chủ</a></li><li><a href="/kinh-te">Kinh tế</a></li></ul>
            <article>\(prose(4))</article></body></html>
            """)
        XCTAssertEqual(page.section, "Kinh tế")
    }

    func testTimeElementGivesThePublishedDate() throws {
        let page = try extract("""
            <html><body><article><time datetime="2021-11-30T22:58:00+07:00">30/11</time>\(prose(4))</article></body></html>
            """)
        XCTAssertEqual(page.published?.iso8601, "2021-11-30T22:58:00+07:00")
    }

    // MARK: - URLs and encodings

    func testRelativeURLsResolveAgainstThePageURL() throws {
        let page = try extract("<html><body><article>\(prose(4))<p><img src=\"img/a.jpg\"> <a href=\"../b.htm\">b</a></p></article></body></html>",
                               url: "https://example.vn/news/2021/page.htm")
        XCTAssertEqual(page.images, ["https://example.vn/news/2021/img/a.jpg"])
        XCTAssertEqual(page.links, ["https://example.vn/news/b.htm"])
    }

    func testRelativeURLsStayRelativeWithoutAPageURL() throws {
        let page = try extract("<html><body><article>\(prose(4))<p><img src=\"img/a.jpg\"> <a href=\"../b.htm\">b</a></p></article></body></html>")
        XCTAssertEqual(page.images, ["img/a.jpg"])
        XCTAssertEqual(page.links, ["../b.htm"])
    }

    func testInvalidUTF8IsRepairedAndReported() throws {
        var bytes = Array("<html><body><article>\(prose(4))<p>Sai mã: ".utf8)
        bytes += [0xC3, 0x28, 0xFF]
        bytes += Array("</p></article></body></html>".utf8)
        let page = try HTMLExtractor().extract(bytes, pageURL: nil, defaultTimeZone: hanoi)
        XCTAssertTrue(page.text.contains("Đoạn 1 nói về chuyển đổi số"), "UTF-8 text read as UTF-8")
        XCTAssertTrue(page.text.contains("Sai mã: \u{FFFD}("))
        XCTAssertEqual(page.warnings.count, 1)
        XCTAssertTrue(page.warnings[0].contains("invalid UTF-8"))
    }

    func testUndeclaredUTF8IsNotReadAsLatin1() throws {
        let page = try extract("<html><body><article>\(prose(4))</article></body></html>")
        XCTAssertTrue(page.text.contains("địa phương"))
        XCTAssertEqual(page.warnings, [])
    }

    func testDeclaredLegacyCharsetIsDecoded() throws {
        let latin1 = "<html><head><meta charset=\"windows-1252\"></head><body><article><p>Caf\u{E9} cr\u{E8}me, "
            + String(repeating: "une phrase assez longue pour compter, ", count: 20) + "</p></article></body></html>"
        let bytes = latin1.unicodeScalars.map { UInt8($0.value) }
        let page = try HTMLExtractor().extract(bytes, pageURL: nil, defaultTimeZone: hanoi)
        XCTAssertTrue(page.text.hasPrefix("Café crème"), page.text)
    }

    func testUndeclaredPageWithNoUTF8AtAllIsReadAsWindows1252() throws {
        let text = "<html><body><article><p>Caf\u{E9} cr\u{E8}me, " + String(repeating: "une phrase assez longue, ", count: 25)
            + "</p></article></body></html>"
        let page = try HTMLExtractor().extract(text.unicodeScalars.map { UInt8($0.value) }, pageURL: nil, defaultTimeZone: hanoi)
        XCTAssertTrue(page.text.hasPrefix("Café crème"), page.text)
        XCTAssertEqual(page.warnings.count, 1)
    }

    func testEmptyInputIsAnError() {
        XCTAssertThrowsError(try HTMLExtractor().extract([], pageURL: nil, defaultTimeZone: hanoi)) { error in
            XCTAssertEqual(error as? ExtractionError, .empty)
        }
    }

    // MARK: - Site rules

    func testSiteRuleContentSelectorWinsOverTheHeuristics() throws {
        let rule = SiteRule(host: "example.vn", content: "div.story > .body", remove: [".ad"])
        let page = try extract("""
            <html><body><div class="other">\(prose(6, "điều khác"))</div>
            <div class="story"><div class="body"><p>Nội dung chọn bằng quy tắc.</p><p class="ad">Quảng cáo</p></div></div>
            </body></html>
            """, url: "https://www.example.vn/a.htm", rules: [rule])
        XCTAssertEqual(page.text, "Nội dung chọn bằng quy tắc.")
    }

    func testSiteRuleMatchesTheCanonicalHostWhenThereIsNoPageURL() throws {
        let rule = SiteRule(host: "example.vn", content: ".story")
        let page = try extract("""
            <html><head><link rel="canonical" href="https://example.vn/a.htm"></head><body>
            <div class="other">\(prose(6, "điều khác"))</div><div class="story"><p>Nội dung theo quy tắc.</p></div>
            </body></html>
            """, rules: [rule])
        XCTAssertEqual(page.text, "Nội dung theo quy tắc.")
    }

    // MARK: - Tags and images

    func testTagLinksBecomeTagsWhenTheMetadataHasNone() throws {
        let page = try extract("""
            <html><body><article>\(prose(4))</article>
            <div class="tags-box"><a href="/tag/a" rel="tag">Chuyển đổi số</a> <a href="/tag/b" rel="tag">Chính phủ số</a></div>
            </body></html>
            """)
        XCTAssertEqual(page.tags, ["Chuyển đổi số", "Chính phủ số"])
    }

    func testPlaceholderImageSourceIsReplacedByTheLazyOne() throws {
        let page = try extract("""
            <html><body><article>\(prose(4))<p><img src="/images/blank.gif" data-original="https://cdn.example.vn/real.jpg"></p>
            </article></body></html>
            """)
        XCTAssertEqual(page.images, ["https://cdn.example.vn/real.jpg"])
    }

    // MARK: - A header beside the lede

    var pageWithHeaderBesideTheLede: String {
        """
        <html lang="vi"><head><meta charset="utf-8"><title>Giá xăng tăng lần thứ ba liên tiếp - Báo Mẫu</title></head><body>
        <section class="page-detail"><div class="container"><div class="main-col">
        <div class="header-content">
          <ul class="breadcrumb"><li><a href="/kinh-doanh">Kinh doanh</a></li><li><a href="/kinh-doanh/vi-mo">Vĩ mô</a></li></ul>
          <span class="date">Thứ ba, 30/11/2021, 22:58 (GMT+7)</span>
        </div>
        <h1 class="title-detail">Giá xăng tăng lần thứ ba liên tiếp</h1>
        <p class="description">Giá xăng RON 95 tăng 500 đồng mỗi lít từ 15h chiều nay, lần tăng thứ ba liên tiếp.</p>
        <article class="fck_detail">\(prose(4, "giá xăng"))
          <p class="Normal" style="text-align:right;"><strong>Anh Minh</strong></p></article>
        <div class="box-tag"><h4>Tags:</h4><a href="/tag/gia-xang">giá xăng</a> <a href="/tag/xang-dau">xăng dầu</a></div>
        </div></div></section></body></html>
        """
    }

    func testPrintedDateLineAndBreadcrumbStayOutOfTheBody() throws {
        let page = try extract(pageWithHeaderBesideTheLede)
        XCTAssertTrue(page.text.hasPrefix("Giá xăng RON 95 tăng 500 đồng"), page.text)
        XCTAssertFalse(page.text.contains("30/11/2021"))
        XCTAssertFalse(page.text.contains("Vĩ mô"))
    }

    func testPrintedDateWithGMTOffsetIsThePublishedDate() throws {
        XCTAssertEqual(try extract(pageWithHeaderBesideTheLede).published?.iso8601, "2021-11-30T22:58:00+07:00")
    }

    func testFirstBreadcrumbLevelIsTheSection() throws {
        XCTAssertEqual(try extract(pageWithHeaderBesideTheLede).section, "Kinh doanh")
    }

    func testLinksOfATagBoxBecomeTags() throws {
        XCTAssertEqual(try extract(pageWithHeaderBesideTheLede).tags, ["giá xăng", "xăng dầu"])
    }

    func testSignedLastParagraphIsTheByline() throws {
        XCTAssertEqual(try extract(pageWithHeaderBesideTheLede).byline, "Anh Minh")
    }

    func testPromotionsOfOtherArticlesInsideTheBodyAreDropped() throws {
        let page = try extract("""
            <html><body><article>\(prose(3))
            <p><strong>Xem thêm:</strong> <a href="/khac.htm">Một bài báo khác về chủ đề gần giống</a></p>
            <p>Read more <a href="/x">about the plan in our explainer</a>.</p>
            \(prose(2, "xã hội số"))</article></body></html>
            """)
        XCTAssertFalse(page.text.contains("Một bài báo khác"))
        XCTAssertTrue(page.text.contains("Read more about the plan in our explainer."), "a sentence that links stays")
    }

    func testTodaysDateInTheSiteHeaderIsNotThePublishedDate() throws {
        let page = try extract("""
            <html><body><div class="top-bar"><span class="today-date">Thứ Hai, 06/12/2021</span></div>
            <div class="article"><div class="post-date">30/11/2021</div>\(prose(4))</div></body></html>
            """)
        XCTAssertEqual(page.published?.iso8601, "2021-11-30T00:00:00+07:00")
    }

    func testEmptiedAdSlotLabelsAreDropped() throws {
        let page = try extract("""
            <html><body><article>\(prose(2))<div class="slot"><p>Advertisement</p></div><p>Quảng cáo</p>\(prose(2, "kinh tế"))
            </article></body></html>
            """)
        XCTAssertFalse(page.text.contains("Advertisement"))
        XCTAssertFalse(page.text.contains("Quảng cáo"))
    }

    func testFirstParagraphStandsInForAMissingDescription() throws {
        let page = try extract("<html><body><article>\(prose(4))</article></body></html>")
        XCTAssertEqual(page.description, page.text.split(separator: "\n").first.map(String.init))
        XCTAssertTrue(page.description?.hasPrefix("Đoạn 1") ?? false)
    }

    func testCommentsDoNotSplitTheTextAroundThem() throws {
        let page = try extract("<html><body><article>\(prose(4))<div>In print on Page A<!-- -->22 today.</div></article></body></html>")
        XCTAssertTrue(page.text.contains("In print on Page A22 today."), page.text)
    }

    func testAuthorElementOutsideTheKeptBodyIsTheByline() throws {
        let page = try extract("""
            <html><body><header class="site-header"><span class="author-menu">Đăng nhập</span></header>
            <article><header class="entry-header"><span class="author vcard">Đỗ F</span></header>\(prose(4))</article>
            </body></html>
            """)
        XCTAssertEqual(page.byline, "Đỗ F")
    }

    func testAMPImagesBecomeImages() throws {
        let page = try extract("<html><body><article>\(prose(4))<p><amp-img src=\"https://cdn.example.vn/a.jpg\" width=\"600\" height=\"400\"></amp-img></p></article></body></html>")
        XCTAssertEqual(page.images, ["https://cdn.example.vn/a.jpg"])
    }
}
