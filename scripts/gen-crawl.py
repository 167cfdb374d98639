#!/usr/bin/env python3
"""A deterministic news-site crawl, as `wget --mirror --page-requisites --adjust-extension
--restrict-file-names=windows` saves it, and optionally the same crawl as a WARC file.

    python3 scripts/gen-crawl.py --articles N [--seed S] --out DIR [--warc FILE.warc.gz] [--host HOST] [--force]

Writes `DIR/<host>/` (default host `baotintuc.example`, the folder named after the host as wget
names it) and `DIR/manifest.tsv`, the answer key (kind, URL, file below DIR or `-`, HTTP status;
one line per URL the crawler met), which is outside the host folder so a mirror never reads it.
Same N, seed and host give byte-identical files, whatever PYTHONHASHSEED (no set is iterated);
the WARC too (one gzip member per record, mtime 0, record ids and dates derived from the seed).

The text comes from the word lists of the build benchmark's corpus generator,
`../shared/bench/gen_corpus.py` beside the repository, imported at run time (`--corpus-generator`):
titles, dates (2021–2025, GMT+7), sections, tags and authors are its articles'; the pages around
them are made here. Python 3 standard library only.

What the crawl holds (URL on the origin -> file below `DIR/<host>/`):

    /robots.txt                                  robots.txt
    /                                            index.html          home page
    /thoi-su.htm, /thoi-su/trang-2.htm           thoi-su.htm, thoi-su/trang-2.htm   section lists, 20 a page, all pages
    /tag/gia-vang.htm, /tag/gia-vang/trang-2.htm tag/gia-vang.htm ...   tag lists, at most 5 pages
    /thoi-su/<slug>-20211130225800.htm           same path           articles
    /amp/thoi-su/<slug>-2021...htm               same path           AMP copies (~10%), rel=canonical to the article
    /thoi-su/<slug>-2021...htm?print=1           ...htm@print=1.html print copies (~5%), rel=canonical, noindex
    /thoi-su/<slug>-2021...htm?utm_source=...    ...htm@utm_source=...&utm_medium=...&utm_campaign=....html
                                                                     tracking-query duplicates (~1% of articles)
    /tim-kiem.htm?q=gia+vang                     tim-kiem.htm@q=gia+vang.html  search result pages (noindex)
    /thoi-su/bai-viet-da-bi-go-...htm            same path           a soft 404 (status 200, "page not found")
    /gioi-thieu.htm, /lien-he.htm, ...           same path           static pages (og:type website)
    /rss.htm, /rss/thoi-su.rss                   same path           feed list and RSS 2.0 feeds
    /static/css/main.min.css?v=20251201          static/css/main.min.css@v=20251201.css
    /static/js/app.min.js?v=3.2.1                static/js/app.min.js@v=3.2.1
    /images/2021/11/<slug>-<id>-<k>.jpg|.png     same path           small valid JPEG/PNG, distinct bytes
    /images/2021/01/anh-minh-hoa-<n>.jpg         same path           stock photos shared between articles

About 2% of the article images referenced are missing (the server answered 404; the WARC holds those
responses); a few article images are byte copies of a stock photo (a revisit record in the WARC); a
few inline links lead to a dead URL (404, no file) and some to the soft 404. Links come root-relative,
document-relative, absolute, `http://`, protocol-relative, with `#fragments` and, to ~1% of the
articles, with utm queries. Article pages carry 30-150 KB of inline JS and a JSON state blob that
repeats the article's text; sizes follow a log-normal law (median ~100 KB, a tenth above 280 KB),
printed at the end with the other counts.
"""
import argparse
import base64
import bisect
import datetime as dt
import gzip
import hashlib
import html
import importlib.util
import json
import os
import random
import re
import shutil
import statistics
import struct
import sys
import uuid
import zlib

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS_GENERATOR = os.path.join(os.path.dirname(REPO), "shared", "bench", "gen_corpus.py")

SITE_NAME = "Báo Tin Tức"
GMT7 = dt.timezone(dt.timedelta(hours=7))
CRAWL_START = dt.datetime(2026, 1, 2, 3, 0, 0, tzinfo=dt.timezone.utc)  # after the corpus's last article
WEEKDAYS = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]
PAGE_SIZE = 20
TAG_PAGES = 5
CSS_URL = "/static/css/main.min.css?v=20251201"
JS_URL = "/static/js/app.min.js?v=3.2.1"
SEARCHES = [("gia+vang", "giá vàng"), ("bong+da", "bóng đá"), ("lai+suat", "lãi suất"), ("covid-19", "covid-19")]
STATIC_PAGES = [("gioi-thieu", "Giới thiệu"), ("lien-he", "Liên hệ"), ("dieu-khoan-su-dung", "Điều khoản sử dụng"),
                ("chinh-sach-bao-mat", "Chính sách bảo mật"), ("quang-cao", "Liên hệ quảng cáo")]
UTM = ["utm_source=facebook&utm_medium=social&utm_campaign=chiase",
       "utm_source=zalo&utm_medium=share&utm_campaign=lienquan",
       "utm_source=newsletter&utm_medium=email&utm_campaign=tin-sang"]
SOFT_404 = "bai-viet-da-bi-go-20200101000000.htm"
DEAD_LINK = "bai-viet-khong-con-ton-tai-20200102000000.htm"
STOCK_IMAGES = 150
GIF_PIXEL = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"


