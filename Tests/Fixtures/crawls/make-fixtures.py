#!/usr/bin/env python3
"""Writes the two fixture crawls of MirrorTests, deterministically (run it again after editing it):

  tinmoi.example/     a Vietnamese news site as `wget --mirror --page-requisites --adjust-extension
                      --restrict-file-names=windows` saves it: `.htm` articles with printed dates,
                      a home page, section and tag listings, an AMP copy, a print copy, a tracking
                      variant, a search page, a login page, lazy images, srcset, a shared image,
                      a missing image, broken markup.
  dailynews.example/  an English site as HTTrack saves it (with its hts-cache/): folder addresses,
                      JSON-LD NewsArticle with ISO dates, an `article.php?id=N` page, a redirect
                      page, listings.

The text is written for these fixtures. Stdlib only.
"""
import os
import shutil
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def png(rgb, size=(24, 16)):
    """A valid PNG of one colour."""
    width, height = size
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def write(root, path, content):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as handle:
        handle.write(content if isinstance(content, bytes) else content.encode("utf-8"))


# ---------------------------------------------------------------- tinmoi.example (wget, Vietnamese)

VI_NAV = """<header class="site-header"><div class="hotline">Đường dây nóng 0900.000.000 - toasoan@tinmoi.example</div>
<div class="ads-contact">Liên hệ quảng cáo 0900.111.222</div>
<nav class="main-menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su.htm">Thời sự</a></li>
<li><a href="/kinh-te.htm">Kinh tế</a></li><li><a href="/van-hoa.htm">Văn hóa</a></li><li><a href="/the-thao.htm">Thể thao</a></li>
<li><a href="/tim-kiem.htm">Tìm kiếm</a></li><li><a href="/dang-nhap.htm">Đăng nhập</a></li></ul></nav></header>"""

VI_FOOTER = """<footer class="site-footer"><p>Báo điện tử Tin Mới. Giấy phép số 000/GP-BTTTT.</p>
<ul><li><a href="/gioi-thieu.htm">Giới thiệu</a></li><li><a href="/lien-he.htm">Liên hệ</a></li><li><a href="/quang-cao.htm">Quảng cáo</a></li></ul>
<script>window.dataLayer = window.dataLayer || []; function track(){ dataLayer.push(arguments); }</script></footer>"""

