import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches a site's sources (`WatchedSources`) with Linux's inotify: a watch on the site folder
/// (for `site.yml` and the watched folders appearing or going) and on every folder below the
/// content folder, `Templates/` and `_includes/`, added as folders appear, since inotify watches
/// one folder, not a tree; when a config file changes, the content folder is found again. Events
/// are read on a thread of its own, which wakes for nothing else.
final class InotifyWatcher: SourceWatcher {
    private let descriptor: Int32
    /// A pipe whose write end `cancel` writes to, waking the thread blocked in `poll`.
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private let stopped = DispatchSemaphore(value: 0)

    /// Starts watching `site` (built into `output`), calling `onChange` with the changed paths
    /// (relative to the site folder; an empty path when events were lost and anything may have
    /// changed). Nil when the system has no inotify (or no watch is left), so the caller polls instead.
    init?(site: URL, output: URL? = nil, onChange: @escaping @Sendable ([String]) -> Void) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            close(descriptor)
            return nil
        }
        // `pipe2(O_CLOEXEC)` is not in Swift's Glibc module: a program the build starts must not inherit them.
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        (wakeRead, wakeWrite) = (ends[0], ends[1])
        // The first watches are in place when `init` returns: a save right after it is seen.
        var watches = Watches(descriptor: descriptor, site: site.standardizedFileURL, output: output)
        guard watches.addSite() else {
            for end in [descriptor, wakeRead, wakeWrite] { close(end) }
            return nil
        }
        Thread.detachNewThread { [descriptor, wakeRead, stopped, watches] in
            var watches = watches
            Self.readEvents(descriptor, wake: wakeRead, watches: &watches, onChange: onChange)
            close(descriptor)
            close(wakeRead)
            stopped.signal()
        }
    }

    func cancel() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
        stopped.wait()
        close(wakeWrite)
    }

    private static func readEvents(_ descriptor: Int32, wake: Int32, watches: inout Watches, onChange: @Sendable ([String]) -> Void) {
        // Room for hundreds of events: a `git checkout` sends them in bursts.
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            var waiting = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
            guard poll(&waiting, 2, -1) >= 0 || errno == EINTR else { return }
            if waiting[1].revents != 0 { return }
            guard waiting[0].revents != 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            guard count > 0 else { continue }
            let changed = watches.handle(buffer[..<count])
            if !changed.isEmpty { onChange(changed) }
        }
    }
}

/// The watches of one inotify instance and the folder each stands for, owned by its reading thread.
private struct Watches {
    /// Creations, deletions, renames, finished writes and `touch`; not every `write` (a save is
    /// many), whose end `IN_CLOSE_WRITE` reports once.
    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_ATTRIB | IN_ONLYDIR)

    let descriptor: Int32
    let siteURL: URL
    let site: String
    let output: URL?
    /// What is watched, as the site's config says.
    private var sources: WatchedSources
    /// Folder (relative to the site; "" for the site folder) by watch descriptor.
    private var folders: [Int32: String] = [:]

    init(descriptor: Int32, site: URL, output: URL?) {
        self.descriptor = descriptor
        siteURL = site
        self.site = site.path
        self.output = output
        sources = WatchedSources(site: site, output: output)
    }

    /// Watches the site folder and every folder below the watched ones; false when even the site
    /// folder cannot be watched. Folders watched already keep their watch (inotify gives it again).
    mutating func addSite() -> Bool {
        let watch = inotify_add_watch(descriptor, site, Self.mask)
        guard watch >= 0 else { return false }
        folders[watch] = ""
        var ignored: [String] = []
        for folder in sources.folders(site: siteURL) { add(folder, found: &ignored) }
        return true
    }

    /// The paths a batch of events names, adding watches for the folders it creates.
    mutating func handle(_ bytes: ArraySlice<UInt8>) -> [String] {
        var changed: [String] = []
        var offset = bytes.startIndex
        // struct inotify_event: int wd; uint32_t mask, cookie, len; char name[len] (NUL-padded).
        while offset + 16 <= bytes.endIndex {
            let (watch, mask, length) = bytes.withUnsafeBytes { raw in
                let start = offset - bytes.startIndex
                return (raw.loadUnaligned(fromByteOffset: start, as: Int32.self), raw.loadUnaligned(fromByteOffset: start + 4, as: UInt32.self),
                        Int(raw.loadUnaligned(fromByteOffset: start + 12, as: UInt32.self)))
            }
            let name = String(decoding: bytes[(offset + 16)..<min(offset + 16 + length, bytes.endIndex)].prefix { $0 != 0 }, as: UTF8.self)
            offset += 16 + length
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                // Events were lost: anything may have changed, and folders may have appeared unseen.
                changed.append("")
                _ = addSite()
                continue
            }
            guard let folder = folders[watch] else { continue }
            if mask & UInt32(IN_IGNORED) != 0 {
                folders[watch] = nil
                continue
            }
            let path = folder.isEmpty ? name : folder + "/" + name
            guard sources.matters(path, isFolder: mask & UInt32(IN_ISDIR) != 0) else { continue }
            changed.append(path)
            if folder.isEmpty && WatchedSources.files.contains(path) {
                // The config may name another content folder (`contentDir`, `source`).
                sources = WatchedSources(site: siteURL, output: output)
                _ = addSite()
            }
            if mask & UInt32(IN_ISDIR) != 0 {
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    // Files may be in it already, made before its watch was: they count as changed.
                    add(path, found: &changed)
                } else if mask & UInt32(IN_MOVED_FROM) != 0 {
                    remove(below: path)
                }
            }
        }
        return changed
    }

    /// Watches a folder and the folders below it, listing the files found on the way.
    private mutating func add(_ folder: String, found: inout [String]) {
        let absolute = site + "/" + folder
        let watch = inotify_add_watch(descriptor, absolute, Self.mask)
        guard watch >= 0 else { return }
        folders[watch] = folder
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: absolute)) ?? []).sorted() {
            let path = folder + "/" + name
            var info = stat()
            guard lstat(site + "/" + path, &info) == 0 else { continue }
            let isFolder = info.st_mode & S_IFMT == S_IFDIR
            guard sources.matters(path, isFolder: isFolder) else { continue }
            if isFolder { add(path, found: &found) } else { found.append(path) }
        }
    }

    /// Stops watching a folder moved away, and the folders below it.
    private mutating func remove(below folder: String) {
        for (watch, path) in folders where path == folder || path.hasPrefix(folder + "/") {
            inotify_rm_watch(descriptor, watch)
            folders[watch] = nil
        }
    }
}
