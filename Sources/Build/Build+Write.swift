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
        writer.prepareFolders(plan.folders)
        let renderer = PageRenderer(templates: site.templates, model: plan.model, sink: writer, themeFingerprint: site.theme.fingerprint,
                                    previous: previous.map { ($0.files, $0.issues) })
        var result = try renderer.render(plan.pages)
        clock.lap("render and write")
        let copied = try copyFiles(plan, theme: site.theme, writer: writer, previous: previous, payloads: payloads, into: &result)
        clock.lap("copy files")
        try writer.commit()
        clock.lap("swap output")
        return Written(pages: result, copied: copied)
    }

    /// Copies content assets and writes theme assets, keeping the previous file where the
    /// source is unchanged (same path, size and modification time, or same bytes).
    private func copyFiles(_ plan: SitePlan, theme: Theme, writer: OutputWriter, previous: BuildManifest?,
                           payloads: [String: CrawlEntry], into result: inout PageRenderer.Result) throws(OutputError) -> Int {
        // On every core: a mirror copies tens of thousands of images.
        let copies = ConcurrentMap.map(plan.contentAssets) { asset -> (PageRecord, Bool, OutputError?) in
            var hasher = StableHasher()
            hasher.combine(asset.sourcePath)
            hasher.combine(UInt64(asset.size))
            hasher.combine(UInt64(bitPattern: Int64(asset.modified)))
            let record = PageRecord(source: hasher.value, bytes: hasher.value)
            guard previous?.files[asset.path]?.source != record.source || !writer.keepPrevious(asset.path) else { return (record, false, nil) }
            do throws(OutputError) {
                if let entry = payloads[asset.path] {
                    guard let bytes = entry.bytes() else { throw OutputError(path: asset.path, message: "cannot read \(entry.shown)") }
                    try writer.write(bytes, to: asset.path)
                    return (record, true, nil)
                }
                try writer.copy(from: asset.sourcePath, to: asset.path)
                return (record, true, nil)
            } catch {
                return (record, true, error)
            }
        }
        for (asset, (record, copied, error)) in zip(plan.contentAssets, copies) {
            if let error { throw error }
            if copied { result.written += 1 }
            result.files[asset.path] = record
        }
        for path in plan.themeAssets {
            let bytes = theme.assets[path] ?? []
            let hash = ContentHash.of(bytes)
            let file = "assets/" + path
            if previous?.files[file]?.bytes != hash || !writer.keepPrevious(file) {
                try writer.write(bytes, to: file)
                result.written += 1
            }
            result.files[file] = PageRecord(source: hash, bytes: hash)
        }
        return plan.contentAssets.count + plan.themeAssets.count
    }
}