VI_ARTICLES = [
    # (slug, section slug, section name, stamp, printed date, title, lead, paragraphs, author, tags)
    ("chuyen-doi-so-dat-loi-ich-quoc-gia-len-tren-het", "thoi-su", "Thời sự", "20211130225800", "30/11/2021 22:58",
     "Chuyển đổi số phải đặt lợi ích quốc gia lên trên hết",
     "(Tin Mới) - Chiều ngày 30/11, Ủy ban Quốc gia về chuyển đổi số họp phiên thứ nhất theo hình thức trực tuyến với các bộ, ngành và 63 tỉnh, thành phố.",
     ["Phiên họp được tổ chức giữa điểm cầu trụ sở Chính phủ với các bộ, ngành, cơ quan trung ương và địa phương trong cả nước. Các thành viên Ủy ban, lãnh đạo nhiều tập đoàn công nghệ số cùng dự.",
      "Phát biểu khai mạc, người chủ trì khẳng định chuyển đổi số là một trong những nhiệm vụ quan trọng hàng đầu, là xu thế tất yếu để nâng cao tính công khai, minh bạch của bộ máy hành chính.",
      "Theo báo cáo tại phiên họp, năm 2021 đã có hơn hai nghìn dịch vụ công trực tuyến mức độ bốn được tích hợp lên cổng dịch vụ công quốc gia, tiết kiệm hàng nghìn tỷ đồng chi phí xã hội mỗi năm.",
      "Kết luận phiên họp, Ủy ban thống nhất lấy người dân và doanh nghiệp làm trung tâm, lấy sự hài lòng của họ làm thước đo cho kết quả chuyển đổi số ở mọi cấp."],
     "Hải Yến", ["chuyển đổi số", "Chính phủ số"]),
    ("ha-noi-mo-them-tuyen-xe-buyt-dien", "thoi-su", "Thời sự", "20211130081500", "30/11/2021 08:15",
     "Hà Nội mở thêm ba tuyến xe buýt điện",
     "(Tin Mới) - Từ đầu tháng 12, ba tuyến xe buýt điện mới nối trung tâm thành phố với các khu đô thị phía tây sẽ đi vào hoạt động.",
     ["Các tuyến mới dùng xe điện sức chứa tám mươi chỗ, chạy từ năm giờ sáng đến mười giờ đêm, tần suất mười lăm phút một chuyến vào giờ cao điểm.",
      "Đơn vị vận hành cho biết giá vé giữ nguyên như xe buýt thường, hành khách có thể thanh toán bằng thẻ ngân hàng hoặc mã QR ngay trên xe.",
      "Sở Giao thông vận tải kỳ vọng xe buýt điện giúp giảm tiếng ồn và khói bụi ở các tuyến phố đông dân cư, đồng thời thu hút thêm người trẻ đi phương tiện công cộng."],
     "Minh Anh", ["giao thông", "xe buýt điện"]),
    ("gia-lua-tang-manh-cuoi-nam", "kinh-te", "Kinh tế", "20211129173000", "29/11/2021 17:30",
     "Giá lúa tăng mạnh dịp cuối năm",
     "(Tin Mới) - Giá lúa tại nhiều tỉnh đồng bằng sông Cửu Long tăng từ ba trăm đến năm trăm đồng mỗi ký so với tuần trước.",
     ["Thương lái cho biết nhu cầu thu mua gạo cho thị trường Tết tăng nhanh, trong khi sản lượng vụ thu đông năm nay thấp hơn dự kiến do mưa lũ kéo dài.",
      "Nhiều hộ nông dân ở An Giang và Đồng Tháp đã bán hết lúa ngay tại ruộng, một số hộ giữ lại chờ giá tiếp tục lên trong tháng tới.",
      "Hiệp hội Lương thực khuyến cáo doanh nghiệp ký hợp đồng bao tiêu sớm để ổn định nguồn hàng và giữ giá cho người trồng lúa."],
     "Quốc Bảo", ["nông nghiệp", "giá lúa"]),
    ("ngan-hang-giam-lai-suat-cho-vay", "kinh-te", "Kinh tế", "20211128091000", "28/11/2021 09:10",
     "Nhiều ngân hàng giảm lãi suất cho vay doanh nghiệp nhỏ",
     "(Tin Mới) - Bốn ngân hàng thương mại công bố gói tín dụng ưu đãi với lãi suất thấp hơn một điểm phần trăm cho doanh nghiệp nhỏ và vừa.",
     ["Gói tín dụng có tổng quy mô hơn ba mươi nghìn tỷ đồng, áp dụng cho các khoản vay bổ sung vốn lưu động đến hết quý một năm sau.",
      "Đại diện một ngân hàng cho biết hồ sơ vay được xử lý trực tuyến, thời gian phê duyệt rút ngắn còn ba ngày làm việc thay vì hai tuần như trước.",
      "Các chuyên gia nhận định lãi suất thấp sẽ giúp doanh nghiệp phục hồi sản xuất, nhưng khuyến nghị ngân hàng kiểm soát chặt chất lượng tín dụng."],
     "Thu Trang", ["ngân hàng", "lãi suất"]),
    ("le-hoi-den-long-hoi-an", "van-hoa", "Văn hóa", "20211127200000", "27/11/2021 20:00",
     "Lễ hội đèn lồng Hội An trở lại sau hai năm",
     "(Tin Mới) - Phố cổ Hội An tắt đèn điện, thắp sáng hàng nghìn đèn lồng trong đêm rằm đầu tiên kể từ khi đón khách trở lại.",
     ["Người dân và du khách thả hoa đăng trên sông Hoài, nghe hát bài chòi và thưởng thức các món ăn truyền thống dọc những con phố nhỏ.",
      "Ban quản lý phố cổ cho biết lượng khách trong đêm hội tăng gấp ba so với ngày thường, phần lớn là khách trong nước đến từ các tỉnh phía bắc.",
      "Các nghệ nhân làm đèn lồng hy vọng mùa lễ hội năm nay giúp làng nghề có thêm đơn hàng sau thời gian dài vắng khách."],
     "Hoài Thu", ["lễ hội", "Hội An"]),
    ("trien-lam-anh-di-san", "van-hoa", "Văn hóa", "20211126143000", "26/11/2021 14:30",
     "Triển lãm ảnh di sản miền Trung",
     "(Tin Mới) - Hơn một trăm bức ảnh về di sản văn hóa miền Trung được trưng bày tại bảo tàng thành phố đến hết tháng mười hai.",
     ["Các tác phẩm ghi lại kiến trúc cung đình Huế, tháp Chăm, làng chài ven biển và những nghề thủ công đang dần mai một.",
      "Ban tổ chức dành riêng một khu trưng bày ảnh tư liệu cũ do người dân gửi tặng, giúp người xem so sánh di tích trước và sau khi trùng tu.",
      "Triển lãm mở cửa miễn phí, có thuyết minh bằng tiếng Việt và tiếng Anh vào các buổi sáng cuối tuần."],
     "Lan Phương", ["triển lãm", "di sản"]),
    ("doi-tuyen-bong-da-tap-trung", "the-thao", "Thể thao", "20211125070000", "25/11/2021 07:00",
     "Đội tuyển bóng đá tập trung chuẩn bị giải khu vực",
     "(Tin Mới) - Ba mươi cầu thủ có mặt tại trung tâm huấn luyện quốc gia để chuẩn bị cho giải vô địch khu vực diễn ra vào tháng tới.",
     ["Ban huấn luyện cho biết đợt tập trung kéo dài ba tuần, gồm hai trận giao hữu với các đội bóng trong nước trước khi chốt danh sách chính thức.",
      "Nhiều cầu thủ trẻ lần đầu được gọi lên tuyển sau mùa giải thi đấu ổn định ở câu lạc bộ, cạnh tranh vị trí với các đàn anh giàu kinh nghiệm.",
      "Người hâm mộ có thể theo dõi các buổi tập mở vào chiều thứ bảy, ban tổ chức khuyến khích đăng ký trước để tránh quá tải."],
     "Đức Huy", ["bóng đá", "đội tuyển"]),
    ("giai-chay-dem-thanh-pho", "the-thao", "Thể thao", "20211124190000", "24/11/2021 19:00",
     "Năm nghìn người tham gia giải chạy đêm thành phố",
     "(Tin Mới) - Giải chạy đêm lần thứ ba thu hút năm nghìn vận động viên phong trào với các cự ly năm, mười và hai mươi mốt cây số.",
     ["Đường chạy đi qua các tuyến phố trung tâm và bờ sông, được chiếu sáng và phân làn riêng, có trạm nước mỗi hai cây số.",
      "Ban tổ chức dành một phần lệ phí đăng ký để trồng cây xanh tại các trường học ngoại thành, mỗi vận động viên về đích tương ứng một cây.",
      "Nhiều gia đình đưa trẻ nhỏ tham gia cự ly ngắn, biến giải chạy thành ngày hội thể thao của cả thành phố."],
     "Minh Anh", ["chạy bộ", "thể thao phong trào"]),
]


