import Foundation
import TestSupport
import XCTest

/// A page as a crawler saved it, in the shape of the seed article, built into the site.
final class ScrapedPageTests: XCTestCase {
    private var site: FixtureSite!

    override func setUpWithError() throws {
        site = try FixtureSite()
        try site.write("Content/crawl/chuyen-doi-so.html", """
        <!doctype html>
        <html lang="vi"><head><meta charset="utf-8">
        <title>Chuyển đổi số phải đặt lợi ích quốc gia lên trên hết - Báo Mẫu</title>
        <link rel="canonical" href="https://bao.example/thoi-su/chuyen-doi-so-123.htm">
        <script>var tracker = 1;</script>
        </head><body>
        <div class="header"><ul><li>Đường dây nóng 0901.22.33.66</li><li>Liên hệ quảng cáo 091.358.6788</li></ul>
        <a href="javascript:void(0)" onclick="openMenu()">Menu</a></div>
        <div class="detail">
          <h1 class="title">Chuyển đổi số phải đặt lợi ích quốc gia lên trên hết</h1>
          <div class="meta"><a class="cat" href="/thoi-su.htm">Thời sự</a> <span class="time">30/11/2021 22:58</span></div>
          <div class="noi-dung">
            <p class="sapo">(Báo Mẫu) - Chiều ngày 30/11, Ủy ban Quốc gia về chuyển đổi số họp phiên thứ nhất bàn về kế hoạch năm tới.</p>
            <p>Phiên họp được tổ chức theo hình thức trực tuyến giữa đầu cầu Trụ sở Chính phủ với các bộ, ngành và 63 tỉnh, thành phố trong cả nước, với sự tham dự của nhiều lãnh đạo.</p>
            <div class="photo"><img src="anh/hop-1.png" alt="Chuyển đổi số - Ảnh 1."><p class="caption">Toàn cảnh phiên họp trực tuyến (Ảnh: VGP)</p></div>
            <p>Các đại biểu tập trung thảo luận về kế hoạch chuyển đổi số những năm tới, với khoảng 53 chỉ tiêu hướng tới Chính phủ số, kinh tế số và xã hội số trong giai đoạn tới.</p>
            <p>Năm 2022 sẽ có 18 chỉ tiêu quan trọng được đề xuất ưu tiên nguồn lực triển khai, theo kế hoạch được các bộ ngành thống nhất tại phiên họp chiều nay.</p>
            <p>Bạch Dương</p>
          </div>
        </div>
        <div class="tin-lien-quan"><h3>NỔI BẬT TRANG CHỦ</h3><ul><li><a href="/a.htm">Tin khác một</a></li><li><a href="/b.htm">Tin khác hai</a></li></ul></div>
        <div class="footer">© Báo Mẫu. Địa chỉ: 1 Phố Huế, Hà Nội.</div>
        </body></html>
        """)
        try site.write("Content/crawl/anh/hop-1.png", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    }

    override func tearDown() {
        site.remove()
    }

    func testSiteRulesFromTheConfigAreUsed() throws {
        try site.write("site.yml", """
        extraction:
          rules:
            - host: bao.example
              remove: [".photo"]
        """)
        XCTAssertEqual(try site.run(["build"]).status, 0)
        let page = try site.read("2021/11/30/chuyen-doi-so/index.html")
        XCTAssertFalse(page.contains("hop-1.png"), "the rule removed the photo")
    }

    func testAnUnsupportedSelectorIsAConfigError() throws {
        try site.write("site.yml", "extraction:\n  rules:\n    - host: bao.example\n      content: \"div:nth-child(2)\"\n")
        let result = try site.run(["build"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("site.yml:3:7: error: extraction rule for bao.example: unsupported CSS selector 'div:nth-child(2)'"),
                      result.stderr)
    }

    func testAScrapedPageBecomesAnArticleWithItsImages() throws {
        let result = try site.run(["build"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let path = "2021/11/30/chuyen-doi-so/index.html"
        XCTAssertTrue(site.exists(path), "files: \(site.outputFiles())")
        let page = try site.read(path)
        XCTAssertTrue(page.contains("Chuyển đổi số phải đặt lợi ích quốc gia lên trên hết"))
        XCTAssertTrue(page.contains("datetime=\"2021-11-30T22:58:00+07:00\""))
        XCTAssertTrue(page.contains("src=\"/crawl/anh/hop-1.png\""), "the image is copied and its URL rewritten")
        XCTAssertTrue(site.exists("crawl/anh/hop-1.png"))
        XCTAssertTrue(page.contains("Toàn cảnh phiên họp trực tuyến"), "captions stay with their images")
        XCTAssertTrue(page.contains("https://bao.example/thoi-su/chuyen-doi-so-123.htm"), "the original URL is kept")
        for chrome in ["Liên hệ quảng cáo", "Tin khác một", "Phố Huế", "tracker", "javascript:", "onclick"] {
            XCTAssertFalse(page.contains(chrome), "\(chrome) must not reach the page")
        }
        XCTAssertTrue(try site.read("section/thoi-su/index.html").contains("/2021/11/30/chuyen-doi-so/"))
    }
}
