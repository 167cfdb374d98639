import Foundation
import Infrastructure
import Ingest
import Rendering
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The sizes of the site's own image files, read from their headers when a page first asks and
/// kept for the rest of the build: pages are rendered on every core, and a lead image shown on
/// forty lists is read once. Only files the build copies are read, by the path the tree walk
/// (or the crawl) gave, so a URL cannot lead the build to read anything else.
final class ImageSizeReader: Sendable {
    /// Each image asset's file on disk, by output path.
    private let files: [String: String]
    /// Images a mirror writes from its WARC records: read from the record, so a site mirrored
    /// from a WARC gets the same sizes as from the folder a crawler wrote.
    private let payloads: [String: CrawlEntry]
    private let known = Mutex<[String: ImageSize?]>([:])

    /// Extensions read; any other asset (a PDF, a video) is never opened.
    private static let extensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "avif", "svg"]

    /// A reader for the graph's assets, those in `payloads` read from their crawl records.
    init(assets: [SourceFile], payloads: [String: CrawlEntry] = [:]) {
        self.payloads = payloads
        var files: [String: String] = [:]
        for asset in assets {
            guard let dot = asset.path.lastIndex(of: "."), Self.extensions.contains(asset.path[dot...].dropFirst().lowercased()) else { continue }
            files[asset.path] = asset.sourcePath
        }
        self.files = files
    }

    /// The lookup handed to the view model.
    var lookup: ImageSize.Lookup { { [self] path in size(of: path) } }

    /// The lookup of resized copies handed to the view model.
    var variantLookup: ImageVariants.Lookup { { [self] path in variantWidths(of: path) } }

    /// Formats libvips writes back as they came; a GIF may be animated and an SVG scales itself.
    static let resizedExtensions: Set<String> = ["png", "jpg", "jpeg", "webp"]

    /// The widths of the resized copies the build writes of the image at `path`: a JPEG, PNG or
    /// WebP of the content folder wider than a width of `ImageVariants.widths`. Crawled images get
    /// none (a mirror's tens of thousands of images would be resized on its first build), nor does
    /// a width whose copy's path is a file of the site already.
    func variantWidths(of path: String) -> [Int] {
        guard payloads[path] == nil, let dot = path.lastIndex(of: "."),
              Self.resizedExtensions.contains(path[dot...].dropFirst().lowercased()),
              let size = size(of: path) else { return [] }
        return ImageVariants.widths(below: size.width).filter { width in
            ImageVariants.path(path, width: width).map { files[$0] == nil } ?? false
        }
    }

    /// The size of the image at `path` in the output, nil when it is no image asset or unreadable.
    func size(of path: String) -> ImageSize? {
        guard let file = files[path] else { return nil }
        if let cached = known.withLock({ $0[path] }) { return cached }
        // Read outside the lock: two threads asking for the same new file both read it, which is
        // cheaper than making every other page wait for one read.
        let isSVG = path.lowercased().hasSuffix(".svg")
        let size: ImageSize?
        if let entry = payloads[path] {
            let bytes = entry.bytes() ?? []
            size = ImageHeader.size(isSVG: isSVG) { offset, count in
                offset >= bytes.count ? [] : Array(bytes[offset..<min(bytes.count, offset + count)])
            }
        } else {
            size = Self.read(file, isSVG: isSVG)
        }
        known.withLock { $0[path] = size }
        return size
    }

    private static func read(_ file: String, isSVG: Bool) -> ImageSize? {
        let descriptor = open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return ImageHeader.size(isSVG: isSVG) { offset, count in
            var bytes = [UInt8](repeating: 0, count: count)
            let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) }
            return got > 0 ? Array(bytes[..<got]) : []
        }
    }
}
