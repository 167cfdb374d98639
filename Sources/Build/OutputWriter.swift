import Foundation
import Infrastructure
import Rendering
#if canImport(Glibc)
import Glibc
#endif

/// Writes a build into a staging folder beside the output folder, then swaps it in, so the
/// output folder is never half-written: a reader sees the old site or the new one.
///
/// The site swapped out stays beside the output as the next build's staging folder: its folders
/// are there already, and a page whose bytes have not changed becomes a hard link to the file
/// the output holds. A full build that changes little then makes and deletes almost nothing
/// (on ext4, making files right after deleting thousands was most of a build's time).
///
/// A patch (an incremental build that changes a few files of an unchanged set of pages) stages
/// only the new files and renames each over its old version: every file is replaced whole, and
/// linking the thousands of unchanged files into a new folder, which would cost more than the
/// patch itself, is avoided.
public final class OutputWriter: PageSink {
    /// The file that marks a folder as a Broadsheet output: a build replaces only such a folder
    /// (or an empty one), never a folder of the user's that `--output` named by mistake.
    public static let marker = PageClaims.outputMarker

    /// The folder the site ends up in.
    public let output: URL
    /// The folder being written.
    public let staging: URL
    /// True when only new files are staged and the previous output is kept around them.
    public let patching: Bool
    /// The two folders' paths, taken once: `URL.path` is worked out again on every call, and a
    /// build writes tens of thousands of files.
    private let outputPath: String
    private let stagingPath: String
    /// Counts the files written, when a progress line is shown.
    private let progress: BuildProgress?
    /// Whether an earlier build's output is there, whose files this build may keep.
    private let hasPrevious: Bool
    /// Whether the staging folder is the site an earlier build swapped out: its files may be hard
    /// links to the output's, so each is unlinked before it is written, never written through.
    private let reusing: Bool

