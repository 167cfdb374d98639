import Foundation
import Infrastructure
import SiteConfig
import Ingest
#if canImport(Glibc)
import Glibc
#endif

/// A stamp of everything a build reads: each file's path, size and modification time below the
/// site's `Content/` and `Templates/` and in the crawls it mirrors, `site.yml`, the build options,
/// and the `broadsheet` binary itself. Equal stamps mean nothing changed, so a build can stop after a few thousand `stat`
/// calls, as `make` and `rsync` decide.
struct InputStamp {
    /// Everything but the content folder: options, binary, `site.yml`, `Templates/`, Jekyll's
    /// `_includes/` (at the site's root and in the content folder). When it changes, every page may change.
    let settings: UInt64
    /// Every file below the content folder (hidden ones too), and the symbolic links below it that
    /// lead out of the site folder (not read, not published).
    private let listing: FileTree.Listing
    /// The stamp of all of it.
    let value: UInt64

    /// The site's config, which names the content folder.
    let config: SiteConfig

    /// Every file below the content folder (hidden ones too), sorted by path: sorted when first
    /// asked for, which a build with nothing to do never does.
    var content: [SourceFile] { listing.files }

    /// Symbolic links below `Content/` that lead out of the site folder.
    var outsideLinks: [String] { listing.outsideLinks }

    /// The warnings for links left out, named from the site folder.
    var linkDiagnostics: [Diagnostic] {
        outsideLinks.map { Diagnostic(path: config.sitePath(ofContent: $0), severity: .warning, code: "file.link-outside-site",
                                      message: "symbolic link to a file outside the site folder; it was not read") }
    }

    /// Stats every input of a site, and every file of the crawls it mirrors.
    init(site: URL, config: SiteConfig, options: [String], crawls: [(absolute: String, shown: String)]) {
        self.config = config
        var hasher = StableHasher()
        for option in options { hasher.combine(option) }
        Self.stamp(path: "/proc/self/exe", into: &hasher)
        Self.stamp(path: site.appendingPathComponent("site.yml").path, into: &hasher)
        // Hugo's config file moves sections to their folders' paths (see `Build.hugoConfigFiles`).
        // Without `site.yml`, Hugo's or Jekyll's config file is the site's (see `MigratedConfig`).
        for name in Build.hugoConfigFiles + [MigratedConfig.jekyllFile] { Self.stamp(path: site.appendingPathComponent(name).path, into: &hasher) }
        Self.combine(FileTree.listing(under: site.appendingPathComponent("Templates").path, skipHidden: false, linksWithin: nil), into: &hasher)
        // Jekyll's includes are read into the pages that name them: a change rebuilds them all.
        for folder in ["_includes", config.sitePath(ofContent: "_includes")] {
            Self.combine(FileTree.listing(under: site.appendingPathComponent(folder).path, skipHidden: false, linksWithin: nil), into: &hasher)
        }
        for crawl in crawls {
            hasher.combine(crawl.absolute)
            Self.stamp(path: crawl.absolute, into: &hasher)
            Self.combine(FileTree.listing(under: crawl.absolute, skipHidden: false, linksWithin: nil), into: &hasher)
        }
        settings = hasher.value
        listing = FileTree.listing(under: site.appendingPathComponent(config.contentFolder).path, skipHidden: false,
                                   linksWithin: site.path, excluding: config.excludedContent)
        for link in listing.outsideLinks { hasher.combine(link) }
        Self.combine(listing, into: &hasher)
        value = hasher.value
    }

    /// A stamp of the running binary (size and modification time).
    static func binary() -> UInt64 {
        var hasher = StableHasher()
        stamp(path: "/proc/self/exe", into: &hasher)
        return hasher.value
    }

    /// Adds a folder's files (each one's path, size and time) by the listing's own stamp: they
    /// need not be sorted, nor their strings made, to be stamped.
    private static func combine(_ listing: FileTree.Listing, into hasher: inout StableHasher) {
        hasher.combine(UInt64(listing.count))
        hasher.combine(listing.stamp)
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
