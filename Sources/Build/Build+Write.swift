import Infrastructure
import Ingest
import Rendering

/// What a whole build wrote: its pages' records and issues, and the number of files copied.
struct Written {
    var pages: PageRenderer.Result
    var copied: Int
}

extension Build {
    /// Renders every page into the staging folder, copies content and theme files, and swaps the
    /// staging folder in; files unchanged since `previous` keep their earlier copy.
    func write(_ plan: SitePlan, site: SiteInputs, into writer: OutputWriter, previous: BuildManifest?,
               payloads: [String: CrawlEntry] = [:], clock: inout PhaseClock) throws(OutputError) -> Written {
        options.progress?.enter(.rendering)
        writer.prepareFolders(plan.folders)
        let renderer = PageRenderer(templates: site.templates, model: plan.model, sink: writer, themeFingerprint: site.theme.fingerprint,
                                    previous: previous.map { ($0.files, $0.issues) })
        var result = try renderer.render(plan.pages)
        clock.lap("render and write")
        options.progress?.enter(.copying)
        let copied = try copyFiles(plan, theme: site.theme, writer: writer, previous: previous, payloads: payloads, into: &result)
        clock.lap("copy files")
        options.progress?.enter(.finishing)
        try writer.commit(keeping: plan.outputFiles)
        clock.lap("swap output")
        return Written(pages: result, copied: copied)
    }

    /// Copies content assets and writes theme assets, keeping the previous file where the
    /// source is unchanged (same path, size and modification time, or same bytes); writes the
    /// resized copies of content images beside them. Returns the number of files.
    private func copyFiles(_ plan: SitePlan, theme: Theme, writer: OutputWriter, previous: BuildManifest?,
                           payloads: [String: CrawlEntry], into result: inout PageRenderer.Result) throws(OutputError) -> Int {
        let resizer = ImageResizer(site: options.site)
        // On every core: a mirror copies tens of thousands of images, and resizing is the slowest step of an image.
        let copies = ConcurrentMap.map(plan.contentAssets) { asset -> Result<[AssetCopy], OutputError> in
            var hasher = StableHasher()
            hasher.combine(asset.sourcePath)
            hasher.combine(UInt64(asset.size))
            hasher.combine(UInt64(bitPattern: Int64(asset.modified)))
            let record = PageRecord(source: hasher.value, bytes: hasher.value)
            do throws(OutputError) {
                var copies = [AssetCopy(path: asset.path, record: record, written: false)]
                if previous?.files[asset.path]?.source != record.source || !writer.keepPrevious(asset.path) {
                    if let entry = payloads[asset.path] {
                        guard let bytes = entry.bytes() else { throw OutputError(path: asset.path, message: "cannot read \(entry.shown)") }
                        try writer.write(bytes, to: asset.path)
                    } else {
                        try writer.copy(from: asset.sourcePath, to: asset.path)
                    }
                    copies[0].written = true
                }
                for width in plan.images.variantWidths(of: asset.path) {
                    copies.append(try copyVariant(of: asset, stamp: hasher.value, width: width, resizer: resizer, writer: writer, previous: previous))
                }
                return .success(copies)
            } catch {
                return .failure(error)
            }
        }
        var count = 0
        for copied in copies {
            for copy in try copied.get() {
                if copy.written { result.written += 1 }
                result.files[copy.path] = copy.record
                count += 1
            }
        }
        for path in plan.themeAssets {
            let bytes = theme.assets[path] ?? []
            let hash = ContentHash.of(bytes)
            let file = "assets/" + path
            let kept = previous?.files[file].map { $0.bytes == hash && writer.keepPrevious(file) } ?? writer.keepIfSame(bytes, at: file)
            if !kept {
                try writer.write(bytes, to: file)
                result.written += 1
            }
            result.files[file] = PageRecord(source: hash, bytes: hash)
        }
        return count + plan.themeAssets.count
    }

    /// Puts the copy of `asset` `width` pixels wide into the output: the previous build's file when
    /// the source is unchanged, else the cached copy, made first when there is none (or, without
    /// the build cache, a copy made now).
    private func copyVariant(of asset: SourceFile, stamp: UInt64, width: Int, resizer: ImageResizer, writer: OutputWriter,
                             previous: BuildManifest?) throws(OutputError) -> AssetCopy {
        // `ImageSizeReader` gives widths only for paths that have a copy's path.
        let path = ImageVariants.path(asset.path, width: width)!
        var hasher = StableHasher()
        hasher.combine(stamp)
        hasher.combine(UInt64(width))
        let record = PageRecord(source: hasher.value, bytes: hasher.value)
        if previous?.files[path]?.source == record.source && writer.keepPrevious(path) {
            return AssetCopy(path: path, record: record, written: false)
        }
        if options.useCache {
            let cached = try resizer.copy(of: asset.sourcePath, shown: asset.path, stamp: stamp, width: width)
            try writer.copy(from: cached.path, to: path)
        } else {
            // `--no-cache` leaves nothing in `.broadsheet/cache/`: the copy is made into the output itself.
            try ImageResizer.resize(asset.sourcePath, shown: asset.path, width: width, to: writer.writablePath(path))
        }
        return AssetCopy(path: path, record: record, written: true)
    }
}

/// One file `copyFiles` put into the output, and whether it was written anew (not kept).
private struct AssetCopy: Sendable {
    var path: String
    var record: PageRecord
    var written: Bool
}