    /// Whether `folder` may be replaced: it does not exist, is empty, or holds the marker.
    public static func mayReplace(_ folder: URL) -> Bool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else { return true }
        // A file (or a folder that cannot be listed) is never an output folder of ours.
        guard isFolder.boolValue, let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return false }
        return entries.isEmpty || entries.contains(marker)
    }

    /// Prepares an empty staging folder next to `output` (same file system, so the swap is a rename).
    public init(output: URL, patching: Bool = false, progress: BuildProgress? = nil) throws(OutputError) {
        self.output = output.standardizedFileURL
        self.patching = patching
        self.progress = progress
        let parent = self.output.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(self.output.lastPathComponent).\(patching ? "patch" : "staging")")
        outputPath = self.output.path
        stagingPath = staging.path
        hasPrevious = access(outputPath + "/" + Self.marker, F_OK) == 0
        // The site an earlier build swapped out (or a staging folder a build stopped half-way):
        // reused by a full build, whose every file is checked or written again.
        reusing = !patching && hasPrevious && access(stagingPath + "/" + Self.marker, F_OK) == 0
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            // A patch leaves the spare site alone: it is the next full build's.
            for leftover in patching || reusing ? ["patch"] : ["staging", "patch"] {
                let folder = parent.appendingPathComponent(".\(self.output.lastPathComponent).\(leftover)")
                if manager.fileExists(atPath: folder.path) { try manager.removeItem(at: folder) }
            }
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            if !patching {
                unlink(stagingPath + "/" + Self.marker)
                try Data("Written by broadsheet build: every file here is replaced by the next build.\n".utf8)
                    .write(to: staging.appendingPathComponent(Self.marker))
            }
        } catch {
            throw OutputError(path: staging.path, message: "cannot prepare the staging folder: \(error.localizedDescription)")
        }
    }

    /// Makes folders (relative to the output, each with its parents listed too) before files are
    /// written into them in parallel: one `mkdir` per folder instead of a check per file.
    public func prepareFolders(_ folders: Set<String>) {
        // Level by level, so that every parent exists before its children; the folders of one
        // level are made on every core (a news site has a folder per article and per list page).
        var levels: [[String]] = []
        for folder in folders {
            let depth = folder.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
            while levels.count <= depth { levels.append([]) }
            levels[depth].append(staging.path + "/" + folder)
        }
        for level in levels {
            _ = ConcurrentMap.map(level) { mkdir($0, 0o755) }
        }
    }

    /// Writes one file, making its folders when `prepareFolders` did not. Safe to call from many
    /// threads for different paths.
    public func write(_ bytes: [UInt8], to relativePath: String) throws(OutputError) {
        let path = writablePath(relativePath)
        var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0 && (errno == ENOENT || errno == ENOTDIR) {
            try makeParent(of: path)
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw OutputError(path: path, message: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            guard result > 0 else { throw OutputError(path: path, message: String(cString: strerror(errno))) }
            written += result
        }
        progress?.fileWritten()
    }

    /// Puts the previous build's file at `relativePath` into the new output unchanged, as a hard
    /// link, so its modification time and inode stay as they were. False when there is none.
    public func keepPrevious(_ relativePath: String) -> Bool {
        let previous = outputPath + "/" + relativePath
        if patching { return access(previous, F_OK) == 0 }
        let path = stagingPath + "/" + relativePath
        if link(previous, path) == 0 { return true }
        switch errno {
        case EEXIST where reusing:
            // Kept by the build before too: the staged file is already the output's.
            if Self.sameFile(previous, path) { return true }
            unlink(path)
        case ENOENT, ENOTDIR:
            guard (try? makeParent(of: path)) != nil else { return false }
        default:
            return false
        }
        return link(previous, path) == 0
    }

    /// The staged path of `relativePath`, ready to be written: in a reused staging folder, the file
    /// there is unlinked first, since it may be a hard link to the output's.
    public func writablePath(_ relativePath: String) -> String {
        let path = stagingPath + "/" + relativePath
        // A folder where this build writes a file (`about/` of an earlier build, now `about`) goes whole.
        if reusing, unlink(path) != 0, errno == EISDIR || errno == EPERM { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    /// Removes, from a reused staging folder, the files an earlier build left where this one needs
    /// folders (`about` of an earlier build, now `about/index.html`).
    private func clearFilesOnTheWay(to folder: String) {
        var path = stagingPath
        for component in folder.dropFirst(stagingPath.count).split(separator: "/") {
            path += "/" + component
            var status = stat()
            guard lstat(path, &status) == 0 else { return }
            if status.st_mode & S_IFMT != S_IFDIR { unlink(path) }
        }
    }

    /// Whether two paths name the same file (one inode).
    private static func sameFile(_ first: String, _ second: String) -> Bool {
        var one = stat(), other = stat()
        return stat(first, &one) == 0 && stat(second, &other) == 0 && one.st_ino == other.st_ino && one.st_dev == other.st_dev
    }

    /// Keeps the output's file at `relativePath` when it holds exactly `bytes` (a full build with
    /// no cache, over an output that changes little): comparing a file already in memory costs
    /// less than writing it again, and the deletion of the old tree then frees no data.
    public func keepIfSame(_ bytes: [UInt8], at relativePath: String) -> Bool {
        guard hasPrevious, let kept = Self.file(holding: bytes, path: outputPath + "/" + relativePath) else { return false }
        if reusing {
            // Kept by the build before too, the staged file is already the output's: one `lstat` says so.
            var staged = stat()
            if lstat(stagingPath + "/" + relativePath, &staged) == 0, staged.st_ino == kept.st_ino, staged.st_dev == kept.st_dev {
                return true
            }
        }
        return keepPrevious(relativePath)
    }

    /// The status of the regular file at `path` when it holds exactly `bytes` (read in chunks with no
    /// allocation); nil when it does not, or is not there.
    static func file(holding bytes: [UInt8], path: String) -> stat? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) == bytes.count else { return nil }
        let same = bytes.withUnsafeBytes { expected in
            withUnsafeTemporaryAllocation(byteCount: 1 << 16, alignment: 16) { chunk in
                var offset = 0
                while offset < expected.count {
                    let count = Glibc.read(descriptor, chunk.baseAddress, min(chunk.count, expected.count - offset))
                    if count < 0 && errno == EINTR { continue }
                    guard count > 0, memcmp(chunk.baseAddress!, expected.baseAddress! + offset, count) == 0 else { return false }
                    offset += count
                }
                return true
            }
        }
        return same ? status : nil
    }

    /// Copies a file into the output (an image of the content folder). A symbolic link is copied
    /// as the file it leads to: a link in the output would point at the site's sources, or
    /// nowhere once the site is deployed. Safe to call from many threads for different paths.
    public func copy(from sourcePath: String, to relativePath: String) throws(OutputError) {
        let path = writablePath(relativePath)
        defer { progress?.fileWritten() }
        if Self.copyFile(sourcePath, to: path) == 0 { return }
        try makeParent(of: path)
        let error = Self.copyFile(sourcePath, to: path)
        guard error == 0 else { throw OutputError(path: path, message: "cannot copy \(sourcePath): \(String(cString: strerror(error)))") }
    }

    /// Copies a file's bytes with `copy_file_range`, which lets the kernel copy (or share, on file
    /// systems that can) without the bytes passing through the process; a plain read and write
    /// where it cannot. Opening the source follows links. One `open` each, where Foundation's
    /// `copyItem` also stats, reads attributes and copies them, for every one of a mirror's tens of
    /// thousands of images. Returns 0, or the `errno` of the step that failed.
    static func copyFile(_ sourcePath: String, to path: String) -> Int32 {
        let source = open(sourcePath, O_RDONLY | O_CLOEXEC)
        guard source >= 0 else { return errno }
        defer { close(source) }
        let target = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard target >= 0 else { return errno }
        defer { close(target) }
        while let copyRange = Self.copyFileRange {
            let copied = copyRange(source, nil, target, nil, 1 << 30, 0)
            if copied == 0 { return 0 }
            if copied > 0 { continue }
            if errno == EINTR { continue }
            if errno == EXDEV || errno == ENOSYS || errno == EINVAL || errno == EOPNOTSUPP { break }
            return errno
        }
        // On the stack and not zeroed: a mirror copies tens of thousands of images of a few kilobytes.
        return withUnsafeTemporaryAllocation(byteCount: 1 << 16, alignment: 16) { buffer in
            while true {
                let count = Glibc.read(source, buffer.baseAddress, buffer.count)
                if count == 0 { return 0 }
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                var written = 0
                while written < count {
                    let result = Glibc.write(target, buffer.baseAddress! + written, count - written)
                    if result < 0 {
                        if errno == EINTR { continue }
                        return errno
                    }
                    written += result
                }
            }
        }
    }

    /// Swaps the staging folder in; the old output becomes the next build's staging folder. On
    /// Linux the two folders are exchanged in one `renameat2(RENAME_EXCHANGE)`, so no moment exists
    /// without a whole site. `files` are the paths this build wrote or kept: whatever else a reused
    /// staging folder still holds is removed first. A patch needs no list.
    public func commit(keeping files: [String] = []) throws(OutputError) {
        if patching { return try commitPatch() }
        if reusing { pruneStaging(keeping: files) }
        let manager = FileManager.default
        guard manager.fileExists(atPath: output.path) else {
            guard rename(staging.path, output.path) == 0 else { throw OutputError(path: output.path, message: String(cString: strerror(errno))) }
            return
        }
        if let exchange = Self.renameExchange, exchange(AT_FDCWD, staging.path, AT_FDCWD, output.path, 2 /* RENAME_EXCHANGE */) == 0 {
            return
        }
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old")
        try? manager.removeItem(at: old)
        guard rename(output.path, old.path) == 0, rename(staging.path, output.path) == 0 else {
            throw OutputError(path: output.path, message: String(cString: strerror(errno)))
        }
        if rename(old.path, staging.path) != 0 { Self.removeTree(old) }
    }

    /// Removes from a reused staging folder every file this build did not write or keep (pages
    /// gone since the build before), and the folders that leaves empty.
    private func pruneStaging(keeping files: [String]) {
        let kept = Set(files + [Self.marker])
        var found: [String] = []
        Self.collectFiles(below: stagingPath, relative: "", into: &found)
        for file in found where !kept.contains(file) {
            let path = stagingPath + "/" + file
            unlink(path)
            var folder = (path as NSString).deletingLastPathComponent
            while folder.count > stagingPath.count, rmdir(folder) == 0 {
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
    }

    /// The paths (relative to `root`) of everything below `folder` that is not a folder, read from
    /// the folders' entries alone: a `stat` per file, for sizes and times nobody reads here, was a
    /// measured part of a full build over a reused staging folder.
    private static func collectFiles(below folder: String, relative: String, into found: inout [String]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name == "." || name == ".." { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var status = stat()
                isFolder = lstat(folder + "/" + name, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
            }
            if isFolder {
                collectFiles(below: folder + "/" + name, relative: path, into: &found)
            } else {
                found.append(path)
            }
        }
    }

    /// Renames each staged file over its old version, then removes the staging folder.
    private func commitPatch() throws(OutputError) {
        for file in FileTree.files(under: staging.path, skipHidden: false) {
            let target = output.path + "/" + file.path
            if rename(file.sourcePath, target) != 0 {
                try makeParent(of: target)
                guard rename(file.sourcePath, target) == 0 else {
                    throw OutputError(path: target, message: String(cString: strerror(errno)))
                }
            }
        }
        Self.removeTree(staging)
    }

    /// Removes a folder, its top-level entries in parallel: deleting the previous site was a
    /// tenth of a build when done on one thread.
    private static func removeTree(_ folder: URL) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        DispatchQueue.concurrentPerform(iterations: entries.count) { index in
            try? FileManager.default.removeItem(atPath: folder.path + "/" + entries[index])
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// glibc's `copy_file_range` (2.27 and later), which its headers declare only with `_GNU_SOURCE`.
    private static let copyFileRange: (@convention(c) (Int32, UnsafeMutablePointer<Int64>?, Int32, UnsafeMutablePointer<Int64>?, Int, UInt32) -> Int)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "copy_file_range") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, UnsafeMutablePointer<Int64>?, Int32, UnsafeMutablePointer<Int64>?, Int, UInt32) -> Int).self)
    }()

    /// glibc's `renameat2`, looked up at run time: Swift's Glibc module does not export it, and
    /// file systems without `RENAME_EXCHANGE` fall back to two renames.
    private static let renameExchange: (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32).self)
    }()

    /// Removes the staging folder after a failed build; the old output stays as it was.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    private func makeParent(of path: String) throws(OutputError) {
        let parent = (path as NSString).deletingLastPathComponent
        if reusing { clearFilesOnTheWay(to: parent) }
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: parent, message: "cannot make the folder: \(error.localizedDescription)")
        }
    }
}
