import Foundation
import Infrastructure
#if canImport(Glibc)
import Glibc
#endif

/// The files a build wrote, each with a stamp of its size and change time (the later of
/// modification and status change, so `touch -d` cannot hide an edit), so that the next build can
/// tell which were deleted or changed by hand since and write them again: the output is the
/// build's own, and a deploy that copies it must never copy a page someone edited in place.
///
/// Checking is one `stat` per file, as `ninja` checks its outputs, by path relative to the open
/// output folder and on every core: walking the folders instead (a news site has one per
/// article) cost three times as much, and a one-article edit of 10,000 articles must stay quick.
struct OutputState: Sendable {
    /// The written files' paths relative to the output folder, in order (`<`), and each one's
    /// stamp. Checked in that order, the files of one folder follow each other and the kernel finds
    /// the folders in its cache: in a dictionary's order the check took a fifth longer.
    private(set) var paths: [String] = []
    private(set) var stamps: [UInt64] = []

    /// The stamps of `paths` in `output` as they are now; a file that is not there has none.
    static func stamps(of paths: [String], in output: URL) -> OutputState {
        let paths = paths.sorted()
        var state = OutputState()
        for (path, stamp) in zip(paths, currentStamps(paths, in: output)) where stamp != 0 && path != state.paths.last {
            state.paths.append(path)
            state.stamps.append(stamp)
        }
        return state
    }

    /// The files that are no longer as the build left them: deleted, or changed by hand.
    func changed(in output: URL) -> [String] {
        zip(paths.indices, Self.currentStamps(paths, in: output)).compactMap { index, stamp in stamps[index] == stamp ? nil : paths[index] }
    }

    /// The warning for `count` files deleted or changed by hand in `output`, which this build
    /// wrote again (`writtenNow`) or which the next build will.
    static func handChanges(_ count: Int, in output: URL, writtenNow: Bool) -> [Diagnostic] {
        guard count > 0 else { return [] }
        let them = count == 1 ? "it" : "them"
        return [Diagnostic(path: output.path, severity: .warning, code: "output.restored",
                           message: "\(count) file\(count == 1 ? " was" : "s were") deleted or changed in the output since the last build; "
                               + (writtenNow ? "the build wrote \(them) again" : "the next build writes \(them) again"))]
    }

    /// Stamps `rewritten` again, after a build rewrote them.
    mutating func refresh(_ rewritten: [String], in output: URL) {
        for (path, stamp) in zip(rewritten, Self.currentStamps(rewritten, in: output)) {
            let index = paths.insertionIndex(of: path) { $0 }
            let present = index < paths.count && paths[index] == path
            switch (present, stamp) {
            case (true, 0):
                paths.remove(at: index)
                stamps.remove(at: index)
            case (true, _):
                stamps[index] = stamp
            case (false, 0):
                break
            case (false, _):
                paths.insert(path, at: index)
                stamps.insert(stamp, at: index)
            }
        }
    }

    /// Each path's stamp, 0 for a path with no file; in slices on every core.
    private static func currentStamps(_ paths: [String], in output: URL) -> [UInt64] {
        let folder = open(output.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return [UInt64](repeating: 0, count: paths.count) }
        defer { close(folder) }
        let slice = 512
        let slices = stride(from: 0, to: paths.count, by: slice).map { paths[$0..<min($0 + slice, paths.count)] }
        return ConcurrentMap.map(slices) { slice in
            var info = stat()
            return slice.map { path in fstatat(folder, path, &info, AT_SYMLINK_NOFOLLOW) == 0 ? stamp(info) : 0 }
        }.flatMap { $0 }
    }

    private static func stamp(_ info: stat) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(UInt64(bitPattern: Int64(info.st_size)))
        hasher.combine(UInt64(bitPattern: FileTree.changeTime(info)))
        return hasher.value | 1
    }

    /// The modification times of the output folder and of each folder directly in it, by name
    /// (`""` for the output folder): the check a build with no changed input makes before it
    /// stops. Deleting, adding or renaming anything in those folders changes their time; an edit
    /// or a deletion deeper down is found by the next build that has something to do, which
    /// checks every file (`changed`): that would double the cost of a build with nothing to do.
    static func folderTimes(_ output: URL) -> [String: Int64] {
        var times: [String: Int64] = [:]
        var info = stat()
        guard stat(output.path, &info) == 0 else { return [:] }
        times[""] = time(info)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? [] {
            guard lstat(output.path + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { continue }
            times[name] = time(info)
        }
        return times
    }

    private static func time(_ info: stat) -> Int64 {
        Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }

    /// Saves the state beside the build's manifest; a failure costs the next build only its check.
    func save(site: URL, output: URL) {
        var writer = ArchiveWriter(capacity: 48 * paths.count + 16)
        writer.count(paths.count)
        for (path, stamp) in zip(paths, stamps) {
            writer.string(path)
            writer.word(stamp)
        }
        writer.save(to: BuildManifest.location(site: site, output: output, kind: "output").path)
    }

    /// The state the last build into `output` saved; nil when there is none, it cannot be read, or
    /// its paths are not in order.
    static func load(site: URL, output: URL) -> OutputState? {
        guard var reader = ArchiveReader(mapping: BuildManifest.location(site: site, output: output, kind: "output").path) else { return nil }
        var state = OutputState()
        do throws(ArchiveError) {
            let count = try reader.count()
            guard count <= reader.remainingCount else { return nil }
            state.paths.reserveCapacity(count)
            state.stamps.reserveCapacity(count)
            for _ in 0..<count {
                state.paths.append(try reader.string())
                state.stamps.append(try reader.word())
            }
        } catch {
            return nil
        }
        return reader.isAtEnd && zip(state.paths, state.paths.dropFirst()).allSatisfy({ $0 < $1 }) ? state : nil
    }
}
