import Foundation
import Infrastructure

/// A WARC file (ISO 28500, WARC/1.0 and 1.1), indexed once: a plain .warc, a .warc.gz with one
/// gzip member per record as wget `--warc-file` and Heritrix write, or a .warc.gz that is one gzip
/// stream of all records. Payloads are read on demand, so a 1 GB WARC never sits in memory.
///
/// A class: every capture of a crawl points to its archive, and a reference is one count to keep
/// where a copy of the value was four.
public final class WARCArchive: Sendable {
    /// The file.
    public let path: String
    /// The response, resource and resolved revisit records, in file order; warcinfo, request,
    /// metadata and conversion records are skipped, and so are response records that are not
    /// HTTP (Heritrix's `dns:` lookups).
    public let records: [WARCRecord]
    /// The records left out, and why: a header over 64 KiB, a payload over 64 MiB, a malformed
    /// HTTP status line, a revisit of a record not in the file, a record cut off by the end of
    /// the file, corrupt gzip data. One bad record does not lose the others.
    public let problems: [WARCError]
    private let file: WARCFile

    /// 64 KiB: the most a WARC record header, or an HTTP response head, may take.
    static let headerLimit = 64 * 1024
    /// 64 MiB: the most a payload may take, as sent and once its encodings are undone.
    static let payloadLimit = 64 * 1024 * 1024

    /// Indexes the WARC file at `path`. Throws when it cannot be read, or does not begin with a
    /// WARC record; anything wrong after that is in `problems`.
    public init(contentsOf path: String) throws(WARCError) {
        self.path = path
        let file = try WARCFile(path: path)
        self.file = file
        var magic: [UInt8] = [0, 0]
        let isGzip = magic.withUnsafeMutableBytes { file.read(into: $0, at: 0) } == 2 && magic == [0x1F, 0x8B]
        let entries: [WARCIndexEntry]
        let scanProblems: [WARCError]
        if isGzip {
            (entries, scanProblems) = try Self.scanParts(of: file, path: path)
        } else {
            (entries, scanProblems) = try Self.scan(PlainRecordSource(file: file), path: path)
        }
        let resolved = RevisitResolver.resolve(entries, path: path)
        records = resolved.records
        problems = scanProblems + resolved.problems
    }

    /// Scans a .warc.gz in parts on every core, split where a gzip member starts a record
    /// (`recordMemberStarts`): inflating is most of the cost of indexing, and a news site's
    /// crawl inflates to gigabytes. The parts' records come back in file order.
    private static func scanParts(of file: WARCFile, path: String) throws(WARCError) -> ([WARCIndexEntry], [WARCError]) {
        let starts = file.recordMemberStarts(parts: ProcessInfo.processInfo.activeProcessorCount)
        let parts = starts.indices.map { (start: starts[$0], end: $0 + 1 < starts.count ? starts[$0 + 1] : Int.max) }
        let scanned = ConcurrentMap.map(parts) { part -> Result<([WARCIndexEntry], [WARCError]), WARCError> in
            guard let source = GzipRecordSource(file: file, start: part.start, end: part.end) else {
                return .failure(WARCError(path: path, offset: part.start, message: "zlib could not allocate an inflate stream"))
            }
            do throws(WARCError) {
                return .success(try scan(source, path: path))
            } catch {
                return .failure(error)
            }
        }
        var entries: [WARCIndexEntry] = []
        var problems: [WARCError] = []
        for result in scanned {
            switch result {
            case .success(let (found, lost)):
                entries += found
                problems += lost
            case .failure(let error):
                // Only the first part can fail to begin with a record (the others begin where one does).
                if entries.isEmpty && problems.isEmpty { throw error }
                problems.append(error)
            }
        }
        return (entries, problems)
    }

    private static func scan<Source: RecordSource>(_ source: Source, path: String) throws(WARCError) -> ([WARCIndexEntry], [WARCError]) {
        var scanner = WARCScanner(source, path: path)
        try scanner.scan()
        return (scanner.entries, scanner.problems)
    }

    /// The HTTP entity body of a record of this archive: `Transfer-Encoding: chunked` and
    /// `Content-Encoding` gzip or deflate undone, at most 64 MiB. Many threads may call it at once:
    /// each call reads with `pread` and inflates with a stream of its own.
    public func payload(of record: WARCRecord) throws(WARCError) -> [UInt8] {
        let location = record.payload
        var body = try file.bytes(at: location.start, count: location.length, record: record.offset)
        if location.chunked, let joined = ChunkedBody.decode(body) { body = joined }
        do {
            return try ContentDecoding.decode(body, codings: location.contentCodings, limit: Self.payloadLimit)
        } catch {
            throw WARCError(path: path, offset: record.offset, message: error.message)
        }
    }
}