def vi_url(article):
    slug, section, _, stamp = article[:4]
    return "/%s/%s-%s.htm" % (section, slug, stamp)


def vi_article_page(index, article, amp=False, print_copy=False):
    slug, section, section_name, stamp, printed, title, lead, paragraphs, author, tags = article
    url = "https://tinmoi.example" + vi_url(article)
    previous = VI_ARTICLES[(index + 1) % len(VI_ARTICLES)]
    following = VI_ARTICLES[(index + 2) % len(VI_ARTICLES)]
    image = "/images/2021/11/%s.png" % slug
    figure = ('<figure class="VCSortableInPreviewMode"><img data-src="%s" src="/images/lazy.gif" alt="%s - Ảnh 1." '
              'srcset="%s 1x, /images/2021/11/%s@2x.png 2x" loading="lazy">'
              '<figcaption>%s (Ảnh: Tin Mới)</figcaption></figure>') % (image, title, image, slug, paragraphs[0].split(",")[0])
    if index == 4:
        # As a common Vietnamese CMS writes a picture: the caption a div beside it.
        figure = ('<div class="VCSortableInPreviewMode" type="Photo"><div><a href="%s"><img src="%s" alt="%s - Ảnh 1."></a></div>'
                  '<div class="PhotoCMS_Caption"><p>%s (Ảnh: Tin Mới)</p></div></div>') % (image, image, title, paragraphs[0].split(",")[0])
    if index == 2:
        # The same picture saved under two names.
        figure += '<figure><picture><source srcset="/images/2021/11/anh-chung.png" type="image/png"><img src="/images/2021/11/anh-chung-ban-sao.png" alt="Ảnh minh họa"></picture><figcaption>Ảnh minh họa</figcaption></figure>'
    if index == 3:
        figure += '<figure><img src="/images/2021/11/khong-co-trong-ban-luu.png" alt="Ảnh thiếu"><figcaption>Ảnh không có trong bản lưu</figcaption></figure>'
    links = (' Trước đó, báo đã đưa tin <a href="%s">%s</a>, cũng như <a href="https://tinmoi.example%s?utm_source=zalo&amp;utm_medium=share">%s</a>;'
             ' tư liệu liên quan có trong <a href="/thoi-su/bai-khong-co-trong-ban-luu-20201010101010.htm#doan-2">một bài cũ</a>'
             ' của chuyên mục <a href="/%s.htm">%s</a>.') % (
        os.path.relpath(vi_url(previous), os.path.dirname(vi_url(article))), previous[5], vi_url(following), following[5], section, section_name)
    prose = list(paragraphs)
    prose[1] = prose[1] + links
    body = "".join("<p>%s</p>" % text for text in prose[:1]) + figure + "".join("<p>%s</p>" % text for text in prose[1:])
    if index == 5:
        body += "<p>Đoạn văn có thẻ <b>không đóng <i>và lồng sai</b> vẫn phải đọc được</i>.<div>"
    head = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>%s | Tin Mới</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="Tin Mới">
