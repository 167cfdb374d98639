import ContentGraph
import Foundation
import Infrastructure
import Ingest
import SiteConfig

/// What a build's crawls add to its content folder.
struct MirrorContent: Sendable {
    /// The merged crawl: query redirects, where each article was read from, the report (its
    /// documents and images moved into the content folder).
    var merged: CrawlMerger.Result
    /// Images of WARC files by output path: their bytes are read from the record when the
    /// site is written, not unpacked into files first.
    var payloads: [String: CrawlEntry] = [:]
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
    /// `folder`; what else they gave comes back.
    func readMirror(_ mirror: MirrorConfig, sources: CrawlSources, site: SiteInputs, into folder: inout ContentFolder,
                    clock: inout PhaseClock) -> MirrorContent {
        var reader = CrawlReader(pages: site.reader.scraped, fileSizeLimit: site.config.fileSizeLimit)
        reader.onRead = site.reader.onRead
        let fingerprint = Self.readingFingerprint(site.config)
        // Readings do not depend on where the site is written: one cache for the site.
        let location = BuildManifest.location(site: options.site, output: options.site, kind: "crawl")
        let kept = options.useCache ? ArchiveReader(mapping: location.path).flatMap { CrawlCache($0, fingerprint: fingerprint) } : nil
        var crawl = reader.read(sources.entries, kept: kept)
        crawl.diagnostics += sources.diagnostics
        let readings = crawl.pages.count + crawl.images.count
        if options.useCache && (crawl.reused < readings || readings != kept?.count) {
            try? FileManager.default.createDirectory(at: location.deletingLastPathComponent(), withIntermediateDirectories: true)
            CrawlCache.write(crawl, kept: kept, fingerprint: fingerprint, to: location.path)
        }
        clock.lap("read crawls")
        var merged = CrawlMerger(siteHost: sources.siteHost, keepsOriginalURLs: mirror.urls == .original).merge(crawl)
        var payloads: [String: CrawlEntry] = [:]
        let assets = merged.images.map { image -> SourceFile in
            switch image.entry.location {
            case .file(let path):
                return SourceFile(path: image.path, sourcePath: path, size: image.entry.size, modified: image.entry.capturedAt)
            case .warc:
                // Written from the WARC record straight into the output (`MirrorContent.payloads`).
                payloads[image.path] = image.entry
                return SourceFile(path: image.path, sourcePath: image.entry.cacheKey, size: 0, modified: image.entry.capturedAt)
            }
        }
        folder.documents += merged.documents
        folder.assets = (folder.assets + assets).sorted { $0.path < $1.path }
        folder.sectionAliases = merged.sectionAliases
        merged.documents = []
        return MirrorContent(merged: merged, payloads: payloads)
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
