/// The `Content-Type` of a file served, from its name: what a browser needs to show a page,
/// apply a stylesheet or subscribe to a feed as the live site would.
enum ContentType {
    /// The type of a file; text types name their charset, since every text file Broadsheet writes
    /// is UTF-8 and a browser guessing otherwise garbles Vietnamese.
    static func of(_ fileName: String) -> String {
        guard let dot = fileName.lastIndex(of: "."), fileName.index(after: dot) != fileName.endIndex else { return "application/octet-stream" }
        return types[fileName[fileName.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }

    /// Whether responses of this type get the live-reload script.
    static func isHTML(_ type: String) -> Bool {
        type.hasPrefix("text/html")
    }

    private static let types: [String: String] = [
        "html": "text/html; charset=utf-8",
        "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        // A JSON Feed is JSON; `application/feed+json` would make browsers download it.
        "json": "application/json; charset=utf-8",
        "map": "application/json; charset=utf-8",
        // Feeds and sitemaps: `application/rss+xml` would be downloaded rather than shown.
        "xml": "application/xml; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
        "md": "text/markdown; charset=utf-8",
        "csv": "text/csv; charset=utf-8",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "ico": "image/x-icon",
        "woff": "font/woff",
        "woff2": "font/woff2",
        "ttf": "font/ttf",
        "otf": "font/otf",
        "pdf": "application/pdf",
        "mp4": "video/mp4",
        "webm": "video/webm",
        "mp3": "audio/mpeg",
        "wasm": "application/wasm",
    ]
}
