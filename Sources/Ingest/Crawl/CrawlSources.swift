import Foundation
import Infrastructure

/// The crawls a mirror reads, opened: every capture of every crawl folder (and WARC file), in the
/// order the crawls were given, and the site's host.
public struct CrawlSources: Sendable {
    /// Every capture, crawl after crawl.
    public var entries: [CrawlEntry] = []
    /// The site's host: the origin's when given, else the host with the most pages.
    public var siteHost: String
    /// Records of WARC files that could not be read (the others were).
    public var diagnostics: [Diagnostic] = []

    /// Lists the captures of a WARC file: its response, resource and resolved revisit records.
    private static func readWARC(_ path: (absolute: String, shown: String)) throws(MirrorError)
        -> (entries: [CrawlEntry], diagnostics: [Diagnostic])
    {
        var diagnostics: [Diagnostic] = []
        let archive: WARCArchive
        do {
            archive = try WARCArchive(contentsOf: path.absolute)
        } catch {
            throw MirrorError(path: path.shown, message: "not a crawl folder or a WARC file: \(error.message)")
        }
        for problem in archive.problems {
            diagnostics.append(Diagnostic(path: "\(path.shown)#\(problem.offset)", severity: .warning, code: "mirror.unreadable",
                                          message: "WARC record left out: \(problem.message)"))
        }
        // Made on every core: reading the addresses of a crawl's tens of thousands of records was
        // a tenth of a second on one.
        let made = ConcurrentMap.map(Array(archive.records.indices)) { index -> CrawlEntry? in
            let record = archive.records[index]
            guard let url = CrawlURL(record.targetURI) else { return nil }
            var entry = CrawlEntry(url: url, capturedAt: nanoseconds(record.date), location: .warc(archive, record: index),
                                   shown: "\(path.shown)#\(record.offset)", size: 0)
            entry.status = record.status
            entry.contentType = record.contentType
            entry.redirect = record.location
            return entry
        }
        return (made.compactMap { $0 }, diagnostics)
    }

    /// A WARC date (`2021-11-30T15:58:00Z`, fractions allowed) in nanoseconds since 1970; 0 when
    /// it cannot be read or has no offset, so that any dated capture is newer.
    static func nanoseconds(_ date: String) -> Int64 {
        // Read here rather than by `ISO8601DateFormatter`, which builds an ICU formatter per call:
        // that was a second and a half, on one core, of indexing a 35,000-record WARC.
        guard case .date(let year, let month, let day, let hour, let minute, let second, let fraction, let offset?, true) = ISODateReader.read(date)
        else { return 0 }
        let seconds = Int64(CivilDate.daysSince1970(year: year, month: month, day: day)) * 86_400
            + Int64(hour * 3600 + minute * 60 + second - offset)
        // Past the year 2262 nanoseconds overflow: such a date is as unreadable as any other.
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (total, past) = whole.addingReportingOverflow(Int64((fraction * 1e9).rounded(.down)))
        return overflow || past ? 0 : total
    }

    /// Opens the crawls at `paths` (absolute, with how messages name them). A path that is not
    /// a crawl stops the mirror: a mistyped path must not publish an empty site.
    public init(_ paths: [(absolute: String, shown: String)], origin: CrawlURL?) throws(MirrorError) {
        var pagesByHost: [String: Int] = [:]
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path.absolute, isDirectory: &isFolder) else {
                throw MirrorError(path: path.shown, message: "no crawl folder or WARC file here")
            }
            if isFolder.boolValue {
                entries += try CrawlFolder(folder: path.absolute, origin: origin, shownAs: path.shown).entries
            } else {
                let warc = try Self.readWARC(path)
                entries += warc.entries
                diagnostics += warc.diagnostics
            }
        }
        for entry in entries where entry.kind == .page { pagesByHost[entry.url.siteHost, default: 0] += 1 }
        guard let host = origin?.siteHost ?? pagesByHost.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else {
            throw MirrorError(path: paths.first?.shown ?? "mirror", message: "the crawl holds no HTML page")
        }
        siteHost = host
    }
}
