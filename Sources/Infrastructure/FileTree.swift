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
    /// Files and folders directly below `base` named in `excluding` are left out unread.
    public static func listing(under base: String, skipHidden: Bool, linksWithin root: String?, excluding: Set<String> = [])
        -> Listing
    {
        // The subfolders two levels down (a news site's sections, a crawl's images by year) are walked
        // on every core: one folder often holds most files.
        let root = root.flatMap(resolved)
        var found = Found()
        var top: [Folder] = []
        list(base, relative: "", skipHidden: skipHidden, root: root, excluding: excluding, into: &found, folders: &top)
        var groups = [found]
        var folders: [Folder] = []
        for level in walkedLargestFirst(top, { folder -> (Found, [Folder]) in
            var found = Found()
            var below: [Folder] = []
            list(folder.absolute, relative: folder.relative, skipHidden: skipHidden, root: root, into: &found, folders: &below)
            return (found, below)
        }) {
            groups.append(level.0)
            folders += level.1
        }
        groups += walkedLargestFirst(folders, { folder -> Found in
            var found = Found()
            walk(folder.absolute, relative: folder.relative, skipHidden: skipHidden, root: root, into: &found)
            return found
        })
        return Listing(groups, under: base)
    }

    /// A folder found by a walk, with its size (on ext4 and tmpfs, a measure of how many names it holds).
    private typealias Folder = (absolute: String, relative: String, size: Int)

    /// `transform` of each folder on every core, the largest folders taken first, the results in
    /// order of relative path: taken in name order, a large section listed last was listed by one
    /// core while the other waited.
    private static func walkedLargestFirst<Result: Sendable>(_ folders: [Folder], _ transform: @Sendable (Folder) -> Result) -> [Result] {
        let bySize = folders.sorted { $0.size != $1.size ? $0.size > $1.size : $0.relative < $1.relative }
        return zip(bySize, ConcurrentMap.map(bySize, transform)).sorted { $0.0.relative < $1.0.relative }.map(\.1)
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
        let index = files.insertionIndex(of: path) { $0.path }
        return index < files.count && files[index].path == path ? index : nil
    }

    private static func walk(_ folder: String, relative: String, skipHidden: Bool, root: String?, into found: inout Found) {
        var folders: [Folder] = []
        list(folder, relative: relative, skipHidden: skipHidden, root: root, into: &found, folders: &folders)
        for folder in folders { walk(folder.absolute, relative: folder.relative, skipHidden: skipHidden, root: root, into: &found) }
    }

    /// One folder's files, and its subfolders to walk; `stat` relative to the open folder, so the
    /// kernel does not look the whole path up again for every file. A file's path is kept as bytes
    /// (see `Found`); strings are made for folders and links only.
    private static func list(_ folder: String, relative: String, skipHidden: Bool, root: String?, excluding: Set<String> = [],
                             into found: inout Found, folders: inout [Folder]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        let prefix = relative.isEmpty ? [] : Array((relative + "/").utf8)
        if prefix.contains(where: { $0 >= 0x80 }) { found.isASCII = false }
        while let entry = readdir(directory) {
            withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                let name = UnsafeRawBufferPointer(rebasing: raw[..<strlen(raw.baseAddress!.assumingMemoryBound(to: CChar.self))])
                if name.elementsEqual(".".utf8) || name.elementsEqual("..".utf8) { return }
                if skipHidden && (name.first == UInt8(ascii: ".") || name.first == UInt8(ascii: "_")) { return }
                if !excluding.isEmpty && excluding.contains(String(decoding: name, as: UTF8.self)) { return }
                let cName = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
                var info = stat()
                guard fstatat(descriptor, cName, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return }
                switch info.st_mode & S_IFMT {
                case S_IFREG:
                    found.append(prefix, name, size: Int(info.st_size), modified: changeTime(info))
                case S_IFDIR:
                    folders.append((joined(Array((folder + "/").utf8), name), joined(prefix, name), Int(info.st_size)))
                case S_IFLNK:
                    // A link to a file is listed as the file; links to folders are not followed.
                    guard fstatat(descriptor, cName, &info, 0) == 0, info.st_mode & S_IFMT == S_IFREG else { return }
                    if let root, !(resolved(joined(Array((folder + "/").utf8), name)) ?? "").hasPrefix(root + "/") {
                        found.outsideLinks.append(joined(prefix, name))
                    } else {
                        found.append(prefix, name, size: Int(info.st_size), modified: changeTime(info))
                    }
                default:
                    return
                }
            }
        }
    }

    /// A prefix's bytes and a name's, as one string (ill-formed UTF-8 repaired, as `String(cString:)` does).
    static func joined(_ prefix: [UInt8], _ name: some Collection<UInt8>) -> String {
        String(unsafeUninitializedCapacity: prefix.count + name.count) { buffer in
            _ = buffer.initialize(fromContentsOf: prefix)
            _ = UnsafeMutableBufferPointer(rebasing: buffer[prefix.count...]).initialize(fromContentsOf: name)
            return prefix.count + name.count
        }
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
