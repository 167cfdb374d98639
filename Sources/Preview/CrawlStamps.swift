import Foundation
import Infrastructure
import SiteConfig

/// The stamps of a mirror's crawls, for a `StampPoller`: the crawls `site.yml` names in
/// `mirror.paths`, inside the site folder or not, so that a new day's WARC file or capture
/// rebuilds the preview. inotify would need a watch on every folder of every crawl (a wget crawl
/// of a news site has thousands), and a crawl changes once a day, not on every keystroke.
/// `site.yml` is read again every round, so crawls named after the server started count too.
enum CrawlStamps {
    /// Each crawl's stamp, by its path as `site.yml` writes it: its file's size and time, or a
    /// hash of every file's path, size and time below its folder; 0 for a crawl that is not there.
    static func stamps(site: URL) -> [String: UInt64] {
        guard let mirror = SiteConfig.read(site: site)?.mirror else { return [:] }
        var stamps: [String: UInt64] = [:]
        for path in mirror.paths {
            let absolute = path.hasPrefix("/") ? path : site.appendingPathComponent(path).path
            var hasher = StableHasher()
            var info = stat()
            if stat(absolute, &info) != 0 {
                stamps[path] = 0
                continue
            }
            hasher.combine(UInt64(bitPattern: Int64(info.st_size)))
            hasher.combine(UInt64(bitPattern: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)))
            if info.st_mode & S_IFMT == S_IFDIR {
                for file in FileTree.files(under: absolute, skipHidden: false) {
                    hasher.combine(file.path)
                    hasher.combine(UInt64(bitPattern: Int64(file.size)))
                    hasher.combine(UInt64(bitPattern: file.modified))
                }
            }
            stamps[path] = hasher.value
        }
        return stamps
    }
}
