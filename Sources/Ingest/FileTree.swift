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
    public static func files(under base: String, skipHidden: Bool) -> [AssetFile] {
        var files: [AssetFile] = []
        walk(base, relative: "", skipHidden: skipHidden, into: &files)
        return files.sorted { $0.path < $1.path }
    }

    private static func walk(_ folder: String, relative: String, skipHidden: Bool, into files: inout [AssetFile]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            if skipHidden && (name.hasPrefix(".") || name.hasPrefix("_")) { continue }
            let absolute = folder + "/" + name
            let path = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(absolute, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                walk(absolute, relative: path, skipHidden: skipHidden, into: &files)
            case S_IFLNK:
                guard stat(absolute, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
                files.append(file(path, absolute, info))
            case S_IFREG:
                files.append(file(path, absolute, info))
            default:
                continue
            }
        }
    }

    private static func file(_ path: String, _ absolute: String, _ info: stat) -> AssetFile {
        AssetFile(path: path, sourcePath: absolute, size: Int(info.st_size),
                  modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }

    /// A file's bytes, read straight into an array (no `Data` to copy from); nil when it cannot be read.
    public static func contents(of path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        // One byte more than the size, so the end of the file is seen without growing the array.
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: 4096)) }
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { break }
            filled += count
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }
}
