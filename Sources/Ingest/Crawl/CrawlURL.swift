import Infrastructure

/// An absolute `http(s)` address of a crawled page or file, split into the parts a mirror needs:
/// which host it is on, the path it keeps on the mirror, and the query that makes it differ.
///
/// Parsed by hand rather than with `URLComponents`, which refuses the unescaped Vietnamese paths
/// crawlers save and re-escapes what it accepts.
public struct CrawlURL: Sendable, Hashable {
    /// `http` or `https`, lower-cased.
    public var scheme: String
    /// The host, lower-cased, without a port.
    public var host: String
    /// The path, percent-decoded, starting with `/`.
    public var path: String
    /// The query without its `?`, as written; empty when there is none.
    public var query: String

    /// Reads an absolute URL; nil for anything that is not `http` or `https` with a host.
    public init?(_ text: String) {
        // Scanned as bytes: a mirror parses every link of every article, and searching text
        // with Foundation or by characters was a twentieth of its time.
        var rest = Substring(text.whitespaceTrimmed)
        guard let colon = rest.utf8.firstIndex(of: UInt8(ascii: ":")), rest.utf8[colon...].starts(with: "://".utf8) else { return nil }
        let scheme = rest[..<colon].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        rest = rest[rest.utf8.index(colon, offsetBy: 3)...]
        if let hash = rest.utf8.firstIndex(of: UInt8(ascii: "#")) { rest = rest[..<hash] }
        let hostEnd = rest.utf8.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") } ?? rest.endIndex
        var host = rest[..<hostEnd].lowercased()
        if let at = host.utf8.lastIndex(of: UInt8(ascii: "@")) { host = String(host[host.utf8.index(after: at)...]) }
        if let colon = host.utf8.lastIndex(of: UInt8(ascii: ":")), host[host.utf8.index(after: colon)...].allSatisfy(\.isNumber) {
            host = String(host[..<colon])
        }
        // A host name, as DNS spells one (IDN hosts in their `xn--` form): `https://./b.htm` or a
        // host of dots would otherwise name a folder of the mirror that is the site itself.
        guard !host.isEmpty, !host.hasPrefix("."), !host.hasSuffix("."), !host.containsBytes(".."),
              host.utf8.allSatisfy(Self.isHostByte) else { return nil }
        rest = rest[hostEnd...]
        var path = rest
        var query = Substring("")
        if let mark = rest.utf8.firstIndex(of: UInt8(ascii: "?")) {
            path = rest[..<mark]
            query = rest[rest.utf8.index(after: mark)...]
        }
        self.scheme = scheme
        self.host = host
        let written = path.isEmpty ? "/" : String(path)
        self.path = Self.withoutDotSegments(written.utf8.contains(UInt8(ascii: "%")) ? written.removingPercentEncoding ?? written : written)
        self.query = String(query)
    }

    /// A lower-case letter, a digit, `-` or `.`.
    private static func isHostByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    /// A URL from its parts (a crawl folder's file names give them directly).
    public init(scheme: String, host: String, path: String, query: String) {
        self.scheme = scheme
        self.host = host
        self.path = path
        self.query = query
    }

    /// The host without a leading `www.`: `www.example.org` and `example.org` are one site.
    public var siteHost: String {
        host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }

    /// The query without tracking parameters (`utm_*`, `fbclid`, `gclid`, …), its pairs sorted:
    /// what decides whether two addresses are one page.
    public var meaningfulQuery: String {
        guard !query.isEmpty else { return "" }
        let pairs = query.split(separator: "&").filter { pair in
            let name = pair.split(separator: "=", maxSplits: 1).first.map { $0.lowercased() } ?? ""
            return !name.isEmpty && !name.hasPrefix("utm_") && !Self.trackingParameters.contains(name)
        }
        return pairs.sorted().joined(separator: "&")
    }

