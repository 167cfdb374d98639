import Foundation
import Ingest

/// What the previous build wrote, kept in `.broadsheet/cache/` of the site folder: a stamp of
/// every input, and for each output file the fingerprint of what it was rendered from and the
/// hash of its bytes. The next build renders only pages whose fingerprint changed and rewrites
/// only files whose bytes changed; the others are hard-linked from the previous output, keeping
/// their modification times.
struct BuildManifest: Codable {
    /// Bumped whenever what a fingerprint covers changes.
    static let formatVersion = 2

    struct FileRecord: Codable {
        /// Fingerprint of the inputs (template, theme, context or source file).
        var source: UInt64
        /// Hash of the bytes written.
        var bytes: UInt64
    }

    struct Issue: Codable, Hashable {
        var kind: String
        var name: String
        var template: String
        var line: Int
        var column: Int
    }

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
    var files: [String: FileRecord] = [:]
    /// Template issues by page file, for pages that had any.
    var issues: [String: [Issue]] = [:]

    /// The manifest of the last build into `output`, or nil (first build, other version, unreadable).
    static func load(site: URL, output: URL) -> BuildManifest? {
        guard let data = FileManager.default.contents(atPath: location(site: site, output: output).path),
              let manifest = try? JSONDecoder().decode(BuildManifest.self, from: data),
              manifest.version == formatVersion, manifest.output == output.path, manifest.binary == InputStamp.binary() else {
            return nil
        }
        return manifest
    }

    /// Removes the manifest before the output changes, so that a build stopped half-way, or a
    /// failed save, leaves no manifest describing an output it does not match.
    static func remove(site: URL, output: URL) {
        try? FileManager.default.removeItem(at: location(site: site, output: output))
    }

    /// Saves the manifest; a failure only costs the next build its shortcuts.
    func save(site: URL, output: URL) {
        let url = Self.location(site: site, output: output)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if let data = try? JSONEncoder().encode(self) { try? data.write(to: url, options: .atomic) }
    }

    /// One manifest per output folder, so building into two places keeps both fast.
    private static func location(site: URL, output: URL) -> URL {
        let key = String(ContentHash.of(output.standardizedFileURL.path.utf8), radix: 16)
        return site.appendingPathComponent(".broadsheet/cache/manifest-\(key).json")
    }
}
