/// The files `broadsheet init` writes: a `site.yml` with every key explained, three articles in
/// two sections and one page, in Vietnamese or English. Pure: the command writes them.
public enum SiteScaffold {
    /// The languages a new site can start in.
    public static let languages = ["vi", "en"]

    /// Each file's path relative to the site folder, and its text.
    public static func files(language: String) -> [(path: String, text: String)] {
        let english = language == "en"
        return [("site.yml", config(english: english))] + (english ? englishContent : vietnameseContent)
    }

    private static func config(english: Bool) -> String {
        """
        # The site's settings. Every key is optional; the values shown commented out are the defaults.
        # Every key is described in Broadsheet's README (section "site.yml").

        title: "\(english ? "The Riverside Times" : "Báo Ven Sông")"
        description: "\(english ? "Local news, written with Broadsheet" : "Tin tức địa phương, làm bằng Broadsheet")"
        # The address the site is served from; links and feeds are made from it.
        baseURL: https://example.org/
        # The language of the site's pages and labels (vi or en).
        language: \(english ? "en" : "vi")
        # The zone of dates written without an offset (`date: 2024-05-01 08:00`).
        timeZone: \(english ? "UTC" : "Asia/Ho_Chi_Minh")

        # pagination:
        #   pageSize: 10            # articles per list page
        #   homePath: /page:num/    # the home list's later pages (/page2/, as Jekyll); else /page/2/

        # Sections in the navigation's order; articles in other folders get a section of their own.
        sections:
          - name: \(english ? "News" : "Thời sự")
            slug: \(english ? "news" : "thoi-su")
          - name: \(english ? "Business" : "Kinh tế")
            slug: \(english ? "business" : "kinh-te")

        # permalinks:
        #   article: /:year/:month/:day/:slug/   # also :section, :sections, :title, :filename, :categories,
        #                                        # :i_month, :i_day, :short_year, :y_day, :output_ext,
        #                                        # or a Jekyll style: date, pretty, ordinal, none
        #   posts: /:year/:month/:title/         # the articles of one content folder (as Hugo's permalinks)

        # slugify:
        #   paths: safe             # a written slug or file name: safe keeps it as written (case, _ and .),
        #                           # on folds it as titles are (town-hall), lower keeps it but lowercased
        #                           # (as Hugo does), off keeps it exactly

        # Where the lists of tags, sections and authors live (/tag/x/, /section/x/, /author/x/):
        # taxonomies:
        #   tag: tag                # `tags` for Hugo's /tags/x/
        #   tags: tags              # the list of every tag
        #   section: section        # `categories` for Hugo's /categories/x/
        #   author: author          # `authors` also writes the list of every author at /authors/

        # feeds:
        #   items: 20               # articles in each RSS, Atom and JSON feed
        #   fullContent: false      # whole articles in feeds, not only summaries
        #   categories: 10          # tags listed per feed item

        # related: 5                # related articles under each article

        # markup:
        #   unsafe: false           # true keeps raw HTML in Markdown as written (scripts included)

        # limits:
        #   tagsPerArticle: 100     # more are reported and dropped
        #   fileSize: 16777216      # bytes; larger content files are reported and not read

        # A mirror of a crawled news site, built beside Content/ (see `broadsheet mirror --help`):
        # mirror:
        #   paths: [crawls/example.org]   # wget or HTTrack folders, .warc or .warc.gz files
        #   origin: https://example.org/
        #   urls: original                # or clean

        # extraction:
        #   rules:                  # per-site hints for crawled pages
        #     - host: example.org
        #       content: "article .body"
        #       remove: [".ads"]

        """
    }

    private static let vietnameseContent: [(path: String, text: String)] = [
        ("Content/thoi-su/khai-truong-cau-moi.md", """
        ---
        title: Khánh thành cây cầu mới nối hai bờ sông
        date: 2024-05-01T08:00:00+07:00
        authors: [Phóng viên Ven Sông]
        tags: [Giao thông, Hạ tầng]
        summary: Cây cầu dài 600 mét rút ngắn quãng đường qua sông từ 40 phút xuống còn 5 phút.
        ---
        Sáng nay, cây cầu mới nối hai bờ sông đã chính thức thông xe sau hai năm xây dựng.

        ## Người dân vui mừng

        Bà Lan, một tiểu thương ở chợ bờ bắc, cho biết trước đây bà phải đi đò mỗi sáng.

        """),
        ("Content/thoi-su/mua-he-xanh.md", """
        ---
        title: Sinh viên tình nguyện bắt đầu chiến dịch Mùa hè xanh
        date: 2024-05-02T09:30:00+07:00
        authors: [Phóng viên Ven Sông]
        tags: [Giáo dục]
        ---
        Hơn 300 sinh viên đã lên đường về các xã ven sông để dạy học và sửa đường.

        """),
        ("Content/kinh-te/gia-lua-tang.md", """
        ---
        title: Giá lúa tăng, nông dân phấn khởi
        date: 2024-05-03T07:15:00+07:00
        authors: [Phóng viên Ven Sông]
        tags: [Nông nghiệp]
        ---
        Giá lúa tại các cánh đồng ven sông tăng 10% so với tháng trước.

        Xem thêm: [cây cầu mới](../thoi-su/khai-truong-cau-moi.md).

        """),
        ("Content/gioi-thieu.md", """
        ---
        title: Giới thiệu
        type: page
        ---
        Báo Ven Sông là trang tin mẫu. Sửa tệp này trong `Content/gioi-thieu.md`.

        """),
    ]

    private static let englishContent: [(path: String, text: String)] = [
        ("Content/news/new-bridge-opens.md", """
        ---
        title: New bridge opens across the river
        date: 2024-05-01T08:00:00Z
        authors: [Riverside Staff]
        tags: [Transport, Infrastructure]
        summary: The 600-metre bridge cuts the crossing from forty minutes to five.
        ---
        The new bridge opened to traffic this morning after two years of work.

        ## Residents welcome it

        Lan, a trader at the north-bank market, used to take the ferry every morning.

        """),
        ("Content/news/summer-volunteers.md", """
        ---
        title: Student volunteers begin their summer campaign
        date: 2024-05-02T09:30:00Z
        authors: [Riverside Staff]
        tags: [Education]
        ---
        More than 300 students left for the riverside villages to teach and repair roads.

        """),
        ("Content/business/rice-prices-rise.md", """
        ---
        title: Rice prices rise, to farmers' relief
        date: 2024-05-03T07:15:00Z
        authors: [Riverside Staff]
        tags: [Farming]
        ---
        Rice prices in the riverside fields rose 10% on last month.

        See also: [the new bridge](../news/new-bridge-opens.md).

        """),
        ("Content/about.md", """
        ---
        title: About
        type: page
        ---
        The Riverside Times is an example site. Edit this page in `Content/about.md`.

        """),
    ]
}