    /// The path with a folder's index file name dropped: `/a/index.html` is `/a/`.
    public var folderPath: String {
        // By bytes (the names are ASCII): every link of a mirror asks for its page key.
        let bytes = path.utf8
        for index in Self.indexNames where bytes.count > index.utf8.count && bytes.reversed().starts(with: index.utf8.reversed()) {
            let cut = bytes.index(bytes.endIndex, offsetBy: -index.utf8.count)
            if bytes[bytes.index(before: cut)] == UInt8(ascii: "/") { return String(path[..<cut]) }
        }
        return path
    }

    /// Two addresses with the same key are the same page: scheme, `www.`, index file names,
    /// a trailing slash and tracking parameters do not count.
    public var pageKey: String {
        var path = folderPath
        if path.utf8.count > 1, path.utf8.last == UInt8(ascii: "/") { path.removeLast() }
        let query = meaningfulQuery
        return siteHost + path + (query.isEmpty ? "" : "?" + query)
    }

    /// Where the page or file is written on the mirror, relative to its root, by a rule that keeps
    /// every address a static host can serve as it is:
    /// - a folder address (`/thoi-su/`) is a folder (its `index.html`);
    /// - a `.html` or `.htm` file name is kept (`/a-20211130.htm`), and so is a file with any other
    ///   extension when `isPage` is false (an image keeps its name);
    /// - a page address with no extension (`/news/123`) becomes a folder (`news/123/`), which static
    ///   hosts serve at the old address too;
    /// - a page with a query (`/article.php?id=3`) or a server extension (`.php`, `.aspx`) becomes
    ///   `article.php@id=3.html`: the query joined with `@` (as `wget --restrict-file-names=windows`
    ///   saves it), characters other than letters, digits and `-._~=&,` replaced with `_`, and `.html`
    ///   added so every host serves it as a page. The redirect map leads the old address there.
    public func mirrorPath(isPage: Bool) -> String {
        var path = String(folderPath.drop { $0 == "/" })
        let query = meaningfulQuery
        if path.isEmpty || path.hasSuffix("/") {
            guard !query.isEmpty else { return path }
            return path + "index@" + Self.fileSafe(query) + ".html"
        }
        // The last segment, found by bytes: every page and link of a mirror comes through here.
        let name = path[(path.utf8.lastIndex(of: UInt8(ascii: "/")).map(path.utf8.index(after:)) ?? path.startIndex)...]
        let hasDot = name.utf8.contains(UInt8(ascii: "."))
        let keepsName = name.hasASCIISuffixIgnoringCase(".html") || name.hasASCIISuffixIgnoringCase(".htm") || (!isPage && hasDot)
        if query.isEmpty {
            if keepsName { return path }
            if !hasDot { return path + "/" }
            return path + ".html"
        }
        path += "@" + Self.fileSafe(query)
        return isPage || !hasDot ? path + ".html" : path
    }

    /// The address as text, without a fragment.
    public var text: String {
        scheme + "://" + host + path + (query.isEmpty ? "" : "?" + query)
    }

    /// The path with `.` and `..` segments resolved as a browser resolves them (`..` at the root
    /// stays at the root) and backslashes read as slashes: a crawl's address, whatever it says,
    /// names a place inside the site.
    static func withoutDotSegments(_ path: String) -> String {
        let path = path.utf8.contains(UInt8(ascii: "\\")) ? path.replacingOccurrences(of: "\\", with: "/") : path
        guard path.containsBytes("/.") else { return path }
        var kept: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case ".": if isLast { kept.append("") }
            case "..":
                _ = kept.popLast()
                if isLast { kept.append("") }
            default: kept.append(segment)
            }
        }
        return "/" + kept.joined(separator: "/")
    }

    static func fileSafe(_ query: String) -> String {
        String(query.map { character -> Character in
            character.isLetter || character.isNumber || "-._~=&,".contains(character) ? character : "_"
        })
    }

    /// Index file names a server answers a folder address with.
    static let indexNames = ["index.html", "index.htm", "index.php", "default.aspx", "default.asp", "index.shtml"]

    /// Parameters that only tell the site who sent the reader.
    static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "_ga", "igshid", "ref_src", "cmpid", "zarsrc",
    ]
}
