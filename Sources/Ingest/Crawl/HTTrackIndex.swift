import Foundation

/// What HTTrack saved where, from its log of saved files (`hts-cache/new.txt`): HTTrack names a
/// page with a query by a hash of it (`article7c1a.html` for `article.php?id=3`), so only this
/// log gives such a page its address back. Each line is tab-separated, its eighth field the
/// address (without `http://`, with `https://`), its ninth the file as saved on the crawling
/// machine, below the project folder and the host's folder.
struct HTTrackIndex {
    /// Each saved file's address, by `host-folder/path` below the project folder.
    private var addresses: [String: CrawlURL] = [:]

    /// The log in `folder`'s `hts-cache/`, or its parent's (HTTrack keeps it in the project
    /// folder, beside the host folders); nil when there is none.
    init?(crawl folder: String) {
        let candidates = [folder, (folder as NSString).deletingLastPathComponent].map { $0 + "/hts-cache/new.txt" }
        guard let text = candidates.lazy.compactMap({ FileManager.default.contents(atPath: $0) }).first else { return nil }
        self.init(log: String(decoding: text, as: UTF8.self))
    }

    /// Reads a log's text.
    init(log: String) {
        for line in log.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 9 else { continue }
            let written = String(fields[7])
            guard let url = CrawlURL(written.contains("://") ? written : "http://" + written) else { continue }
            // The file's path from its host folder on: the part after the last `/host/` in it.
            let local = fields[8].replacingOccurrences(of: "\\", with: "/")
            let marker = "/" + url.host + "/"
            guard let found = local.range(of: marker, options: [.backwards, .caseInsensitive]) else { continue }
            addresses[url.host + "/" + local[found.upperBound...]] = url
        }
    }

    /// The address of the file at `path` below the host folder for `host`, when the log has it.
    func address(host: String, path: String) -> CrawlURL? {
        addresses[host + "/" + path]
    }
}
