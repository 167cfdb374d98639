import Foundation

/// The script that makes open pages follow the site as it is rebuilt: served at `path`, and named
/// by a `<script>` tag the server adds to every HTML response (never to the files on disk, which
/// stay what `broadsheet build` writes). It listens to the server's events and reloads its page
/// when that page changed, swaps stylesheets in place when only they changed, and shows the
/// build's errors over the page until a build succeeds.
enum ReloadScript {
    /// Where the script is served; outside any site path, so it cannot hide a page.
    static let path = "/__broadsheet/reload.js"

    /// The tag added before `</body>`; `sitePaths` are the paths whose change reloads the page.
    static func tag(sitePaths: [String]) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let list = (try? encoder.encode(sitePaths)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        return Array("<script src=\"\(path)\" data-pages=\"\(escapingAttribute(list))\"></script>".utf8)
    }

    /// The page with the tag inserted before its last `</body>` (any letter case), or at its end
    /// when it has none: the script then runs after the page is parsed, like the end of a body.
    static func inject(into page: [UInt8], sitePaths: [String]) -> [UInt8] {
        let closing = Array("</body".utf8)
        var position = page.count
        // From the end, where the tag is, stopping only at `<`: this runs on every page served.
        var index = page.count - closing.count
        while index >= 0 {
            if page[index] == UInt8(ascii: "<"), (1..<closing.count).allSatisfy({ lowercased(page[index + $0]) == closing[$0] }) {
                position = index
                break
            }
            index -= 1
        }
        var injected = Array(page[..<position])
        injected.reserveCapacity(page.count + 256)
        injected += tag(sitePaths: sitePaths)
        injected += page[position...]
        return injected
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 0x20 : byte
    }

    private static func escapingAttribute(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// The script. Overlay text is set with `textContent`, never parsed as HTML: diagnostics
    /// quote the site's own sources.
    static let source = #"""
    (() => {
      "use strict";
      const pages = JSON.parse(document.currentScript.dataset.pages || "[]");
      const overlayID = "__broadsheet-overlay";
      const events = new EventSource("/__broadsheet/events");

      events.addEventListener("reload", (event) => {
        const change = JSON.parse(event.data);
        if (change.all || change.paths.some((path) => pages.includes(path))) location.reload();
      });

      events.addEventListener("stylesheets", (event) => {
        const change = JSON.parse(event.data);
        for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
          const url = new URL(link.href, location.href);
          if (url.origin !== location.origin || !change.paths.includes(decodeURIComponent(url.pathname))) continue;
          url.searchParams.set("broadsheet", Date.now().toString());
          link.href = url.href;
        }
      });

      events.addEventListener("failed", (event) => {
        const failure = JSON.parse(event.data);
        document.getElementById(overlayID)?.remove();
        const overlay = document.createElement("div");
        overlay.id = overlayID;
        overlay.setAttribute("role", "alert");
        overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;" +
          "background:rgba(20,20,20,.96);color:#f5f5f5;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap";
        const title = document.createElement("h2");
        title.textContent = "Broadsheet: the last build reported errors (fix them and this goes away)";
        title.style.cssText = "margin:0 0 1rem;color:#ff8a80;font-size:16px";
        overlay.append(title);
        for (const problem of failure.diagnostics) {
          const entry = document.createElement("div");
          entry.style.cssText = "margin-bottom:1rem";
          entry.textContent = problem.location + ": " + problem.severity + ": " + problem.message;
          if (problem.source) {
            // The line as a compiler quotes it, with a caret under the column (tabs kept, so it lines up).
            const gutter = String(problem.line) + " | ";
            const quote = document.createElement("div");
            quote.style.cssText = "color:#bdbdbd";
            quote.textContent = gutter + problem.source;
            if (problem.column > 0) {
              const under = problem.source.slice(0, problem.column - 1).replace(/[^\t]/g, " ");
              quote.textContent += "\n" + " ".repeat(gutter.length) + under + "^";
            }
            entry.append(quote);
          }
          overlay.append(entry);
        }
        document.body.append(overlay);
      });

      events.addEventListener("recovered", () => document.getElementById(overlayID)?.remove());
    })();

    """#
}
