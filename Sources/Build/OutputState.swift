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
    /// The written files' paths relative to the output folder, each ended by a NUL byte, in byte
    /// order: one array rather than a string per file, since an edit loads, checks and saves all
    /// 17,000 of them and a string each was most of that. In order, the files of one folder are
    /// checked one after another and the kernel finds the folders in its cache: in a dictionary's
    /// order the check took a fifth longer.
    private var names: [UInt8] = []
    /// Where each path starts in `names`.
    private var starts: [Int] = []
    /// Each path's stamp.
    private(set) var stamps: [UInt64] = []

    /// The paths, as strings.
    var paths: [String] { starts.indices.map(path) }

    /// The stamps of `paths` in `output` as they are now; a file that is not there has none.
    static func stamps(of paths: [String], in output: URL) -> OutputState {
        var state = sortedOnce(paths)
        state.stamps = state.currentStamps(in: output)
        return state.withoutMissing()
    }

    /// The files that are no longer as the build left them: deleted, or changed by hand.
    func changed(in output: URL) -> [String] {
        zip(stamps.indices, currentStamps(in: output)).compactMap { index, stamp in stamps[index] == stamp ? nil : path(index) }
    }

    /// Stamps `rewritten` again, after a build rewrote them: in place when each is still there and
    /// was before, else by merging the two lists.
    mutating func refresh(_ rewritten: [String], in output: URL) {
        var again = Self.sortedOnce(rewritten)
        again.stamps = again.currentStamps(in: output)
        let places = again.starts.indices.map { again.stamps[$0] == 0 ? nil : position(of: again, $0) }
        if !places.contains(nil) {
            for (index, place) in places.enumerated() { stamps[place!] = again.stamps[index] }
            return
        }
        var merged = OutputState()
        merged.names.reserveCapacity(names.count + again.names.count)
        var (old, new) = (0, 0)
        while old < starts.count || new < again.starts.count {
            let order = old == starts.count ? 1 : new == again.starts.count ? -1 : compare(old, with: again, new)
            if order < 0 {
                merged.append(bytes(of: old), stamp: stamps[old])
                old += 1
            } else {
                merged.append(again.bytes(of: new), stamp: again.stamps[new])
                new += 1
                if order == 0 { old += 1 }
            }
        }
        self = merged.withoutMissing()
    }

    /// `paths` once each, in byte order, not stamped yet.
    private static func sortedOnce(_ paths: [String]) -> OutputState {
        var listed = OutputState()
        // A NUL ends the path where `stat` would stop reading it: such a path names no file.
        for path in paths where !path.utf8.contains(0) { listed.append(path.utf8, stamp: 0) }
        let order = listed.starts.indices.sorted { listed.compare($0, with: listed, $1) < 0 }
        var sorted = OutputState()
        sorted.names.reserveCapacity(listed.names.count)
        for index in order where sorted.starts.isEmpty || listed.compare(index, with: sorted, sorted.starts.count - 1) != 0 {
            sorted.append(listed.bytes(of: index), stamp: 0)
        }
        return sorted
    }

    /// The state less the paths stamped 0 (no file).
    private func withoutMissing() -> OutputState {
        guard stamps.contains(0) else { return self }
        var kept = OutputState()
        for index in starts.indices where stamps[index] != 0 { kept.append(bytes(of: index), stamp: stamps[index]) }
        return kept
    }

    /// Where the path at `index` of `other` is in this state, by binary search; nil when it is not.
    private func position(of other: OutputState, _ index: Int) -> Int? {
        var (low, high) = (0, starts.count)
        while low < high {
            let middle = (low + high) / 2
            let order = compare(middle, with: other, index)
            if order == 0 { return middle }
            if order < 0 { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// Adds a path (its bytes, without a NUL) at the end.
    private mutating func append(_ name: some Collection<UInt8>, stamp: UInt64) {
        starts.append(names.count)
        names.append(contentsOf: name)
        names.append(0)
        stamps.append(stamp)
    }

    /// The bytes of the path at `index`, without its NUL.
    private func bytes(of index: Int) -> ArraySlice<UInt8> {
        names[starts[index]..<(index + 1 < starts.count ? starts[index + 1] : names.count) - 1]
    }

    /// The path at `index`.
    private func path(_ index: Int) -> String {
        String(decoding: bytes(of: index), as: UTF8.self)
    }

    /// How the path at `index` sorts against the one at `otherIndex` of `other`, as `strcmp` orders bytes.
    private func compare(_ index: Int, with other: OutputState, _ otherIndex: Int) -> Int32 {
        names.withUnsafeBufferPointer { mine in
            other.names.withUnsafeBufferPointer { theirs in strcmp(mine.baseAddress! + starts[index], theirs.baseAddress! + other.starts[otherIndex]) }
        }
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

    /// Each path's stamp as it is now, 0 for a path with no file; in slices on every core, each
    /// `stat` given the path's bytes where they lie.
    private func currentStamps(in output: URL) -> [UInt64] {
        let folder = open(output.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return [UInt64](repeating: 0, count: starts.count) }
        defer { close(folder) }
        let slice = 512
        return names.withUnsafeBufferPointer { names in
            nonisolated(unsafe) let base = names.baseAddress!
            let starts = starts
            return ConcurrentMap.map(Array(stride(from: 0, to: starts.count, by: slice))) { first in
                var info = stat()
                return starts[first..<min(first + slice, starts.count)].map { start in
                    fstatat(folder, base + start, &info, AT_SYMLINK_NOFOLLOW) == 0 ? Self.stamp(info) : 0
                }
            }.flatMap { $0 }
        }
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
        // The paths as they are held, NUL after each, then the stamps: read back with one copy.
        var writer = ArchiveWriter(capacity: names.count + 8 * stamps.count + 16)
        writer.count(starts.count)
        writer.string(bytes: names)
        for stamp in stamps { writer.word(stamp) }
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
            state.names = try reader.stringBytes { Array($0) }
            guard state.names.last ?? 0 == 0 else { return nil }
            state.starts = state.names.withUnsafeBufferPointer { names in
                var starts: [Int] = []
                starts.reserveCapacity(count)
                var start = 0
                while start < names.count, let end = memchr(names.baseAddress! + start, 0, names.count - start) {
                    starts.append(start)
                    start = UnsafeRawPointer(end) - UnsafeRawPointer(names.baseAddress!) + 1
                }
                return starts
            }
            guard state.starts.count == count else { return nil }
            state.stamps = try (0..<count).map { _ throws(ArchiveError) in try reader.word() }
        } catch {
            return nil
        }
        return reader.isAtEnd && zip(state.starts.indices, state.starts.indices.dropFirst()).allSatisfy({ state.compare($0, with: state, $1) < 0 })
            ? state : nil
    }
}
