import CLibVips
import Foundation
import Infrastructure
import Rendering
#if canImport(Glibc)
import Glibc
#endif

/// Makes the resized copies of content images (see `ImageVariants`) with libvips, each once: a
/// copy is kept in the site's `.broadsheet/cache/images/`, named by its source's stamp (path,
/// size, modification time) and its width, and every later build copies it from there: resizing
/// decodes the whole image, copying from the cache decodes nothing.
struct ImageResizer: Sendable {
    /// The cache folder.
    let folder: URL

    /// The resizer of the site at `site`.
    init(site: URL) {
        folder = site.appendingPathComponent(".broadsheet/cache/images")
    }

    /// The settings a copy is made with, part of its cache key: changing them makes new copies.
    private static let settings = "thumbnail-width q80 strip png9 v1"

    /// libvips is started once per process, by whichever thread first needs it (a static is
    /// initialised exactly once, also when many threads ask at the same time).
    private static let started: Bool = broadsheet_vips_start() == 0

    /// The path of the cached copy of a source file, with `stamp` the source's, `width` wide.
    func cachedPath(stamp: UInt64, width: Int, extension: String) -> String {
        var hasher = StableHasher()
        hasher.combine(stamp)
        hasher.combine(UInt64(width))
        hasher.combine(Self.settings)
        let name = String(hasher.value, radix: 16)
        return folder.appendingPathComponent("\(String(repeating: "0", count: 16 - name.count))\(name)-\(width)w.\(`extension`)").path
    }

    /// The cached copy of `sourcePath` (its output path `shown`, for errors) `width` pixels wide,
    /// made now when missing; `made` is true when it was.
    func copy(of sourcePath: String, shown: String, stamp: UInt64, width: Int) throws(OutputError) -> (path: String, made: Bool) {
        let ext = (sourcePath as NSString).pathExtension.lowercased()
        let cached = cachedPath(stamp: stamp, width: width, extension: ext)
        if access(cached, F_OK) == 0 { return (cached, false) }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Written under a name of its own and renamed: another build of the same site (to another
        // output), or another thread of this one (a bundle's image is published at two paths), may
        // make the same copy at the same time, and must never read a half-written one.
        let partial = cached + ".\(getpid())-\(UInt64.random(in: 0...UInt64.max)).partial"
        try Self.resize(sourcePath, shown: shown, width: width, to: partial)
        guard rename(partial, cached) == 0 else {
            unlink(partial)
            if access(cached, F_OK) == 0 { return (cached, false) }
            throw OutputError(path: shown, message: "cannot keep its copy \(width) px wide in \(folder.path)")
        }
        return (cached, true)
    }

    /// Writes `sourcePath` (its output path `shown`, for errors) shrunk to `width` pixels wide, in
    /// its own format, to `target`.
    static func resize(_ sourcePath: String, shown: String, width: Int, to target: String) throws(OutputError) {
        guard started else { throw OutputError(path: shown, message: "libvips could not be started to resize it") }
        let format: Int32 = switch (sourcePath as NSString).pathExtension.lowercased() {
        case "png": Int32(BROADSHEET_VIPS_PNG.rawValue)
        case "webp": Int32(BROADSHEET_VIPS_WEBP.rawValue)
        default: Int32(BROADSHEET_VIPS_JPEG.rawValue)
        }
        guard broadsheet_vips_resize(sourcePath, target, Int32(width), format) == 0 else {
            broadsheet_vips_clear_error()
            unlink(target)
            throw OutputError(path: shown, message: "cannot resize it to \(width) px wide")
        }
    }
}
