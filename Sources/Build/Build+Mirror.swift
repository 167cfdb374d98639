import ContentGraph
import Foundation
import Infrastructure
import Ingest
import SiteConfig
#if canImport(Glibc)
import Glibc
#endif

/// What a build's crawls add to its content folder.
struct MirrorContent: Sendable {
    /// The merged crawl: query redirects, where each article was read from, the report (its
    /// documents and images moved into the content folder).
    var merged: CrawlMerger.Result
    /// A folder of WARC payloads unpacked for this build alone, to remove once it is written.
    var unpacked: String?

    /// Removes what the build unpacked for itself.
    func removeUnpacked() {
        if let unpacked { try? FileManager.default.removeItem(atPath: unpacked) }
    }
}

extension Build {
    /// The crawls of a mirror configuration: absolute paths, and the paths as written for messages.
    func crawlPaths(_ mirror: MirrorConfig) -> [(absolute: String, shown: String)] {
        mirror.paths.map { path in
            let absolute = path.hasPrefix("/") ? URL(fileURLWithPath: path) : options.site.appendingPathComponent(path)
            return (absolute.standardizedFileURL.path, path)
        }
    }

    /// Reads and merges the site's crawls and adds their articles, images and section aliases to
    /// `folder`; what else they gave comes back. A crawl that cannot be opened stops the build.
    func readMirror(_ mirror: MirrorConfig, site: SiteInputs, into folder: inout ContentFolder) throws(BuildError) -> MirrorContent {
        let sources: CrawlSources
        do {
            sources = try CrawlSources(crawlPaths(mirror), origin: mirror.origin.flatMap(CrawlURL.init))
        } catch {
            throw BuildError(error.diagnostic)
        }
        let reader = CrawlReader(pages: site.reader.scraped, fileSizeLimit: site.config.fileSizeLimit)
        let fingerprint = Self.readingFingerprint(site.config)
        // Readings do not depend on where the site is written: one cache for the site.
        let location = BuildManifest.location(site: options.site, output: options.site, kind: "crawl")
        let kept = options.useCache ? FileTree.contents(of: location.path).flatMap { CrawlCache(bytes: $0, fingerprint: fingerprint) } : nil
        var crawl = reader.read(sources.entries, kept: kept)
        crawl.diagnostics += sources.diagnostics
        let readings = crawl.pages.count + crawl.images.count
        if options.useCache && (crawl.reused < readings || readings != kept?.count) {
            try? FileManager.default.createDirectory(at: location.deletingLastPathComponent(), withIntermediateDirectories: true)
            CrawlCache.write(crawl, kept: kept, fingerprint: fingerprint, to: location.path)
        }
        var merged = CrawlMerger(siteHost: sources.siteHost, keepsOriginalURLs: mirror.urls == .original).merge(crawl)
        // Kept between builds with the cache; a build without it unpacks into a folder of its own,
        // removed once the site is written (`MirrorContent.unpacked`).
        let files = options.useCache ? options.site.appendingPathComponent(".broadsheet/cache/warc-files").path
            : FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-warc-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        let assets = ConcurrentMap.map(merged.images) { image -> SourceFile? in
            switch image.entry.location {
            case .file(let path): return SourceFile(path: image.path, sourcePath: path, size: image.entry.size, modified: image.entry.capturedAt)
            case .warc: return Self.unpacked(image.entry, into: files).map { SourceFile(path: image.path, sourcePath: $0.path, size: $0.size, modified: image.entry.capturedAt) }
            }
        }.compactMap { $0 }
        folder.documents += merged.documents
        folder.assets = (folder.assets + assets).sorted { $0.path < $1.path }
        folder.sectionAliases = merged.sectionAliases
        merged.documents = []
        return MirrorContent(merged: merged, unpacked: options.useCache ? nil : files)
    }

    /// A WARC record's payload as a file to copy, unpacked once into `folder` under a name made
    /// from the capture's key; nil when the record cannot be read.
    static func unpacked(_ entry: CrawlEntry, into folder: String) -> (path: String, size: Int)? {
        let path = folder + "/" + String(ContentHash.of(entry.cacheKey.utf8), radix: 16)
        var info = stat()
        if stat(path, &info) == 0 { return (path, Int(info.st_size)) }
        guard let bytes = entry.bytes() else { return nil }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = path + ".\(getpid()).\(UInt.random(in: 0...UInt.max))"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)), rename(temporary, path) == 0 else { return nil }
        return (path, bytes.count)
    }

    /// What a kept reading of a capture depends on besides the capture: the binary that read it,
    /// the zone of dates without one, the extraction rules and the size limit.
    static func readingFingerprint(_ config: SiteConfig) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(InputStamp.binary())
        hasher.combine(config.timeZone.identifier)
        hasher.combine(UInt64(config.fileSizeLimit))
        hasher.combine(String(describing: config.extractionRules))
        return hasher.value
    }
}
