/// A WARC file (ISO 28500, WARC/1.0 and 1.1), indexed once: a plain .warc, a .warc.gz with one
/// gzip member per record as wget `--warc-file` and Heritrix write, or a .warc.gz that is one gzip
/// stream of all records. Payloads are read on demand, so a 1 GB WARC never sits in memory.
public struct WARCArchive: Sendable {
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
            guard let source = GzipRecordSource(file: file) else {
                throw WARCError(path: path, offset: 0, message: "zlib could not allocate an inflate stream")
            }
            (entries, scanProblems) = try Self.scan(source, path: path)
        } else {
            (entries, scanProblems) = try Self.scan(PlainRecordSource(file: file), path: path)
        }
        let resolved = RevisitResolver.resolve(entries, path: path)
        records = resolved.records
        problems = scanProblems + resolved.problems
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
