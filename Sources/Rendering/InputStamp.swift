import Foundation
import Ingest
#if canImport(Glibc)
import Glibc
#endif

/// A stamp of everything a build reads: each file's path, size and modification time below the
/// site's `Content/` and `Templates/`, `site.yml`, the build options, and the `broadsheet` binary
/// itself. Equal stamps mean nothing changed, so a build can stop after a few thousand `stat`
/// calls, as `make` and `rsync` decide.
enum InputStamp {
    static func compute(site: URL, options: [String]) -> UInt64 {
        var hasher = StableHasher()
        for option in options { hasher.combine(option) }
        stamp(path: "/proc/self/exe", into: &hasher)
        stamp(path: site.appendingPathComponent("site.yml").path, into: &hasher)
        for folder in ["Content", "Templates"] {
            for file in FileTree.files(under: site.appendingPathComponent(folder).path, skipHidden: false) {
                hasher.combine(file.path)
                hasher.combine(UInt64(bitPattern: Int64(file.size)))
                hasher.combine(UInt64(bitPattern: file.modified))
            }
        }
        return hasher.value
    }

    /// A stamp of the running binary (size and modification time).
    static func binary() -> UInt64 {
        var hasher = StableHasher()
        stamp(path: "/proc/self/exe", into: &hasher)
        return hasher.value
    }

    private static func stamp(path: String, into hasher: inout StableHasher) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            hasher.combine("missing")
            return
        }
        hasher.combine(UInt64(bitPattern: Int64(info.st_size)))
        hasher.combine(UInt64(bitPattern: Int64(info.st_mtim.tv_sec)))
        hasher.combine(UInt64(bitPattern: Int64(info.st_mtim.tv_nsec)))
    }
}
