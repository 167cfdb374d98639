import Foundation
import Infrastructure

/// The parts of a site folder a build reads — `Content/` (or a Hugo site's `content/`),
/// `Templates/`, `site.yml` (or Hugo's or Jekyll's config file) — and which
/// changes in them a build can see: hidden files (an editor's swap file, `.git`) are left out of a
/// build, so saving them triggers nothing.
enum WatchedSources {
    /// The folders watched with everything below them.
    static let folders = ["Content", "content", "Templates"]
    /// The files watched at the top of the site folder: Hugo's and Jekyll's config files are
    /// read when there is no `site.yml` (see `MigratedConfig`).
    static let files = ["site.yml", "hugo.toml", "hugo.yaml", "config.toml", "config.yaml", "_config.yml"]

    /// Whether a change at `path` (relative to the site folder) can change the site.
    static func matters(_ path: String) -> Bool {
        guard let top = path.split(separator: "/", maxSplits: 1).first.map(String.init) else { return false }
        if files.contains(path) { return true }
        guard folders.contains(top) else { return false }
        let below = String(path.dropFirst(top.count + 1))
        // Content skips `.` and `_` names as Hugo does (but for those holding content); a theme skips `.` names only.
        return top != "Templates" ? !FileTree.isIgnoredContent(below) : !below.split(separator: "/").contains { $0.hasPrefix(".") }
    }

    /// Every watched file with its size and change time: what the poller compares.
    static func stamps(site: URL) -> [String: [Int64]] {
        var stamps: [String: [Int64]] = [:]
        for folder in folders {
            for file in FileTree.files(under: site.appendingPathComponent(folder).path, skipHidden: false)
            where matters(folder + "/" + file.path) {
                stamps[folder + "/" + file.path] = [Int64(file.size), file.modified]
            }
        }
        for file in files {
            var info = stat()
            if stat(site.appendingPathComponent(file).path, &info) == 0 {
                stamps[file] = [Int64(info.st_size), Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                                Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)]
            }
        }
        return stamps
    }
}
