import Foundation
import Infrastructure
import Rendering

/// What the previous build wrote, kept in `.broadsheet/cache/` of the site folder: a stamp of
/// every input, and for each output file the fingerprint of what it was rendered from and the
/// hash of its bytes. The next build renders only pages whose fingerprint changed and rewrites
/// only files whose bytes changed; the others are hard-linked from the previous output, keeping
/// their modification times.
struct BuildManifest: Decodable {
    /// Bumped whenever what a fingerprint covers changes.
    static let formatVersion = 6

    var version = formatVersion
    /// Stamp of every input (files' sizes and times, options, the binary).
    var inputs: UInt64 = 0
    /// The output folder the records describe.
    var output: String = ""
    /// The `broadsheet` binary that wrote them: a new binary may render the same context differently.
    var binary = InputStamp.binary()
    var articles = 0
    var pages = 0
    var copied = 0
    var contentDiagnostics: [Diagnostic] = []
    /// Output files by path.
    var files = PageRecords()
    /// Template issues by page file, for pages that had any.
    var issues: [String: [TemplateIssue]] = [:]
    /// The times of the output folder and its subfolders when the build ended
    /// (`OutputState.folderTimes`): a build with nothing to do checks them before it stops.
    var outputFolders: [String: Int64] = [:]

    /// `files` is not among them: the summary's is always empty, the records live in their own
    /// file (see `loadingFiles`).
    private enum CodingKeys: String, CodingKey {
        case version, inputs, output, binary, articles, pages, copied, contentDiagnostics, issues, outputFolders
    }

    /// The manifest of the last build into `output`, or nil (first build, other version, unreadable).
    /// Its `files` are left empty, to be read by `loadingFiles` only when the build goes on: a
    /// build with nothing to do reads a few hundred bytes, not a record of every output file.
    static func load(site: URL, output: URL) -> BuildManifest? {
        guard let data = FileManager.default.contents(atPath: location(site: site, output: output).path),
              let manifest = try? JSONDecoder().decode(BuildManifest.self, from: data),
              manifest.version == formatVersion, manifest.output == output.path, manifest.binary == InputStamp.binary() else {
            return nil
        }
        return manifest
    }

    /// The manifest with its `files` read; nil when they cannot be (then nothing is reused).
    func loadingFiles(site: URL, output: URL) -> BuildManifest? {
        guard var reader = ArchiveReader(mapping: Self.location(site: site, output: output, kind: "files").path) else { return nil }
        var files = PageRecords()
        do throws(ArchiveError) {
            for _ in 0..<(try reader.count()) { files.set(PageRecord(source: try reader.word(), bytes: try reader.word()), key: try reader.word()) }
        } catch {
            return nil
        }
        guard reader.isAtEnd else { return nil }
        var manifest = self
        manifest.files = files
        return manifest
    }

    /// Removes the manifest before the output changes, so that a build stopped half-way, or a
    /// failed save, leaves no manifest describing an output it does not match.
    /// The graph cache stays unless `everything` (a build that keeps no cache): it names the build
    /// it describes (`GraphCache.state`), so it is never used with another manifest.
    static func remove(site: URL, output: URL, everything: Bool = false) {
        for kind in ["manifest", "files"] + (everything ? ["graph", "overlay", "output"] : []) {
            try? FileManager.default.removeItem(at: location(site: site, output: output, kind: kind))
        }
    }

    /// Saves the manifest; a failure only costs the next build its shortcuts.
    func save(site: URL, output: URL) {
        let url = Self.location(site: site, output: output)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        // The records of the files first: a manifest found on disk always has its files beside it.
        // They are binary: 17,000 records decoded from JSON took a tenth of a second.
        var records = ArchiveWriter(capacity: 24 * files.count + 16)
        records.count(files.count)
        for (key, record) in files.byKey {
            records.word(record.source)
            records.word(record.bytes)
            records.word(key)
        }
        records.save(to: Self.location(site: site, output: output, kind: "files").path)
        try? Data(json()).write(to: url, options: .atomic)
    }

    /// The manifest as the JSON its `Decodable` conformance reads, written directly (`JSONEncoder`
    /// took a quarter of a second for 17,000 records, on one core, at the end of every build);
    /// `files` is written empty here and whole in its own file (see `load`).
    func json() -> [UInt8] {
        var json = JSONWriter(capacity: 64 * files.count + 1024)
        json.object { manifest in
            for (key, value) in [("version", UInt64(version)), ("inputs", inputs), ("binary", binary), ("articles", UInt64(articles)),
                                 ("pages", UInt64(pages)), ("copied", UInt64(copied))] {
                manifest.key(key)
                manifest.number(value)
            }
            manifest.field("output", output)
            manifest.key("contentDiagnostics")
            manifest.json(Array((try? JSONEncoder().encode(contentDiagnostics)) ?? Data("[]".utf8)))
            manifest.key("files")
            manifest.object { _ in }
            manifest.key("outputFolders")
            manifest.object { folders in
                for (name, time) in outputFolders.sorted(by: { $0.key < $1.key }) {
                    folders.key(name)
                    folders.number(Int(time))
                }
            }
            manifest.key("issues")
            manifest.object { pages in
                for (path, issues) in issues {
                    pages.key(path)
                    pages.array { list in
                        for issue in issues {
                            list.object { fields in
                                fields.field("kind", issue.kind)
                                fields.field("name", issue.name)
                                fields.field("template", issue.template)
                                fields.key("line")
                                fields.number(issue.line)
                                fields.key("column")
                                fields.number(issue.column)
                            }
                        }
                    }
                }
            }
        }
        return json.bytes
    }

    /// One manifest per output folder, so building into two places keeps both fast: the summary
    /// (`manifest-*.json`), the file records (`files-*.bin`), the content graph (`graph-*.bin`,
    /// `overlay-*.bin`) and the output's files as the build left them (`output-*.bin`).
    static func location(site: URL, output: URL, kind: String = "manifest") -> URL {
        let key = String(ContentHash.of(output.standardizedFileURL.path.utf8), radix: 16)
        return site.appendingPathComponent(".broadsheet/cache/\(kind)-\(key).\(kind == "manifest" ? "json" : "bin")")
    }
}
