#if canImport(Glibc)
import Glibc
#endif

/// The files below a folder, from `readdir` and one `stat` each: Foundation's directory
/// enumerator, with its attribute dictionaries, took a third of a second on every build of 10,000
/// articles before a single file was read.
public enum FileTree {
    /// Every regular file below `base` (symbolic links to files included, links to folders not
    /// followed, so a link cannot make a cycle), sorted by relative path. With `skipHidden`, names
    /// starting with `.` or `_` are skipped with everything below them, as Hugo and Jekyll skip them.
    public static func files(under base: String, skipHidden: Bool) -> [SourceFile] {
        listing(under: base, skipHidden: skipHidden, linksWithin: nil).files
    }

    /// `files(under:skipHidden:)`, where a symbolic link is followed only when the file it leads
    /// to is inside the folder `linksWithin` (a site's own folder): a link to `/etc/passwd` in a
    /// content folder would otherwise be published. Links left out are listed by relative path.
    public static func listing(under base: String, skipHidden: Bool, linksWithin root: String?)
        -> (files: [SourceFile], outsideLinks: [String])
    {
        // The subfolders two levels down (a news site's sections, a crawl's images by year) are walked
        // on every core: one folder often holds most files.
        let root = root.flatMap(resolved)
        var found = Found()
        var top: [(absolute: String, relative: String)] = []
        list(base, relative: "", skipHidden: skipHidden, root: root, into: &found, folders: &top)
        var folders: [(absolute: String, relative: String)] = []
        for level in ConcurrentMap.map(top, { folder -> (Found, [(absolute: String, relative: String)]) in
            var found = Found()
            var below: [(absolute: String, relative: String)] = []
            list(folder.absolute, relative: folder.relative, skipHidden: skipHidden, root: root, into: &found, folders: &below)
            return (found, below)
        }) {
            found.files += level.0.files
            found.outsideLinks += level.0.outsideLinks
            folders += level.1
        }
        for below in ConcurrentMap.map(folders, { folder -> Found in
            var found = Found()
            walk(folder.absolute, relative: folder.relative, skipHidden: skipHidden, root: root, into: &found)
            return found
        }) {
            found.files += below.files
            found.outsideLinks += below.outsideLinks
        }
        return (found.files.sorted { $0.path < $1.path }, found.outsideLinks.sorted())
    }

    /// What a walk found.
    private struct Found: Sendable {
        var files: [SourceFile] = []
        var outsideLinks: [String] = []
    }

    /// The absolute path with every link resolved, or nil when it does not exist.
    private static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// True when a content file is no part of a site: a file or folder name starts with `.` or
    /// `_`, as Hugo and Jekyll skip them — except Hugo's `_index.md` (a section's own text) and
    /// Jekyll's `_posts/` and `_drafts/` folders.
    public static func isIgnoredContent(_ path: String) -> Bool {
        guard isHidden(path) else { return false }
        let components = path.split(separator: "/")
        return components.dropLast().contains { $0.hasPrefix(".") || ($0.hasPrefix("_") && $0 != "_posts" && $0 != "_drafts") }
            || components.last.map { ($0.hasPrefix(".") || $0.hasPrefix("_")) && $0 != "_index.md" && $0 != "_index.markdown" } ?? false
    }

    /// True when a relative path has a file or folder name starting with `.` or `_`, which
    /// `files(under:skipHidden:)` skips.
    public static func isHidden(_ path: String) -> Bool {
        var atStart = true
        for byte in path.utf8 {
            if atStart && (byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")) { return true }
            atStart = byte == UInt8(ascii: "/")
        }
        return false
    }

    /// Where a relative path is in a listing of `files(under:skipHidden:)` (sorted by path), by
    /// binary search; nil when it is not there.
    public static func position(of path: String, in files: [SourceFile]) -> Int? {
        var low = 0
        var high = files.count
        while low < high {
            let middle = (low + high) / 2
            if files[middle].path < path { low = middle + 1 } else { high = middle }
        }
        return low < files.count && files[low].path == path ? low : nil
    }

    private static func walk(_ folder: String, relative: String, skipHidden: Bool, root: String?, into found: inout Found) {
        var folders: [(absolute: String, relative: String)] = []
        list(folder, relative: relative, skipHidden: skipHidden, root: root, into: &found, folders: &folders)
        for folder in folders { walk(folder.absolute, relative: folder.relative, skipHidden: skipHidden, root: root, into: &found) }
    }

    /// One folder's files, and its subfolders to walk; `stat` relative to the open folder, so the
    /// kernel does not look the whole path up again for every file.
    private static func list(_ folder: String, relative: String, skipHidden: Bool, root: String?, into found: inout Found,
                             folders: inout [(absolute: String, relative: String)]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            if skipHidden && (name.hasPrefix(".") || name.hasPrefix("_")) { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                folders.append((folder + "/" + name, path))
            case S_IFLNK:
                guard fstatat(descriptor, name, &info, 0) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
                if let root, !(resolved(folder + "/" + name) ?? "").hasPrefix(root + "/") {
                    found.outsideLinks.append(path)
                    continue
                }
                found.files.append(file(path, folder + "/" + name, info))
            case S_IFREG:
                found.files.append(file(path, folder + "/" + name, info))
            default:
                continue
            }
        }
    }

    private static func file(_ path: String, _ absolute: String, _ info: stat) -> SourceFile {
        SourceFile(path: path, sourcePath: absolute, size: Int(info.st_size), modified: changeTime(info))
    }

    /// When a file last changed, in nanoseconds since 1970: the later of its modification and its
    /// status change, so that an edit whose old modification time was put back (`touch -d`) shows.
    public static func changeTime(_ info: stat) -> Int64 {
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        let statusChanged = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        return max(modified, statusChanged)
    }

    /// A file's bytes, read straight into an array (no `Data` to copy from); nil when it cannot be read.
    public static func contents(of path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        // One byte more than the size, so the end of the file is seen without growing the array; read
        // straight into the array's storage, never zeroed first (a mirror reads a gigabyte of pages).
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: Int(info.st_size) + 1) { buffer, initialized in
            while initialized < buffer.count {
                let count = read(descriptor, buffer.baseAddress! + initialized, buffer.count - initialized)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 {
                    failed = count < 0
                    return
                }
                initialized += count
            }
        }
        guard !failed else { return nil }
        // A full array means the file grew since `fstat`: the rest in chunks.
        var chunk = [UInt8](repeating: 0, count: bytes.count > Int(info.st_size) ? 4096 : 0)
        while !chunk.isEmpty {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { break }
            bytes += chunk[..<count]
        }
        return bytes
    }
}
