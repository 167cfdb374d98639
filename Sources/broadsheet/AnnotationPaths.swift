import Foundation

/// Paths of annotated files as GitHub Actions reads them. Diagnostics name files from the site
/// folder (`Content/a.md`); Actions looks for them from the workspace, the folder the command runs
/// in, which is the site folder only when `--site` is left out.
struct AnnotationPaths {
    /// The site folder, absolute.
    let site: URL
    /// The folder the command runs in.
    let workspace: String

    /// Paths for a run on `site` from the current folder.
    init(site: URL, workspace: String = FileManager.default.currentDirectoryPath) {
        self.site = site.standardizedFileURL
        self.workspace = workspace
    }

    /// `path` from the workspace when it names a file of the site folder; anything else (an
    /// option such as `--base-url`, an output page, an absolute path) as it is.
    func path(of path: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        let file = site.appendingPathComponent(path).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: file) else { return path }
        return file.hasPrefix(workspace + "/") ? String(file.dropFirst(workspace.count + 1)) : file
    }
}