<meta property="og:title" content="%s"><meta property="og:url" content="%s">
<meta property="og:image" content="https://tinmoi.example%s"><meta name="description" content="%s">
<meta property="article:section" content="%s">%s
<link rel="canonical" href="%s">%s
<link rel="stylesheet" href="/css/site.css"><script src="/js/app.js"></script>
<style>.ads{display:block}.hotline{color:red}</style></head>""" % (
        title, title, url, image, lead, section_name,
        "".join('<meta property="article:tag" content="%s">' % tag for tag in tags), url,
        "" if amp or print_copy else '<link rel="amphtml" href="https://tinmoi.example/amp%s">' % vi_url(article))
    if print_copy:
        # Without a canonical link or og:url: known as the article by its text alone.
        head = head.replace('<link rel="canonical" href="%s">' % url, "").replace('<meta property="og:url" content="%s">' % url, "")
    related = "".join('<li><a href="%s">%s</a></li>' % (vi_url(other), other[5]) for other in VI_ARTICLES if other is not article)
    page = head + """<body class="%s">%s
<div class="ads ads-top"><a href="https://quangcao.example/"><img src="/images/qc/banner.png" alt="Quảng cáo"></a></div>
<main><div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/%s.htm">%s</a></div>
<article class="detail">
<h1 class="detail-title">%s</h1>
<div class="detail-meta"><a class="cate" href="/%s.htm">%s</a> <span class="time">%s</span></div>
<h2 class="sapo">%s</h2>
<div class="detail-content">%s
<p class="author"><strong>%s</strong></p></div>
<div class="tags">%s</div>
<div class="share"><a href="https://www.facebook.com/sharer.php?u=%s">Chia sẻ</a></div>
</article>
<aside class="related"><h3>Tin liên quan</h3><ul>%s</ul></aside>
<div class="comments"><h3>Bình luận</h3><form action="/binh-luan"><textarea></textarea><button>Gửi</button></form></div>
</main>%s</body></html>
""" % ("amp" if amp else "", VI_NAV, section, section_name, title, section, section_name, printed, lead, body, author,
       "".join('<a href="/tag/%s.htm">%s</a>' % (tag.replace(" ", "-"), tag) for tag in tags), url, related, VI_FOOTER)
    return page


def vi_listing(title, links, og_type="website"):
    items = "".join('<li class="story"><a href="%s"><img src="/images/2021/11/%s.png" alt=""></a><h3><a href="%s">%s</a></h3></li>'
                    % (vi_url(a), a[0], vi_url(a), a[5]) for a in links)
    return """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>%s | Tin Mới</title>
