import Foundation
import Infrastructure

/// A folder as `wget --mirror` or HTTrack saves a site: one folder per host (`toquoc.vn/`), in it
/// the site's paths, `index.html` for folder addresses, and queries in file names
/// (`article.php?id=3`, or `article.php@id=3` with `--restrict-file-names=windows`).
public struct CrawlFolder: Sendable {
    /// Every capture in the folder, sorted by file.
    public var entries: [CrawlEntry]

    /// Lists a crawl folder. `folder` may be a host folder itself (its name is a host), hold host
    /// folders, or hold a site's files directly; in the last case their addresses are on `origin`,
    /// which must then be given.
    public init(folder: String, origin: CrawlURL?, shownAs shown: String) throws(MirrorError) {
        let name = URL(fileURLWithPath: folder).lastPathComponent
        var roots: [(path: String, shown: String, host: String)] = []
        if Self.looksLikeHost(name) {
            roots = [(folder, shown, Self.host(named: name))]
        } else {
            let children = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for child in children.sorted() where Self.looksLikeHost(child) {
                var isFolder: ObjCBool = false
                let path = folder + "/" + child
                if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                    roots.append((path, shown + "/" + child, Self.host(named: child)))
                }
            }
            if roots.isEmpty {
                guard let origin else {
                    throw MirrorError(path: shown, message: "no host folder (such as example.org/) in the crawl; give its address with --origin")
                }
                roots = [(folder, shown, origin.host)]
            }
        }
        let saved = HTTrackIndex(crawl: folder)
        var entries: [CrawlEntry] = []
        for root in roots {
            let scheme = origin.map { $0.siteHost == CrawlURL(scheme: "https", host: root.host, path: "/", query: "").siteHost ? $0.scheme : "https" }
                ?? "https"
            // A link in a crawl is followed only to a file inside the crawl: one to /etc/passwd is not published.
            let files = FileTree.listing(under: root.path, skipHidden: true, linksWithin: folder).files.filter { !Self.isCrawlerFile($0.path) }
            // Each file's address on every core: a crawl has tens of thousands.
            entries += ConcurrentMap.map(files) { file in
                let url = saved?.address(host: root.host, path: file.path) ?? Self.address(of: file.path, scheme: scheme, host: root.host)
                return CrawlEntry(url: url, capturedAt: file.modified, location: .file(file.sourcePath),
                                  shown: root.shown + "/" + file.path, size: file.size)
            }
        }
        self.entries = entries
    }

    /// The address a file was saved from: its path below the host folder, the query back from
    /// the file name, and the `.html` that `--adjust-extension` added to a server page dropped.
    static func address(of relative: String, scheme: String, host: String) -> CrawlURL {
        // Found by bytes: `/`, `?`, `@`, `.` and `%` are ASCII, and a crawl has tens of thousands of names.
        let decoded = relative.utf8.contains(UInt8(ascii: "%")) ? relative.removingPercentEncoding ?? relative : relative
        var folder = ""
        var name = Substring(decoded)
        if let slash = decoded.utf8.lastIndex(of: UInt8(ascii: "/")) {
            folder = String(decoded[...slash])
            name = decoded[decoded.utf8.index(after: slash)...]
        }
        var query = ""
        if let mark = name.utf8.firstIndex(of: UInt8(ascii: "?")) ?? Self.queryAt(name) {
            query = String(name[name.utf8.index(after: mark)...])
            name = name[..<mark]
        }
        if !query.isEmpty, query.hasASCIISuffixIgnoringCase(".html") {
            query.removeLast(5)
        } else if name.hasASCIISuffixIgnoringCase(".html"), let stemDot = name.dropLast(5).utf8.lastIndex(of: UInt8(ascii: ".")),
                  CrawlEntry.pageExtensions.contains(name[name.index(after: stemDot)..<name.index(name.endIndex, offsetBy: -5)].lowercased()) {
            name = name.dropLast(5)
        }
        return CrawlURL(scheme: scheme, host: host, path: "/" + folder + name, query: query)
    }

    /// The `@` that stands for `?` in a Windows-safe file name: one followed by a `name=value` pair.
    static func queryAt(_ name: Substring) -> Substring.Index? {
        guard let at = name.utf8.lastIndex(of: UInt8(ascii: "@")) else { return nil }
        let after = name[name.utf8.index(after: at)...]
        guard let equals = after.utf8.firstIndex(of: UInt8(ascii: "=")), equals != after.startIndex else { return nil }
        return at
    }

    /// A folder name that is a host: letters, digits, `-` and dots, at least one dot, and not a
    /// file name (`index.html`).
    static func looksLikeHost(_ name: String) -> Bool {
        let lower = name.lowercased()
        guard lower.contains("."), !lower.hasPrefix("."), !lower.hasSuffix("."),
              lower.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == ":") }) else { return false }
        let last = lower.split(separator: ".").last.map(String.init) ?? ""
        return !CrawlEntry.pageExtensions.contains(last) && !CrawlEntry.imageExtensions.contains(last) && last.first?.isLetter == true
    }

    /// The host a host folder names, without the port wget keeps in it (`example.org:8080/`):
    /// the addresses in the crawl's pages are read without ports too, so that the two agree.
    static func host(named folder: String) -> String {
        CrawlURL("http://" + folder + "/")?.host ?? folder.lowercased()
    }

    /// Files a crawler writes about its crawl, not the site's: HTTrack's cache and log.
    static func isCrawlerFile(_ path: String) -> Bool {
        path.hasPrefix("hts-cache/") || path == "hts-log.txt" || path == "robots.txt"
    }
}
