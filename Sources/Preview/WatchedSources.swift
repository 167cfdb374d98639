import Foundation
import Infrastructure
import Ingest
import SiteConfig

/// The parts of a site folder a build reads — its content folder (`Content/`, a Hugo site's
/// `content/`, a Jekyll site's own folder with `_posts/` and `_drafts/`), `Templates/`, Jekyll's
/// `_includes/`, `site.yml` (or Hugo's or Jekyll's config file) — and which changes in them a
/// build can see: hidden files (an editor's swap file, `.git`) are left out of a build, so saving
/// them triggers nothing. The content folder is the one a build finds (`SiteConfig.load`): read
/// again when a config file changes, as that may move it.
struct WatchedSources: Sendable {
    /// The content folder, relative to the site folder; `.` for the site folder itself.
    let contentFolder: String
    /// Names at the top of a content folder that is the site folder which are not content
    /// (`Gemfile`, Jekyll's `exclude:`, the output folder).
    let excluded: Set<String>

    /// The files watched at the top of the site folder: Hugo's and Jekyll's config files are
    /// read when there is no `site.yml` (see `MigratedConfig`).
    static let files = ["site.yml"] + MigratedConfig.hugoFiles + [MigratedConfig.jekyllFile]
    /// The folder of Jekyll's includes, at the top of the site folder or of the content folder.
    private static let includes = "_includes"

    /// The sources of the site at `site` built into `output`, as its config says; a config that
    /// cannot be read leaves `Content/` (and Hugo's `content/`) watched, and the build says why.
    init(site: URL, output: URL?) {
        let config = SiteConfig.read(site: site, output: output)
        self.init(contentFolder: config?.contentFolder ?? "Content", excluded: config?.excludedContent ?? [])
    }

    /// The sources of a site whose content is in `contentFolder`.
    init(contentFolder: String, excluded: Set<String> = []) {
        self.contentFolder = contentFolder
        self.excluded = excluded
    }

    /// The content folders watched: the config's, and Hugo's `content/` while it is `Content/`
    /// (which may not be there yet: either may be made, or renamed, later).
    private var contentFolders: [String] {
        contentFolder == "Content" ? ["Content", "content"] : [contentFolder]
    }

    /// The folders watched with everything below them, relative to the site folder. For a content
    /// folder that is the site folder, the folders at its top that hold content.
    func folders(site: URL) -> [String] {
        guard contentFolder == "." else { return ["Templates", Self.includes] + contentFolders }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: site.path)) ?? []
        return ["Templates"] + names.sorted().filter { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: site.appendingPathComponent(name).path, isDirectory: &isFolder)
                && isFolder.boolValue && matters(name, isFolder: true)
        }
    }

    /// Whether a change at `path` (relative to the site folder) can change the site; a folder
    /// matters when a file in it would.
    func matters(_ path: String, isFolder: Bool = false) -> Bool {
        if isFolder ? contentFolders.contains(path) : Self.files.contains(path) { return true }
        let components = path.split(separator: "/")
        guard let top = components.first else { return false }
        let inContent = contentPath(path, top: top)
        // A theme and includes skip `.` names only.
        if top == "Templates" || top == Self.includes || inContent?.split(separator: "/").first == Self.includes[...] {
            return !components.contains { $0.hasPrefix(".") }
        }
        guard let inContent else { return false }
        // Content skips `.` and `_` names as Hugo does, but for those holding content (`_posts`).
        // `/x` stands for a file in the folder: what is asked is whether one would be read.
        return !FileTree.isIgnoredContent(isFolder ? inContent + "/x" : inContent)
    }

    /// A path relative to the site folder as a path in the content folder; nil when it is not in it.
    private func contentPath(_ path: String, top: Substring) -> String? {
        guard contentFolder != "." else {
            return excluded.contains(String(top)) || top == "Templates" || Self.files.contains(path) ? nil : path
        }
        guard let folder = contentFolders.first(where: { path.hasPrefix($0 + "/") }) else { return nil }
        return String(path.dropFirst(folder.count + 1))
    }

    /// Every watched file with its size and change time: what the poller compares.
    func stamps(site: URL) -> [String: [Int64]] {
        var stamps: [String: [Int64]] = [:]
        for folder in folders(site: site) {
            for file in FileTree.files(under: site.appendingPathComponent(folder).path, skipHidden: false)
            where matters(folder + "/" + file.path) {
                stamps[folder + "/" + file.path] = [Int64(file.size), file.modified]
            }
        }
        let tops = contentFolder == "." ? ((try? FileManager.default.contentsOfDirectory(atPath: site.path)) ?? []) : Self.files
        for file in tops where matters(file) {
            var info = stat()
            if stat(site.appendingPathComponent(file).path, &info) == 0, info.st_mode & S_IFMT != S_IFDIR {
                stamps[file] = [Int64(info.st_size), Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                                Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)]
            }
        }
        return stamps
    }
}