<meta property="og:type" content="%s"><meta property="og:site_name" content="Tin Mới"></head>
<body>%s<main><h1>%s</h1><ul class="list-news">%s</ul>
<div class="paging"><a href="/thoi-su/trang-2.htm">Trang 2</a></div></main>%s</body></html>
""" % (title, og_type, VI_NAV, title, items, VI_FOOTER)


def write_tinmoi(root):
    for index, article in enumerate(VI_ARTICLES):
        write(root, vi_url(article)[1:], vi_article_page(index, article))
        write(root, "images/2021/11/%s.png" % article[0], png((40 + 20 * index, 90, 160 - 10 * index)))
        write(root, "images/2021/11/%s@2x.png" % article[0], png((40 + 20 * index, 90, 160 - 10 * index), (48, 32)))
    write(root, "images/2021/11/anh-chung.png", png((200, 200, 40)))
    write(root, "images/2021/11/anh-chung-ban-sao.png", png((200, 200, 40)))
    write(root, "images/lazy.gif", b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")
    write(root, "css/site.css", "body{font-family:serif}")
    write(root, "js/app.js", "console.log('app');")
    first = VI_ARTICLES[0]
    # An AMP copy and a print copy of the first article, and a tracking variant of the second.
    write(root, "amp" + vi_url(first), vi_article_page(0, first, amp=True))
    write(root, vi_url(first)[1:] + "@print=1.html", vi_article_page(0, first, print_copy=True))
    write(root, vi_url(VI_ARTICLES[1])[1:] + "@utm_source=facebook.html", vi_article_page(1, VI_ARTICLES[1]))
    write(root, "index.html", vi_listing("Tin Mới - Báo điện tử", VI_ARTICLES))
    for section, name in [("thoi-su", "Thời sự"), ("kinh-te", "Kinh tế"), ("van-hoa", "Văn hóa"), ("the-thao", "Thể thao")]:
        write(root, section + ".htm", vi_listing(name, [a for a in VI_ARTICLES if a[1] == section] + VI_ARTICLES[:3]))
    write(root, "thoi-su/trang-2.htm", vi_listing("Thời sự - Trang 2", VI_ARTICLES[4:]))
    write(root, "tag/chuyen-doi-so.htm", vi_listing("chuyển đổi số", VI_ARTICLES[:2], og_type="object"))
    write(root, "tim-kiem.htm@q=xe-buyt.html", vi_listing("Kết quả tìm kiếm", VI_ARTICLES[1:2]))
    write(root, "dang-nhap.htm", """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Đăng nhập | Tin Mới</title></head>
<body>%s<main><h1>Đăng nhập</h1><form><input name="u"><input type="password" name="p"><button>Đăng nhập</button></form>
<p>Quên mật khẩu?</p></main>%s</body></html>""" % (VI_NAV, VI_FOOTER))


# ---------------------------------------------------------------- dailynews.example (HTTrack, English)

EN_ARTICLES = [
    # (path, title, ISO date, author, section, paragraphs)
    ("news/2023/05/city-council-approves-new-park/", "City council approves a new riverside park", "2023-05-02T09:30:00-04:00",
     "Jordan Lee", "Local", [
        "The city council voted seven to two on Monday night to turn a disused rail yard along the river into a twelve-acre public park.",
        "The plan includes a playground, a community garden, a boat launch and a walking trail that links two neighborhoods long cut off from the water.",
        "Construction is expected to begin next spring and take about eighteen months, paid for by a state grant and a bond approved by voters last year.",
        "Residents who spoke at the meeting mostly welcomed the project, though several asked the council to keep the old signal tower as a landmark."]),
    ("news/2023/05/library-extends-weekend-hours/", "Library extends its weekend hours", "2023-05-03T14:00:00-04:00",
     "Priya Nair", "Local", [
        "The main branch of the public library will stay open until nine in the evening on Saturdays and Sundays starting this month.",
        "Library staff said the change answers a survey in which most respondents asked for more time to study and use the computers on weekends.",
        "The extra hours are funded by a one-year grant from a local foundation, and the library board will review attendance before renewing them."]),
    ("business/2023/05/bakery-opens-second-shop/", "Family bakery opens a second shop downtown", "2023-05-04T08:15:00-04:00",
     "Sam Ortiz", "Business", [
        "A bakery that started in a garage ten years ago opened its second shop on Main Street this week, hiring eleven new workers.",
        "The owners said rising rents nearly stopped the move, but a small-business loan program run by the county made the lease affordable.",
        "The new shop will sell bread made at the original location each morning and add a small cafe with seating for thirty people."]),
    ("business/2023/05/port-traffic-rises/", "Port traffic rises for a third month", "2023-05-05T11:45:00-04:00",
     "Sam Ortiz", "Business", [
        "Container traffic through the port rose for the third month in a row in April, according to figures released by the port authority.",
        "Officials credited new direct shipping routes and a recently deepened channel that lets larger vessels dock without waiting for high tide.",
        "Trucking companies warned that roads near the terminal are already congested and urged the state to speed up planned highway work."]),
    ("sports/2023/05/high-school-team-wins-title/", "High school team wins the state title", "2023-05-06T21:10:00-04:00",
     "Alex Kim", "Sports", [
        "The Riverside High School basketball team won its first state championship on Saturday, beating the defending champions by four points.",
        "The senior guard scored twenty-six points, including two free throws in the final ten seconds that sealed the victory.",
        "Hundreds of fans greeted the team bus when it returned to town late that night, and the mayor announced a parade for next weekend."]),
]


def en_page(path, title, date, author, section, paragraphs, extra=""):
    url = "https://dailynews.example/" + path
    others = "".join('<li><a href="../../../../%s">%s</a></li>' % (other[0], other[1]) for other in EN_ARTICLES if other[0] != path)
    body = "".join("<p>%s</p>" % text for text in paragraphs)
    return """<!DOCTYPE html>