def load_corpus_generator(path):
    sys.dont_write_bytecode = True  # leave no __pycache__ in ../shared
    spec = importlib.util.spec_from_file_location("gen_corpus", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def esc(text):
    return html.escape(text, quote=True)


def script_json(value):
    """JSON for inside a <script>: `</` written `<\\/` as sites do, so no text closes the element."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def wget_path(path, query, content_type):
    """The file wget writes for a URL: `?` becomes `@` (--restrict-file-names=windows), `.html` is
    appended to HTML whose name does not end in .htm/.html and `.css` to CSS (--adjust-extension),
    and a folder URL gets `index.html`."""
    name = path.lstrip("/")
    if name == "" or name.endswith("/"):
        name += "index.html"
    if query:
        name += "@" + query
    if content_type == "text/html" and not re.search(r"\.[Hh][Tt][Mm][Ll]?$", name):
        name += ".html"
    elif content_type == "text/css" and not name.endswith(".css"):
        name += ".css"
    return name


# --------------------------------------------------------------------------------------------------
# Images: tiny baseline JPEGs (DC-only 8x8 blocks, YCbCr 4:4:4) and RGB PNGs, stdlib only
# --------------------------------------------------------------------------------------------------

def _huffman_codes(bits, values):
    codes, code, k = {}, 0, 0
    for length in range(1, 17):
        for _ in range(bits[length - 1]):
            codes[values[k]] = (code, length)
            code, k = code + 1, k + 1
        code <<= 1
    return codes


DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]  # the standard luminance DC table (Annex K)
DC_VALUES = list(range(12))
DC_CODES = _huffman_codes(DC_BITS, DC_VALUES)
AC_BITS = [1] + [0] * 15  # one code, '0', for end-of-block: every block is flat
AC_VALUES = [0]
QUANT = 16


def _segment(marker, payload):
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def jpeg(width_blocks, height_blocks, colours, comment):
    """A valid baseline JPEG of flat 8x8 blocks; `colours(bx, by)` gives each block's (Y, Cb, Cr)."""
    out = bytearray(b"\xff\xd8")
    out += _segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    out += _segment(0xFE, comment.encode())
    out += _segment(0xDB, b"\x00" + bytes([QUANT] * 64))
    out += _segment(0xC0, struct.pack(">BHHB", 8, height_blocks * 8, width_blocks * 8, 3)
                    + bytes([1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]))
    out += _segment(0xC4, b"\x00" + bytes(DC_BITS) + bytes(DC_VALUES) + b"\x10" + bytes(AC_BITS) + bytes(AC_VALUES))
    out += _segment(0xDA, bytes([3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]))
    acc, nbits, data, previous = 0, 0, bytearray(), [0, 0, 0]

    def put(code, length):
        nonlocal acc, nbits
        acc, nbits = (acc << length) | code, nbits + length
        while nbits >= 8:
            nbits -= 8
            byte = (acc >> nbits) & 0xFF
            data.append(byte)
            if byte == 0xFF:
                data.append(0)

    for by in range(height_blocks):
        for bx in range(width_blocks):
            for c, level in enumerate(colours(bx, by)):
                dc = round(8 * (level - 128) / QUANT)
                diff, previous[c] = dc - previous[c], dc
                size = abs(diff).bit_length()
                put(*DC_CODES[size])
                if size:
                    put(diff if diff > 0 else diff + (1 << size) - 1, size)
                put(0, 1)  # end of block
    if nbits:
        put((1 << (8 - nbits)) - 1, 8 - nbits)
    out += data + b"\xff\xd9"
    return bytes(out)


def png(width, height, pixel):
    def chunk(kind, payload):
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def image_bytes(name):
    """Distinct bytes for every image name: the colours and the size come from a hash of the name."""
    h = hashlib.sha256(name.encode()).digest()
    if name.endswith(".png"):
        w, hh = 16 + h[0] % 24, 12 + h[1] % 16
        return png(w, hh, lambda x, y: ((h[2] + 5 * x) & 255, (h[3] + 7 * y) & 255, (h[4] + x * y) & 255))
    wb, hb = 6 + h[0] % 10, 4 + h[1] % 6
    return jpeg(wb, hb, lambda bx, by: ((h[2] + 13 * bx + 9 * by) & 255, 96 + (h[3] + 5 * bx) % 64,
                                       96 + (h[4] + 3 * by) % 64), "broadsheet gen-crawl " + name)


# --------------------------------------------------------------------------------------------------
# WARC/1.0: one gzip member per record
# --------------------------------------------------------------------------------------------------

def sha1_b32(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


REASONS = {200: "OK", 301: "Moved Permanently", 404: "Not Found"}


class Warc:
    def __init__(self, path, seed, host):
        self.file = open(path, "wb")
        self.seed, self.host, self.count, self.fetches = seed, host, 0, 0
        self.images = {}  # payload digest -> (URI, date, record id) of the first image with those bytes
        self.revisits = 0
        self.warcinfo_id = self.record_id()
        info = ("software: Wget/1.21.3 (linux-gnu), simulated by broadsheet scripts/gen-crawl.py\r\n"
                "format: WARC File Format 1.0\r\nconformsTo: http://bibnum.bnf.fr/WARC/WARC_ISO_28500_version1_latestdraft.pdf\r\n"
                f"robots: classic\r\nwget-arguments: \"--mirror\" \"--page-requisites\" \"--adjust-extension\" "
                f"\"--restrict-file-names=windows\" \"--warc-file=crawl\" \"https://{host}/\"\r\n").encode()
        self.write([("WARC-Type", "warcinfo"), ("WARC-Record-ID", self.warcinfo_id),
                    ("WARC-Date", self.date()), ("WARC-Filename", os.path.basename(path)),
                    ("Content-Type", "application/warc-fields")], info)

    def record_id(self):
        self.count += 1
        digest = hashlib.sha1(f"gen-crawl {self.seed} {self.count}".encode()).digest()[:16]
        return f"<urn:uuid:{uuid.UUID(bytes=digest, version=4)}>"

    def date(self):
        return (CRAWL_START + dt.timedelta(seconds=self.fetches // 4)).strftime("%Y-%m-%dT%H:%M:%SZ")

    def write(self, headers, block):
        head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + f"Content-Length: {len(block)}\r\n\r\n"
        self.file.write(gzip.compress(head.encode() + block + b"\r\n\r\n", compresslevel=6, mtime=0))

    def fetch(self, uri, status, content_type, body, location=None):
        """A request record and its response (or a revisit for an image whose bytes came before)."""
        self.fetches += 1
        date = self.date()
        http_date = (CRAWL_START + dt.timedelta(seconds=self.fetches // 4)).strftime("%a, %d %b %Y %H:%M:%S GMT")
        scheme_host, _, rest = uri.partition("://")[2].partition("/")
        request = (f"GET /{rest} HTTP/1.1\r\nUser-Agent: Wget/1.21.3\r\nAccept: */*\r\n"
                   f"Accept-Encoding: identity\r\nHost: {scheme_host}\r\nConnection: Keep-Alive\r\n\r\n").encode()
        response_id, request_id = self.record_id(), self.record_id()
        head = [f"HTTP/1.1 {status} {REASONS[status]}", "Server: nginx", f"Date: {http_date}"]
        if content_type:
            head.append(f"Content-Type: {content_type}")
        head.append(f"Content-Length: {len(body)}")
        if location:
            head.append(f"Location: {location}")
        if content_type and content_type.startswith("image/") and status == 200:
            head += ["Accept-Ranges: bytes", f'ETag: "{hashlib.md5(body).hexdigest()[:16]}"',
                     "Cache-Control: max-age=2592000"]
        else:
            head.append("Cache-Control: max-age=60")
        head += ["Connection: keep-alive", "X-Cache: HIT"]
        http_head = ("\r\n".join(head) + "\r\n\r\n").encode()
        digest = sha1_b32(body)
        common = [("WARC-Target-URI", uri), ("WARC-Date", date), ("WARC-IP-Address", "203.0.113.10"),
                  ("WARC-Warcinfo-ID", self.warcinfo_id)]
        self.write([("WARC-Type", "request"), ("WARC-Record-ID", request_id)] + common
                   + [("WARC-Concurrent-To", response_id), ("Content-Type", "application/http;msgtype=request"),
                      ("WARC-Block-Digest", sha1_b32(request))], request)
        first = self.images.get(digest) if content_type and content_type.startswith("image/") else None
        if first:
            self.revisits += 1
            self.write([("WARC-Type", "revisit"), ("WARC-Record-ID", response_id)] + common
                       + [("WARC-Profile", "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest"),
                          ("WARC-Refers-To-Target-URI", first[0]), ("WARC-Refers-To-Date", first[1]),
                          ("WARC-Refers-To", first[2]), ("Content-Type", "application/http;msgtype=response"),
                          ("WARC-Payload-Digest", digest), ("WARC-Block-Digest", sha1_b32(http_head))], http_head)
            return
        if content_type and content_type.startswith("image/") and status == 200:
            self.images[digest] = (uri, date, response_id)
        block = http_head + body
        self.write([("WARC-Type", "response"), ("WARC-Record-ID", response_id)] + common
                   + [("Content-Type", "application/http;msgtype=response"), ("WARC-Payload-Digest", digest),
                      ("WARC-Block-Digest", sha1_b32(block))], block)

    def close(self):
        self.file.close()


# --------------------------------------------------------------------------------------------------
# The site
# --------------------------------------------------------------------------------------------------

def vn_date(d):
    return f"{WEEKDAYS[d.weekday()]}, {d:%d/%m/%Y %H:%M} (GMT+7)"


def inline_markup(text):
    """The corpus's `**x**` / `*x*` marks as HTML, after escaping."""
    text = esc(text)
    text = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", text)
    return re.sub(r"\*(.+?)\*", r"<em>\1</em>", text)


class Crawl:
    def __init__(self, corpus, n, seed, host, out, warc_path):
        self.corpus, self.n, self.host = corpus, n, host
        self.origin = f"https://{host}"
        self.root = os.path.join(out, host)
        self.out = out
        self.gen = corpus.Gen(n, seed)
        self.rng = random.Random(seed * 1000003 + 17)
        self.warc = Warc(warc_path, seed, host) if warc_path else None
        self.manifest = []
        self.made_dirs = set()
        self.emitted_images = {}  # URL path -> True once fetched
        self.page_images = []     # image URL paths the page being rendered references
        self.linked_queries = {}  # (article index, query) -> True, in first-link order
        self.dead_links = 0
        self.http_links = {}      # article index -> True when some page links to it with http://
        self.soft_404s = {}       # section slug -> True when some page links to its soft 404
        self.copy_text = {}       # article index -> its body text, for its AMP and print copies
        self.sizes = []
        self.sections = corpus.SECTIONS
        self.build_site()

    # ---- model -----------------------------------------------------------------------------------
    def build_site(self):
        c, r = self.corpus, self.rng
        metas = self.gen.build_meta()
        used = {}
        for m in metas:
            sec = self.sections[m["sec"]][0]
            d = m["date"]
            base = c.ascii_slug(m["title"], 70)
            path = f"/{sec}/{base}-{d:%Y%m%d%H%M%S}.htm"
            while path in used:  # same title in the same second: the CMS takes the next second
                d += dt.timedelta(seconds=1)
                path = f"/{sec}/{base}-{d:%Y%m%d%H%M%S}.htm"
            used[path] = True
            m["url_path"], m["slug"], m["pdate"] = path, base, d
            m["meta_time"] = r.random() < 0.5
            m["jsonld"] = r.random() < 0.35
            m["amp"] = r.random() < 0.10
            m["print"] = r.random() < 0.05
            m["promoted"] = r.random() < 0.01
            m["live"] = r.random() < 0.07
            figures = []
            for k in range(1 + r.choices([0, 1, 2, 3, 4], [25, 35, 20, 12, 8])[0]):
                x = r.random()
                if x < 0.10 and k > 0:
                    figures.append((f"/images/2021/01/anh-minh-hoa-{r.randrange(STOCK_IMAGES)}.jpg", "stock"))
                    continue
                ext = "png" if x > 0.92 else "jpg"
                name = f"/images/{d:%Y/%m}/{base[:40].rstrip('-')}-{m['id']}-{k + 1}.{ext}"
                kind = "missing" if r.random() < 0.02 else "copy" if r.random() < 0.004 and ext == "jpg" else "own"
                figures.append((name, kind))
            m["figures"] = figures
            m["image"] = figures[0][0]
            m["sapo"] = self.gen.summary()
            m["tag_slugs"] = [(c.ascii_slug(t), t) for t in m["tags"]]
        self.articles = metas
        self.by_date = sorted(range(len(metas)), key=lambda i: (metas[i]["pdate"], i), reverse=True)
        self.section_lists = [[i for i in self.by_date if metas[i]["sec"] == s] for s in range(len(self.sections))]
        tags = {}
        for i in self.by_date:
            for slug, name in metas[i]["tag_slugs"]:
                if slug not in tags:
                    tags[slug] = (name, [])
                tags[slug][1].append(i)
        self.tags = tags
        self.promoted = [i for i in range(len(metas)) if metas[i]["promoted"]] or [0]
        self.image_kind = {}
        for m in metas:
            for name, kind in m["figures"]:
                self.image_kind.setdefault(name, kind)
        # the teaser of every article, serialised once: the JSON state blobs are made of them
        self.teasers = [script_json({"id": m["id"], "title": m["title"], "url": self.origin + m["url_path"],
                                     "sapo": m["sapo"], "thumb": self.origin + m["image"],
                                     "publishedAt": m["pdate"].isoformat(), "category": self.sections[m["sec"]][1]})
                        for m in metas]
        self.make_assets()

    def make_assets(self):
        """Site-wide pieces made once: the critical CSS, the inline JS bundle, nav, footer, ticker."""
        r, c = self.rng, self.corpus
        rules = []
        for k in range(110):
            sel = r.choice([".box-", ".item-", ".list-", ".title-", ".ads-", ".sidebar-", ".header-", ".footer-"])
            sel += r.choice(["news", "focus", "category", "thumb", "meta", "share", "comment", "video", "top"]) + str(k)
            props = ";".join(r.choice(["display:flex", "margin:0 auto", "padding:8px 12px", "font-size:15px",
                                       "line-height:1.6", "color:#222", "background:#f7f7f7", "border-bottom:1px solid #e5e5e5",
                                       "font-weight:700", "position:relative", "overflow:hidden", "width:100%",
                                       "max-width:1130px", "float:left"]) for _ in range(r.randint(2, 6)))
            rules.append(f"{sel}{{{props}}}")
        self.css = "".join(rules)
        statements, strings = [], ["Xem thêm", "Đọc tiếp", "Bình luận", "Chia sẻ", "Đăng nhập", "Tin mới",
                                   "Đang tải...", "Xem tất cả", "Theo dõi", "Quảng cáo", "Hết giờ", "Thích"]
        k = 0
        while sum(map(len, statements)) < 260_000:
            k += 1
            kind = r.randrange(5)
            fn = f"_bs{k:x}"
            if kind == 0:
                statements.append(f'function {fn}(e,t){{var n=e.getAttribute("data-{r.choice(["src", "id", "zone", "href"])}")||"";'
                                  f'if(!n)return;t=t||{{}};for(var r=0;r<n.length;r++){{t[n.charCodeAt(r)%{r.randint(7, 97)}]=!0}}'
                                  f'return e.classList.add("{r.choice(["loaded", "active", "show", "lazy-done"])}"),t}}')
            elif kind == 1:
                slot = f"div-gpt-ad-{r.randrange(10**12, 10**13)}-{r.randrange(9)}"
                statements.append(f'googletag.cmd.push(function(){{googletag.defineSlot("/21{r.randrange(10**6)}/baotintuc/'
                                  f'{r.choice(self.sections)[0]}",[[300,250],[336,280],[300,600]],"{slot}")'
                                  f'.setTargeting("pos","{r.choice(["top", "mid", "bottom", "sticky"])}").addService(googletag.pubads())}})')
            elif kind == 2:
                statements.append(f'var {fn}=' + script_json({"zone": r.randrange(10**6), "label": r.choice(strings),
                                                              "keys": [r.randrange(10**6) for _ in range(r.randint(4, 12))],
                                                              "cdn": f"https://static.{self.host}/ads/{r.randrange(10**8):08x}.js"}))
            elif kind == 3:
                statements.append(f'function {fn}(e){{return\'<div class="item-news"><a href="/\'+e.url+\'" title="\'+e.title+\'">'
                                  f'<img src="\'+e.thumb+\'" alt=""></a><h3><a href="/\'+e.url+\'">\'+e.title+\'</a></h3>'
                                  f'<span>{r.choice(strings)}</span></div>\'}}')
            else:
                statements.append(f'window.{fn}=function(){{var e=document.querySelectorAll(".{r.choice(["lazy", "box-comment", "ads"])}");'
                                  f'Array.prototype.forEach.call(e,function(t,n){{n<{r.randint(3, 40)}&&{fn[:-1] or "_bs"}a&&t.setAttribute('
                                  f'"data-i",n)}});return e.length*{r.randint(2, 999)}}}')
        self.js_parts = statements
        self.js_offsets = []
        total = 0
        for s in statements:
            total += len(s) + 1
            self.js_offsets.append(total)
        self.js_file = ";".join(statements[:400]).encode()
        nav = []
        for s, (slug, name, _) in enumerate(self.sections):
            nav.append((slug, name))
        self.nav_html = {}
        for active in [None] + [s for s, _ in nav]:
            items = "".join(f'<li class="{"active" if slug == active else ""}"><a href="{self.nav_href(slug)}" '
                            f'title="{esc(name)}">{esc(name)}</a></li>' for slug, name in nav)
            self.nav_html[active] = (f'<nav class="main-nav"><ul><li class="home"><a href="/" title="Trang chủ">'
                                     f'<i class="icon-home"></i></a></li>{items}'
                                     f'<li><a href="https://video.{self.host}/">Video</a></li>'
                                     f'<li><a href="https://podcast.{self.host}/">Podcast</a></li></ul></nav>')
        latest = self.by_date[:8]
        self.ticker = ('<div class="breaking-news"><strong>Tin nóng</strong><ul class="ticker">'
                       + "".join(f'<li><a href="{self.articles[i]["url_path"]}">{esc(self.articles[i]["title"])}</a></li>'
                                 for i in latest) + "</ul></div>")
        searches = "".join(f'<a href="/tim-kiem.htm?q={q}">{esc(label)}</a>' for q, label in SEARCHES)
        self.header = (f'<header class="site-header"><div class="top-bar"><span class="today">{WEEKDAYS[4]}, 02/01/2026</span>'
                       f'<span class="weather">Hà Nội 18°C</span><a href="https://id.{self.host}/dang-nhap" rel="nofollow">Đăng nhập</a></div>'
                       f'<div class="logo"><a href="/"><img src="/images/logo.png" alt="{SITE_NAME}" width="220" height="48"></a></div>'
                       f'<form class="search" action="/tim-kiem.htm" method="get"><input type="text" name="q" placeholder="Tìm kiếm">'
                       f'<button type="submit">Tìm</button></form><div class="hot-keywords">Tìm nhiều: {searches}</div></header>')
        footer_links = []
        for slug, name, _ in self.sections:
            footer_links.append(f'<li><a href="/{slug}.htm">{esc(name)}</a></li>')
        for slug, name in STATIC_PAGES:
            footer_links.append(f'<li><a href="/{slug}.htm">{esc(name)}</a></li>')
        footer_links.append('<li><a href="/rss.htm">RSS</a></li>')
        for k in range(30):
            tag_slug = list(self.tags)[k % max(1, len(self.tags))] if self.tags else "tin-moi"
            footer_links.append(f'<li><a href="/tag/{tag_slug}.htm">{esc(self.tags[tag_slug][0]) if self.tags else ""}</a></li>')
        for site in ["facebook.com/baotintuc", "youtube.com/@baotintuc", "zalo.me/baotintuc", "tiktok.com/@baotintuc",
                     "twitter.com/baotintuc"]:
            footer_links.append(f'<li><a href="https://{site}" target="_blank" rel="noopener">{site.split(".")[0].title()}</a></li>')
        for k in range(12):
            footer_links.append(f'<li><a href="https://doitac{k}.example/" rel="nofollow">Đối tác {k + 1}</a></li>')
        self.footer = (f'<footer class="site-footer"><div class="footer-links"><ul>{"".join(footer_links)}</ul></div>'
                       f'<div class="copyright"><p>© 2021–2026 {SITE_NAME}. Giấy phép số 123/GP-BTTTT cấp ngày 02/03/2021.</p>'
                       f'<p>Tổng biên tập: {esc(self.gen.authors[0])}. Địa chỉ: 12 Phố Huế, Hà Nội. Điện thoại: 024 3822 0000.</p>'
                       f'<p>Không được sao chép nội dung khi chưa có sự đồng ý bằng văn bản của {SITE_NAME}.</p></div></footer>')

    def nav_href(self, slug):
        return f"/{slug}.htm" if sum(map(ord, slug)) % 7 else f"//{self.host}/{slug}.htm"  # a few protocol-relative

    # ---- output ----------------------------------------------------------------------------------
    def save(self, kind, path, query, content_type, body, charset=True, status=200):
        """Writes the file wget would write and the WARC records, and notes the URL in the manifest."""
        url = self.origin + path + ("?" + query if query else "")
        full_type = content_type + ("; charset=utf-8" if charset else "")
        if status == 200:
            name = wget_path(path, query, content_type)
            target = os.path.join(self.root, name)
            folder = os.path.dirname(target)
            if folder not in self.made_dirs:
                os.makedirs(folder, exist_ok=True)
                self.made_dirs.add(folder)
            with open(target, "wb") as f:
                f.write(body)
            self.manifest.append((kind, url, os.path.join(self.host, name), status))
        else:
            self.manifest.append((kind, url, "-", status))
        if self.warc:
            self.warc.fetch(url, status, full_type, body)

    def flush_images(self):
        for path in self.page_images:
            if path in self.emitted_images:
                continue
            self.emitted_images[path] = True
            kind = self.image_kind.get(path, "own")
            ctype = "image/png" if path.endswith(".png") else "image/jpeg"
            if kind == "missing":
                self.save("image-missing", path, "", "text/html", b"<html><head><title>404 Not Found</title></head>"
                          b"<body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>\r\n",
                          status=404)
            elif kind == "copy":  # the CMS stored a stock photo again under the article's own name
                stock = f"/images/2021/01/anh-minh-hoa-{int(hashlib.sha1(path.encode()).hexdigest(), 16) % STOCK_IMAGES}.jpg"
                self.save("image-duplicate", path, "", ctype, image_bytes(stock), charset=False)
            else:
                self.save("image", path, "", ctype, image_bytes(path), charset=False)
        self.page_images = []

    def img(self, path, alt, cls="", lazy=True, width=660, height=400):
        self.page_images.append(path)
        if not lazy:
            return f'<img src="{path}" alt="{esc(alt)}" class="{cls}" width="{width}" height="{height}">'
        r = self.rng.random()
        if r < 0.4:
            return (f'<img src="{GIF_PIXEL}" data-src="{path}" alt="{esc(alt)}" class="lazy {cls}" '
                    f'width="{width}" height="{height}">')
        if r < 0.7:
            return (f'<picture><source media="(max-width: 767px)" srcset="{self.origin}{path} 480w" type="image/'
                    f'{"png" if path.endswith(".png") else "jpeg"}"><img src="{path}" alt="{esc(alt)}" loading="lazy" '
                    f'class="{cls}" width="{width}" height="{height}"></picture>')
        return (f'<img src="{path}" srcset="{path} 1x, {self.origin}{path} 2x" alt="{esc(alt)}" loading="lazy" '
                f'class="{cls}" width="{width}" height="{height}">')

    # ---- page pieces -----------------------------------------------------------------------------
    def head(self, title, description, url, og_type, image=None, extra="", og_title=None):
        img = f'<meta property="og:image" content="{self.origin}{image}">' if image else ""
        return (f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
                f'<meta name="viewport" content="width=device-width, initial-scale=1">'
                f'<title>{esc(title)}</title><meta name="description" content="{esc(description)}">'
                f'<link rel="canonical" href="{url}"><meta property="og:title" content="{esc(og_title or title)}">'
                f'<meta property="og:type" content="{og_type}"><meta property="og:url" content="{url}">{img}'
                f'<meta property="og:site_name" content="{SITE_NAME}"><meta property="og:locale" content="vi_VN">'
                f'<meta name="twitter:card" content="summary_large_image"><meta property="fb:app_id" content="1234567890123">'
                f'<link rel="icon" href="/favicon.png" type="image/png"><link rel="alternate" type="application/rss+xml" '
                f'href="/rss/home.rss" title="{SITE_NAME}"><link rel="stylesheet" href="{CSS_URL}">'
                f'<link rel="preconnect" href="https://fonts.gstatic.example"><style>{self.css}</style>{extra}'
                f'<script>(function(w,d,s,l,i){{w[l]=w[l]||[];w[l].push({{"gtm.start":new Date().getTime(),event:"gtm.js"}});'
                f'var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;'
                f'j.src="https://www.googletagmanager.com/gtm.js?id="+i;f.parentNode.insertBefore(j,f)}})'
                f'(window,document,"script","dataLayer","GTM-ABC1234");</script>'
                + '<script type="application/ld+json">' + script_json({
                    "@context": "https://schema.org", "@type": "WebSite", "name": SITE_NAME, "url": self.origin + "/",
                    "potentialAction": {"@type": "SearchAction", "target": self.origin + "/tim-kiem.htm?q={search_term_string}",
                                        "query-input": "required name=search_term_string"}}) + "</script>"
                f'<script src="{JS_URL}" defer></script></head>')

    def top(self, active_section):
        return (f'<body class="{"detail" if active_section else "home"}"><div id="fb-root"></div>'
                f'<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-ABC1234" height="0" width="0"></iframe></noscript>'
                f'<div class="ads ads-top" id="div-gpt-ad-1000-0"><script>googletag.cmd.push(function(){{googletag.display('
                f'"div-gpt-ad-1000-0")}});</script></div>{self.header}{self.nav_html[active_section]}{self.ticker}')

    def sidebar(self):
        r = self.rng
        picks = [self.by_date[r.randrange(min(len(self.by_date), 400))] for _ in range(10)]
        items = "".join(f'<li><span class="rank">{k + 1}</span><a href="{self.articles[i]["url_path"]}">'
                        f'{esc(self.articles[i]["title"])}</a></li>' for k, i in enumerate(picks))
        return (f'<aside class="sidebar"><div class="ads ads-right" id="div-gpt-ad-1001-0"></div>'
                f'<div class="box-most-read"><h3>Đọc nhiều</h3><ol>{items}</ol></div>'
                f'<div class="box-fanpage"><iframe src="https://www.facebook.com/plugins/page.php?href=https%3A%2F%2Fwww.facebook.com%2Fbaotintuc" '
                f'width="300" height="130" loading="lazy"></iframe></div></aside>')

    def teaser_html(self, i, with_image=True):
        m = self.articles[i]
        thumb = self.img(m["image"], m["title"], "thumb", width=240, height=144) if with_image else ""
        return (f'<article class="item-news"><a class="thumb" href="{m["url_path"]}" title="{esc(m["title"])}">{thumb}</a>'
                f'<h3 class="title-news"><a href="{m["url_path"]}">{esc(m["title"])}</a></h3>'
                f'<p class="description">{esc(m["sapo"])}</p><span class="time">{m["pdate"]:%d/%m/%Y %H:%M}</span></article>')

    def pagination(self, base, page, pages, first_url):
        def href(k):
            return first_url if k == 1 else f"{base}/trang-{k}.htm"
        links = []
        if page > 1:
            links.append(f'<a class="prev" href="{href(page - 1)}">‹</a>')
        for k in range(max(1, page - 2), min(pages, page + 2) + 1):
            links.append(f'<span class="active">{k}</span>' if k == page else f'<a href="{href(k)}">{k}</a>')
        if page < pages:
            links.append(f'<a class="next" href="{href(page + 1)}">›</a>')
        return f'<div class="pagination">{"".join(links)}</div>'

    def listing(self, kind, title, path, items, active, page, pages, base, first_url, robots=""):
        url = self.origin + path
        body = "".join(self.teaser_html(i) for i in items)
        extra = f'<meta name="robots" content="{robots}">' if robots else ""
        page_html = (self.head(f"{title}{f' - Trang {page}' if page > 1 else ''} - {SITE_NAME}",
                               f"Tin tức {title} mới nhất", url, "website", extra=extra)
                     + self.top(active) + f'<main class="container"><h1 class="title-category">{esc(title)}</h1>'
                     f'<div class="list-news">{body}</div>'
                     + (self.pagination(base, page, pages, first_url) if pages > 1 else "")
                     + f'</main>{self.sidebar()}{self.footer}</body></html>')
        return page_html

    # ---- articles --------------------------------------------------------------------------------
    def link_href(self, j):
        """How an inline link to article j is written: root-relative, relative, absolute, http,
        protocol-relative, with a #fragment or (to a promoted article) with a utm query."""
        r, m = self.rng, self.articles[j]
        x = r.random()
        if x < 0.04:
            j = self.promoted[r.randrange(len(self.promoted))]
            query = UTM[j % len(UTM)]  # one shared link per promoted article, so a few duplicates
            self.linked_queries.setdefault((j, query), True)
            return (self.origin if r.random() < 0.5 else "") + self.articles[j]["url_path"] + "?" + query
        if x < 0.45:
            return m["url_path"]
        if x < 0.70:
            return self.origin + m["url_path"]
        if x < 0.82:
            return "../" + m["url_path"].lstrip("/")
        if x < 0.85:
            return f"//{self.host}{m['url_path']}"
        if x < 0.87:
            self.http_links.setdefault(j, True)
            return f"http://{self.host}{m['url_path']}"
        if x < 0.90:
            return m["url_path"] + "#box-comment"
        return m["url_path"]

    def paragraph(self, lo, hi):
        return " ".join(self.gen.sentence() for _ in range(self.rng.randint(lo, hi)))

    def article_body(self, i):
        r, g, m = self.rng, self.gen, self.articles[i]
        blocks, words = [], 0
        target = r.randint(450, 1100) * (r.randint(3, 6) if m["live"] else 1)
        while words < target:
            p = self.paragraph(2, 5)
            words += p.count(" ") + 1
            blocks.append(f"<p>{inline_markup(p)}</p>")
        for _ in range(r.randint(1, 4)):
            j = r.randrange(self.n)
            if j == i:
                continue
            pos = r.randrange(len(blocks))
            lead = r.choice(self.corpus.LINK_LEADS)
            anchor = " ".join(self.articles[j]["title"].split()[:8])
            blocks[pos] = blocks[pos][:-4] + f' {esc(lead)} <a href="{esc(self.link_href(j))}">{esc(anchor)}</a>.</p>'
        x = r.random()
        if x < 0.006:
            sec = self.sections[m["sec"]][0]
            self.soft_404s.setdefault(sec, True)
            blocks.insert(r.randrange(len(blocks)), f'<p>Bài viết liên quan đã được gỡ: <a href="/{sec}/{SOFT_404}">xem tại đây</a>.</p>')
        elif x < 0.012:
            self.dead_links += 1
            blocks.insert(r.randrange(len(blocks)), f'<p>Xem thêm <a href="/thoi-su/{DEAD_LINK}">bài cũ</a>.</p>')
        for k in range(r.randint(1, 3)):
            pos = r.randint(2, max(2, len(blocks)))
            blocks.insert(pos, f"<h2>{esc(g.heading(m['date'].year))}</h2>")
        for k, (path, _) in enumerate(m["figures"][1:] if len(m["figures"]) > 1 else []):
            caption = self.paragraph(1, 1).replace("*", "")
            blocks.insert(r.randint(1, len(blocks)), f'<figure class="image">{self.img(path, caption)}'
                                                     f'<figcaption><p>{esc(caption)} Ảnh: {esc(r.choice(g.authors))}</p></figcaption></figure>')
        for k in range(r.randint(1, 3)):
            slot = 2000 + r.randrange(50)
            blocks.insert(r.randint(1, len(blocks)), f'<div class="ads ads-inarticle" id="div-gpt-ad-{slot}-0"><script>googletag.cmd.push('
                                                     f'function(){{googletag.display("div-gpt-ad-{slot}-0")}});</script></div>')
        if r.random() < 0.5:
            related = [r.randrange(self.n) for _ in range(3)]
            blocks.insert(r.randint(2, len(blocks)), '<div class="box-related-inline"><ul>' + "".join(
                f'<li><a href="{self.articles[j]["url_path"]}">{esc(self.articles[j]["title"])}</a></li>' for j in related)
                + "</ul></div>")
        if r.random() < 0.2:
            blocks.insert(r.randint(2, len(blocks)), f'<blockquote><p>“{esc(r.choice(self.corpus.QUOTES))}.”</p></blockquote>')
        if r.random() < 0.15:
            rows = "".join(f"<tr><td>{esc(p)}</td><td>{self.corpus.vn_number(r, 100, 9999)}</td></tr>"
                           for p in r.sample(self.corpus.PROVINCES, 4))
            blocks.insert(r.randint(2, len(blocks)), f'<table class="tbl"><tbody><tr><th>Địa phương</th><th>Số liệu</th></tr>{rows}</tbody></table>')
        if m["amp"] or m["print"]:  # their copies carry the same text, without the ads, figures and boxes
            self.copy_text[i] = "".join(b for b in blocks if b.startswith(("<p>", "<h2>", "<blockquote>")))
        return "".join(blocks)

    def comments(self, i):
        r, g = self.rng, self.gen
        n = r.choices([0, 2, 5, 12, 30], [30, 25, 20, 15, 10])[0]
        items = "".join(f'<div class="comment-item"><strong class="name">{esc(r.choice(self.corpus.FAMILY))} '
                        f'{esc(r.choice(self.corpus.GIVEN))}</strong><p class="full-content">{esc(g.sentence().replace("*", ""))}</p>'
                        f'<span class="time">{r.randint(1, 23)} giờ trước</span><a class="like" href="javascript:;">Thích '
                        f'{r.randint(0, 300)}</a></div>' for _ in range(n))
        return (f'<div class="box-comment" id="box-comment"><h3>Ý kiến ({n})</h3><form class="comment-form">'
                f'<textarea placeholder="Ý kiến của bạn"></textarea><button type="button">Gửi</button></form>{items}</div>')

    def share(self, url):
        enc = url.replace(":", "%3A").replace("/", "%2F")
        return (f'<div class="social-share"><a href="https://www.facebook.com/sharer/sharer.php?u={enc}" target="_blank">'
                f'<img src="/images/icons/facebook.png" alt="Facebook" width="24" height="24"></a>'
                f'<a href="https://sp.zalo.me/share_inline?url={enc}" target="_blank"><img src="/images/icons/zalo.png" alt="Zalo" '
                f'width="24" height="24"></a><a href="https://twitter.com/intent/tweet?url={enc}" target="_blank">'
                f'<img src="/images/icons/twitter.png" alt="Twitter" width="24" height="24"></a>'
                f'<a class="copy-link" href="javascript:;" data-url="{url}">Sao chép liên kết</a></div>')

    def article_page(self, i, target_size):
        r, m = self.rng, self.articles[i]
        sec_slug, sec_name, _ = self.sections[m["sec"]]
        url = self.origin + m["url_path"]
        iso = m["pdate"].isoformat()
        extra = (f'<meta name="keywords" content="{esc(", ".join(t for t in m["tags"]))}">'
                 f'<meta property="article:section" content="{esc(sec_name)}">')
        if m["meta_time"]:
            extra += f'<meta property="article:published_time" content="{iso}">'
        if m["amp"]:
            extra += f'<link rel="amphtml" href="{self.origin}/amp{m["url_path"]}">'
        for _, name in m["tag_slugs"]:
            extra += f'<meta property="article:tag" content="{esc(name)}">'
        if m["jsonld"]:
            extra += '<script type="application/ld+json">' + script_json({
                "@context": "https://schema.org", "@type": "NewsArticle", "mainEntityOfPage": {"@type": "WebPage", "@id": url},
                "headline": m["title"], "description": m["sapo"], "image": {"@type": "ImageObject", "url": self.origin + m["image"],
                                                                            "width": 1200, "height": 720},
                "datePublished": iso, "dateModified": (m["pdate"] + dt.timedelta(minutes=r.randint(0, 300))).isoformat(),
                "author": {"@type": "Person", "name": m["author"]},
                "publisher": {"@type": "Organization", "name": SITE_NAME,
                              "logo": {"@type": "ImageObject", "url": self.origin + "/images/logo.png"}}}) + "</script>"
            extra += '<script type="application/ld+json">' + script_json({
                "@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
                    {"@type": "ListItem", "position": 1, "item": {"@id": self.origin + "/", "name": "Trang chủ"}},
                    {"@type": "ListItem", "position": 2, "item": {"@id": f"{self.origin}/{sec_slug}.htm", "name": sec_name}}]}) + "</script>"
        request_token = "%016x" % r.getrandbits(64)
        extra += (f'<script>window.dataLayer=window.dataLayer||[];dataLayer.push({{"pageType":"article","articleId":{m["id"]},'
                  f'"category":{script_json(sec_name)},"author":{script_json(m["author"])},"requestId":"{request_token}"}});</script>')
        head = self.head(f'{m["title"]} - {SITE_NAME}', m["sapo"], url, "article", m["image"], extra, og_title=m["title"])
        body = self.article_body(i)
        tags = "".join(f'<a href="/tag/{slug}.htm" title="{esc(name)}">{esc(name)}</a>' for slug, name in m["tag_slugs"])
        related = [j for j in self.section_lists[m["sec"]][:400] if j != i]
        related = [related[r.randrange(len(related))] for _ in range(r.randint(6, 10))] if related else []
        printing = (f'<a class="btn-print" href="?print=1" title="In bài">In</a>' if m["print"]
                    else '<a class="btn-print" href="javascript:window.print()" title="In bài">In</a>')
        main_figure = (f'<figure class="image main-image">{self.img(m["image"], m["title"], lazy=r.random() < 0.5)}'
                       f'<figcaption><p>{esc(self.paragraph(1, 1).replace("*", ""))}</p></figcaption></figure>')
        article = (f'<main class="container"><div class="breadcrumb"><a href="/">Trang chủ</a> › '
                   f'<a href="/{sec_slug}.htm">{esc(sec_name)}</a></div>'
                   f'<article class="fck_detail" data-id="{m["id"]}"><h1 class="title-detail">{esc(m["title"])}</h1>'
                   f'<div class="header-meta"><span class="date">{vn_date(m["pdate"])}</span>{printing}</div>'
                   f'<h2 class="sapo">{esc(m["sapo"])}</h2>{main_figure}<div class="detail-content" itemprop="articleBody">{body}</div>'
                   f'<p class="author"><strong>{esc(m["author"])}</strong></p><div class="tags"><span>Từ khóa:</span>{tags}</div>'
                   f'{self.share(url)}{self.comments(i)}<div class="related-news"><h3>Tin liên quan</h3>'
                   + "".join(self.teaser_html(j) for j in related) + "</div></article></main>")
        tail = f"{self.sidebar()}{self.footer}"
        # the inline JS bundle and the JSON state that real pages carry fill the page up to its size
        fixed = len(head) + len(article) + len(tail) + 600
        room = target_size - fixed * 1.12  # Vietnamese text: ~1.12 bytes of UTF-8 per character here
        js_len = int(min(150_000, max(22_000, room * 0.55)))
        cut = bisect.bisect_left(self.js_offsets, js_len)
        js = ";".join(self.js_parts[:cut + 1])
        state_room = max(6_000, room - js_len)
        picks, size = [], 0
        while size < state_room:
            j = r.randrange(self.n)
            picks.append(j)
            size += len(self.teasers[j]) + 1
        state = ('<script>window.__INITIAL_STATE__={"article":' + script_json({
            "id": m["id"], "title": m["title"], "sapo": m["sapo"], "url": url, "publishedAt": iso, "author": m["author"],
            "tags": m["tags"], "bodyHtml": body[:20_000]}) + ',"mostRead":[' + ",".join(self.teasers[j] for j in picks)
            + ']};</script>')
        page = (head[:-7] + f"<script>{js}</script></head>" + self.top(sec_slug) + article + tail
                + state + '<script src="https://sp.zalo.me/plugins/sdk.js" async></script></body></html>')
        return page, request_token

    def amp_page(self, i):
        m = self.articles[i]
        url = self.origin + m["url_path"]
        paras = self.copy_text[i]
        return (f'<!doctype html>\n<html ⚡ lang="vi"><head><meta charset="utf-8"><title>{esc(m["title"])}</title>'
                f'<link rel="canonical" href="{url}"><meta name="viewport" content="width=device-width">'
                f'<meta property="og:title" content="{esc(m["title"])}"><meta property="og:type" content="article">'
                f'<meta property="og:url" content="{url}"><meta property="og:image" content="{self.origin}{m["image"]}">'
                f'<meta property="og:site_name" content="{SITE_NAME}"><script async src="https://cdn.ampproject.org/v0.js"></script>'
                f'<style amp-boilerplate>body{{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;'
                f'animation:-amp-start 8s steps(1,end) 0s 1 normal both}}</style><style amp-custom>{self.css[:8000]}</style></head>'
                f'<body><header><a href="/">{SITE_NAME}</a></header><article><h1>{esc(m["title"])}</h1>'
                f'<span class="date">{vn_date(m["pdate"])}</span><p class="sapo">{esc(m["sapo"])}</p>'
                f'<amp-img src="{self.origin}{m["image"]}" width="660" height="400" layout="responsive"></amp-img>'
                f'{paras}<p class="author">{esc(m["author"])}</p></article></body></html>')

    def print_page(self, i):
        m = self.articles[i]
        url = self.origin + m["url_path"]
        self.page_images.append(m["image"])
        paras = self.copy_text[i]
        return (f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>{esc(m["title"])}</title>'
                f'<meta name="robots" content="noindex, follow"><link rel="canonical" href="{url}"></head>'
                f'<body onload="window.print()"><div class="print-logo"><img src="/images/logo.png" alt="{SITE_NAME}"></div>'
                f'<h1>{esc(m["title"])}</h1><p class="date">{vn_date(m["pdate"])}</p><p class="sapo"><b>{esc(m["sapo"])}</b></p>'
                f'<img src="{m["image"]}" alt="">{paras}<p class="author">{esc(m["author"])}</p>'
                f'<p class="source">Nguồn: {url}</p></body></html>')

    # ---- the crawl -------------------------------------------------------------------------------
    def page(self, kind, path, query, text, charset=True):
        self.save(kind, path, query, "text/html", text.encode("utf-8"), charset)
        self.flush_images()

    def run(self):
        r = self.rng
        robots = f"User-agent: *\nDisallow: /admin/\nDisallow: /api/\n\nSitemap: {self.origin}/sitemap.xml\n"
        self.save("robots", "/robots.txt", "", "text/plain", robots.encode())
        # home page
        blocks = []
        for s, (slug, name, _) in enumerate(self.sections):
            blocks.append(f'<section class="box-category"><h2><a href="/{slug}.htm">{esc(name)}</a></h2>'
                          + "".join(self.teaser_html(i) for i in self.section_lists[s][:5]) + "</section>")
        home = (self.head(f"{SITE_NAME} - Tin tức mới nhất", "Tin tức trong ngày", self.origin + "/", "website",
                          "/images/logo.png") + self.top(None) + '<main class="container"><div class="top-stories">'
                + "".join(self.teaser_html(i) for i in self.by_date[:24]) + "</div>" + "".join(blocks)
                + f"</main>{self.sidebar()}{self.footer}</body></html>")
        self.page_images += ["/images/logo.png", "/favicon.png"]
        self.page("home", "/", "", home)
        self.save("css", CSS_URL.split("?")[0], CSS_URL.split("?")[1], "text/css", self.css.encode())
        self.save("js", JS_URL.split("?")[0], JS_URL.split("?")[1], "application/javascript", self.js_file)
        for icon in ("facebook", "zalo", "twitter"):
            self.page_images.append(f"/images/icons/{icon}.png")
        self.flush_images()
        for slug, name in STATIC_PAGES:
            text = (self.head(f"{name} - {SITE_NAME}", name, f"{self.origin}/{slug}.htm", "website") + self.top(None)
                    + f'<main class="container static-page"><h1>{esc(name)}</h1>'
                    + "".join(f"<p>{inline_markup(self.paragraph(2, 4))}</p>" for _ in range(4))
                    + f"</main>{self.footer}</body></html>")
            self.page("static", f"/{slug}.htm", "", text)
        feeds = "".join(f'<li><a href="/rss/{slug}.rss">{esc(name)}</a></li>' for slug, name, _ in self.sections)
        self.page("static", "/rss.htm", "", self.head(f"RSS - {SITE_NAME}", "RSS", self.origin + "/rss.htm", "website")
                  + self.top(None) + f'<main class="container"><h1>RSS</h1><ul><li><a href="/rss/home.rss">Trang chủ</a></li>'
                  f"{feeds}</ul></main>{self.footer}</body></html>")
        for slug, items in [("home", self.by_date)] + [(s[0], self.section_lists[k]) for k, s in enumerate(self.sections)]:
            entries = "".join(f"<item><title>{esc(self.articles[i]['title'])}</title><link>{self.origin}{self.articles[i]['url_path']}</link>"
                              f"<description>{esc(self.articles[i]['sapo'])}</description>"
                              f"<pubDate>{self.articles[i]['pdate']:%a, %d %b %Y %H:%M:%S +0700}</pubDate></item>"
                              for i in items[:50])
            rss = (f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>{SITE_NAME}</title>'
                   f"<link>{self.origin}/</link><description>{SITE_NAME}</description>{entries}</channel></rss>\n")
            self.save("rss", f"/rss/{slug}.rss", "", "application/rss+xml", rss.encode())
        # section lists, all pages
        for s, (slug, name, _) in enumerate(self.sections):
            items = self.section_lists[s]
            pages = max(1, -(-len(items) // PAGE_SIZE))
            for page in range(1, pages + 1):
                path = f"/{slug}.htm" if page == 1 else f"/{slug}/trang-{page}.htm"
                text = self.listing("section", name, path, items[(page - 1) * PAGE_SIZE:page * PAGE_SIZE], slug, page,
                                    pages, f"/{slug}", f"/{slug}.htm")
                self.page("section" if page == 1 else "section-page", path, "", text)
        # tag lists, at most TAG_PAGES pages
        for slug, (name, items) in self.tags.items():
            pages = max(1, min(TAG_PAGES, -(-len(items) // PAGE_SIZE)))
            for page in range(1, pages + 1):
                path = f"/tag/{slug}.htm" if page == 1 else f"/tag/{slug}/trang-{page}.htm"
                text = self.listing("tag", name, path, items[(page - 1) * PAGE_SIZE:page * PAGE_SIZE], None, page, pages,
                                    f"/tag/{slug}", f"/tag/{slug}.htm")
                self.page("tag" if page == 1 else "tag-page", path, "", text)
        # search result pages linked from the header
        for q, label in SEARCHES:
            hits = [i for i in self.by_date if label.split()[0] in self.articles[i]["title"].lower()][:PAGE_SIZE] or self.by_date[:PAGE_SIZE]
            text = self.listing("search", f"Kết quả tìm kiếm: {label}", f"/tim-kiem.htm?q={q}", hits, None, 1, 1,
                                "/tim-kiem", "/tim-kiem.htm", robots="noindex, follow")
            self.page("search", "/tim-kiem.htm", f"q={q}", text)
        # articles (sizes log-normal: median 100 KB, a tenth above ~280 KB)
        tokens = {}
        sizes = [min(1_000_000, int(r.lognormvariate(11.35, 0.9))) for _ in range(self.n)]
        for i in range(self.n):
            text, tokens[i] = self.article_page(i, sizes[i])
            data = text.encode("utf-8")
            self.sizes.append(len(data))
            self.save("article", self.articles[i]["url_path"], "", "text/html", data)
            self.flush_images()
        for i in range(self.n):
            m = self.articles[i]
            if m["amp"]:
                self.page("amp", "/amp" + m["url_path"], "", self.amp_page(i), charset=False)
            if m["print"]:
                self.page("print", m["url_path"], "print=1", self.print_page(i))
            self.copy_text.pop(i, None)
        # tracking-query duplicates: the article's bytes, half of them with another request id
        for (i, query) in self.linked_queries:
            path = self.articles[i]["url_path"]
            with open(os.path.join(self.root, wget_path(path, "", "text/html")), "rb") as f:
                data = f.read()
            if r.random() < 0.5:
                data = data.replace(tokens[i].encode(), ("%016x" % r.getrandbits(64)).encode(), 1)
            self.save("query-duplicate", path, query, "text/html", data)
        # links that lead nowhere: a soft 404 (status 200) per section that has one, and a real 404
        for slug in self.soft_404s:
            text = (self.head(f"Không tìm thấy trang - {SITE_NAME}", "Không tìm thấy trang", f"{self.origin}/{slug}/{SOFT_404}",
                              "website", extra='<meta name="robots" content="noindex">') + self.top(None)
                    + '<main class="container page-404"><h1>Rất tiếc, trang bạn tìm không tồn tại</h1>'
                    '<p>Bài viết có thể đã bị gỡ hoặc đường dẫn không đúng.</p><a href="/">Về trang chủ</a></main>'
                    + f"{self.footer}</body></html>")
            self.page("soft-404", f"/{slug}/{SOFT_404}", "", text)
        if self.dead_links:
            self.save("link-404", f"/thoi-su/{DEAD_LINK}", "", "text/html", b"<html><head><title>404 Not Found</title></head>"
                      b"<body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>\r\n", status=404)
        # the http:// links: the server redirects them to https (no file: wget saves the https page once)
        for i in self.http_links:
            url = self.origin + self.articles[i]["url_path"]
            old = f"http://{self.host}" + self.articles[i]["url_path"]
            self.manifest.append(("redirect", old, "-", 301))
            if self.warc:
                self.warc.fetch(old, 301, "text/html", b"<html><head><title>301 Moved Permanently</title></head><body>"
                                b"<center><h1>301 Moved Permanently</h1></center></body></html>\r\n", location=url)
        if self.warc:
            self.warc.close()
        with open(os.path.join(self.out, "manifest.tsv"), "w", encoding="utf-8", newline="\n") as f:
            f.write("kind\turl\tfile\tstatus\n")
            for kind, url, file, status in self.manifest:
                f.write(f"{kind}\t{url}\t{file}\t{status}\n")


def distribution(sizes):
    ordered = sorted(sizes)

    def q(p):
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] / 1024
    above = sum(1 for s in ordered if s > 280 * 1024)
    return (f"article HTML sizes (KiB): min {ordered[0] / 1024:.0f}, p10 {q(0.10):.0f}, p25 {q(0.25):.0f}, "
            f"median {statistics.median(ordered) / 1024:.0f}, p75 {q(0.75):.0f}, p90 {q(0.90):.0f}, p99 {q(0.99):.0f}, "
            f"max {ordered[-1] / 1024:.0f}, mean {statistics.mean(ordered) / 1024:.0f}; "
            f"{above} of {len(ordered)} ({100 * above / len(ordered):.1f}%) above 280 KiB")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, required=True, metavar="N")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", required=True, metavar="DIR", help="the crawl goes to DIR/<host>/, the answer key to DIR/manifest.tsv")
    parser.add_argument("--warc", metavar="FILE.warc.gz", help="also write the crawl as a WARC/1.0 file")
    parser.add_argument("--host", default="baotintuc.example")
    parser.add_argument("--force", action="store_true", help="replace DIR/<host> when it exists")
    parser.add_argument("--corpus-generator", default=CORPUS_GENERATOR, help="the shared bench corpus generator (its word lists)")
    args = parser.parse_args()
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    if not os.path.isfile(args.corpus_generator):
        parser.error(f"no corpus generator at {args.corpus_generator} (../shared/bench/gen_corpus.py beside the repository)")
    root = os.path.join(args.out, args.host)
    if os.path.exists(root):
        if not args.force:
            parser.error(f"{root} exists (use --force to replace it)")
        shutil.rmtree(root)
    os.makedirs(root)
    crawl = Crawl(load_corpus_generator(args.corpus_generator), args.articles, args.seed, args.host, args.out, args.warc)
    crawl.run()
    counts = {}
    for kind, _, _, _ in crawl.manifest:
        counts[kind] = counts.get(kind, 0) + 1
    total = sum(os.path.getsize(os.path.join(folder, name)) for folder, _, names in os.walk(root) for name in names)
    print(distribution(crawl.sizes))
    print("urls by kind: " + ", ".join(f"{kind} {count}" for kind, count in counts.items()))
    if crawl.warc:
        print(f"warc: {args.warc}, {crawl.warc.count} records ({crawl.warc.revisits} revisits), "
              f"{os.path.getsize(args.warc) / 2**20:.1f} MiB")
    print(f"crawl: {args.articles} articles, {sum(1 for k, _, f, _ in crawl.manifest if f != '-')} files, "
          f"{total / 2**20:.1f} MiB in {root}")


if __name__ == "__main__":
    main()
