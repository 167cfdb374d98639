#if canImport(Glibc)
import Glibc
#endif

/// The output folder as the server sees it: where a request path leads, never outside it.
///
/// The site lives below its base path (`/mirror/` for `https://example.org/mirror/`), as its
/// root-relative links expect; a path is first checked (`RequestPath`), then resolved with every
/// symbolic link followed and served only when the real file is still inside the folder.
struct ServedFolder: Sendable {
    /// Where a request leads.
    enum Lookup {
        /// A regular file: its real path on disk, and its path in the site (the base path and
        /// the file's path below the output, decoded), which is how live reload names pages.
        case file(path: String, sitePath: String)
        /// A folder asked for without its trailing slash, or the root outside the base path.
        case redirect(location: String)
        /// Nothing to serve; `sitePath` is where the file would be, should it appear.
        case notFound(sitePath: String)
    }

    /// The output folder, symbolic links resolved.
    let root: String
    /// The base path of the site, with leading and trailing slashes (`/` or `/mirror/`).
    let basePath: String

    /// Serves `root` (which must exist: its real path is taken once) below `basePath`.
    init?(root: String, basePath: String) {
        guard let real = Self.realPath(root) else { return nil }
        self.root = real
        self.basePath = basePath
    }

    /// Where `request` leads.
    func lookup(_ request: RequestPath) -> Lookup {
        let base = basePath.split(separator: "/").map(String.init)
        guard request.segments.starts(with: base) else {
            return request.segments.isEmpty ? .redirect(location: basePath + request.query) : .notFound(sitePath: "")
        }
        let rest = request.segments.dropFirst(base.count)
        let relative = rest.joined(separator: "/")
        let index = relative.isEmpty ? "index.html" : relative + "/index.html"
        guard let real = Self.realPath(relative.isEmpty ? root : root + "/" + relative), contains(real) else {
            // `/about` is `about.html` when that file is there, as GitHub Pages, Netlify and `jekyll
            // serve` answer it: a site under Jekyll's extensionless rule links its pages so.
            if !request.endsInSlash, !relative.isEmpty, let page = Self.realPath(root + "/" + relative + ".html"), contains(page),
               Self.kind(of: page) == S_IFREG {
                return .file(path: page, sitePath: basePath + relative + ".html")
            }
            return .notFound(sitePath: basePath + (request.endsInSlash ? index : relative))
        }
        switch Self.kind(of: real) {
        case S_IFREG where !request.endsInSlash:
            return .file(path: real, sitePath: basePath + relative)
        case S_IFDIR where request.endsInSlash:
            guard let page = Self.realPath(real + "/index.html"), contains(page), Self.kind(of: page) == S_IFREG else {
                return .notFound(sitePath: basePath + index)
            }
            return .file(path: page, sitePath: basePath + index)
        case S_IFDIR:
            return .redirect(location: request.raw + "/" + request.query)
        default:
            return .notFound(sitePath: basePath + relative)
        }
    }

    /// The site's own `404.html`, when it has one.
    var notFoundPage: String? {
        guard let page = Self.realPath(root + "/404.html"), contains(page), Self.kind(of: page) == S_IFREG else { return nil }
        return page
    }

    /// Whether a real path is the root or below it.
    private func contains(_ real: String) -> Bool {
        real == root || real.hasPrefix(root == "/" ? "/" : root + "/")
    }

    /// The path with every symbolic link, `.` and `..` resolved; nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The file type bits of a path (`S_IFREG`, `S_IFDIR`, ...), 0 when it cannot be read.
    private static func kind(of path: String) -> mode_t {
        var info = stat()
        guard stat(path, &info) == 0 else { return 0 }
        return info.st_mode & S_IFMT
    }
}
