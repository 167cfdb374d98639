import Foundation
import Infrastructure

/// Where Jekyll's `{% include file.html %}` and `{% include_relative file.html %}` find their
/// files: `_includes/` in the content folder, then `_includes/` of the site folder (a Jekyll
/// folder at the site's root keeps it there); `include_relative` reads beside the including file.
///
/// A file is included as text, its `{{ include.name }}` filled in from the tag's parameters and
/// its other Liquid not run (see `Shortcodes`). A name that is absolute, holds `..`
/// or leads (through a symbolic link) outside the site folder is refused: a page must not be able
/// to pull `/etc/passwd` or a file beside the site into the output.
public struct JekyllIncludes: Sendable {
    /// The site folder, with its symbolic links resolved: nothing outside it is read.
    let site: String
    /// The content folder, resolved likewise.
    let content: String

    /// Files larger than this are not included: an include is a snippet, not a page.
    static let sizeLimit = 1 << 20

    /// Includes for a site whose content is in `content` (its `Content/`).
    public init(site: URL, content: URL) {
        self.site = site.resolvingSymlinksInPath().standardizedFileURL.path
        self.content = content.resolvingSymlinksInPath().standardizedFileURL.path
    }

    /// What looking up an include gave.
    enum Lookup {
        case found(String)
        case missing
        /// The name is absolute, climbs with `..`, or resolves outside the site.
        case refused
    }

    /// The text of `name` for an `include` (`relative` false) or `include_relative` written in the
    /// content file at `documentPath` (relative to the content folder).
    func lookUp(_ name: String, relative: Bool, documentPath: String) -> Lookup {
        let components = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.isEmpty, !name.hasPrefix("/"), !name.hasPrefix("~"), !components.contains(".."),
              !components.contains(where: \.isEmpty) else { return .refused }
        let folders: [String]
        if relative {
            let folder = documentPath.split(separator: "/").dropLast().joined(separator: "/")
            folders = [folder.isEmpty ? content : content + "/" + folder]
        } else {
            folders = [content + "/_includes", site + "/_includes"]
        }
        for folder in folders {
            let path = URL(fileURLWithPath: folder + "/" + name).resolvingSymlinksInPath().standardizedFileURL.path
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            guard path.hasPrefix(site + "/") else { return .refused }
            guard !isFolder.boolValue, let bytes = FileTree.contents(of: path), bytes.count <= Self.sizeLimit else { continue }
            var text = String(decoding: bytes, as: UTF8.self)
            if text.utf8.contains(0x0D) { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
            return .found(text)
        }
        return .missing
    }
}