<html lang="en-US"><head><meta charset="utf-8"><title>%s - The Daily News</title>
<meta property="og:site_name" content="The Daily News"><link rel="canonical" href="%s">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"%s",
"datePublished":"%s","author":{"@type":"Person","name":"%s"},"articleSection":"%s","url":"%s"}</script></head>
<body><div id="top-bar"><a href="../../../../index.html">The Daily News</a> | <a href="../../../../subscribe/index.html">Subscribe</a></div>
<nav><a href="../../../../local/index.html">Local</a> <a href="../../../../business/index.html">Business</a> <a href="../../../../sports/index.html">Sports</a></nav>
<div class="story"><h1>%s</h1><p class="byline">By %s</p><time datetime="%s">%s</time>
<div class="story-body">%s%s</div></div>
<div class="more"><h4>More stories</h4><ul>%s</ul></div>
<footer>&copy; 2023 The Daily News. <a href="../../../../about/index.html">About</a></footer></body></html>
""" % (title, url, title, date, author, section, url, title, author, date, date[:10], body, extra, others)


def write_dailynews(root):
    for index, (path, title, date, author, section, paragraphs) in enumerate(EN_ARTICLES):
        extra = ""
        if index == 0:
            extra = '<p>Read the <a href="../../../../article7c1a.html">council minutes</a> and see the <a href="../../../../images/park-plan.png"><img src="../../../../images/park-plan.png" alt="Park plan"></a>.</p>'
        write(root, path + "index.html", en_page(path, title, date, author, section, paragraphs, extra))
    write(root, "images/park-plan.png", png((30, 160, 60)))
    # HTTrack names a page with a query by a hash of it; only its cache says which address it was.
    write(root, "article7c1a.html", en_page("article.php?id=3", "Council minutes: the riverside park vote", "2023-05-02T22:00:00-04:00",
                                                  "City Clerk", "Local", [
        "The minutes of the council meeting record the vote on the riverside park, the amendments proposed and the public comments received.",
        "An amendment to keep the signal tower passed unanimously; an amendment to add a parking lot was withdrawn after the planning director spoke.",
        "The full text of the resolution and the grant agreement are attached to the minutes and available at the clerk's office."]))
    listing = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s - The Daily News</title>
<meta property="og:type" content="website"></head><body><h1>%s</h1><ul>%s</ul></body></html>
"""
    links = "".join('<li><a href="%s">%s</a></li>' % (a[0] + "index.html", a[1]) for a in EN_ARTICLES)
    write(root, "index.html", listing % ("Home", "The Daily News", links))
    for section in ["local", "business", "sports"]:
        write(root, section + "/index.html", listing.replace('href="', 'href="../') % (section.title(), section.title(), links))
    # HTTrack's own files, which are not the site's.
    write(root, "hts-cache/doit.log", "-qwC2%Pns2u1%s%uN0%I0p3DaK0H0%kf2A25000%f#f -F \"Mozilla/4.5\" -%F")
    header = ("date\tsize'/'remotesize\tflags(request:Update,Range state:File response:Modified,Chunked,gZipped)\t"
              "statuscode\tstatus ('servermsg')\tMIME\tEtag|Date\tURL\tlocalfile\t(from URL)\n")
    saved = [("dailynews.example/", "index.html", ""),
             ("dailynews.example/article.php?id=3", "article7c1a.html", "dailynews.example/" + EN_ARTICLES[0][0] + "index.html")]
    lines = "".join("22:00:00\t4096/4096\t---M--\t200\tadded ('OK')\ttext/html\tdate:Tue,%%2002%%20May%%202023\t%s\t"
                    "/home/reporter/websites/dailynews/dailynews.example/%s\t(from %s)\n" % line for line in saved)
    write(root, "hts-cache/new.txt", header + lines)


def main():
    for name, writer in [("tinmoi.example", write_tinmoi), ("dailynews.example", write_dailynews)]:
        root = os.path.join(HERE, name)
        shutil.rmtree(root, ignore_errors=True)
        writer(root)


if __name__ == "__main__":
    main()
