/// The one pass over a WARC file that `WARCArchive` makes to index it: each record's header is
/// parsed, and the HTTP head of each response; the rest of a content block is passed over, never
/// held. A record that cannot be used is left out with a problem, and the scan goes on.
struct WARCScanner<Source: RecordSource> {
    private var cursor: RecordCursor<Source>
    private let path: String
    /// The usable records found, in file order.
    private(set) var entries: [WARCIndexEntry] = []
    /// The records left out, and why.
    private(set) var problems: [WARCError] = []
    private var failureReported = false

    /// A scan of `source`, which is the file at `path`.
    init(_ source: Source, path: String) {
        cursor = RecordCursor(source)
        self.path = path
    }

    /// Reads every record. Throws only when the file does not begin with a WARC record at all.
    mutating func scan() throws(WARCError) {
        let first = cursor.peek(5)
        guard first.elementsEqual("WARC/".utf8) else {
            let failure = cursor.source.failure
            throw WARCError(path: path, offset: failure?.offset ?? 0, message: failure?.message
                ?? (first.isEmpty ? "the file is empty" : "not a WARC file: it does not begin with a WARC record"))
        }
        while scanRecord() {}
        if let failure = cursor.source.failure, !failureReported {
            problems.append(WARCError(path: path, offset: failure.offset, message: failure.message))
        }
    }

    /// Reads the record at the cursor; false at the end of the data.
    private mutating func scanRecord() -> Bool {
        cursor.skipLineBreaks()
        let start = cursor.position
        let peeked = cursor.peek(WARCArchive.headerLimit)
        if peeked.isEmpty { return false }
        let offset = cursor.source.recordOffset(at: start)
        guard let headerLength = HeaderBlock.length(in: peeked) else {
            if peeked.count < WARCArchive.headerLimit {
                reportCutOff(at: offset, "the file ends inside the record header")
                return false
            }
            report(at: offset, "the record header is over \(WARCArchive.headerLimit / 1024) KiB")
            return skipPast(start)
        }
        // The scan stops only where `WARC/` follows (after a record, or after skipping to it).
        let header = WARCHeader(peeked.prefix(headerLength))
        guard let length = header.contentLength else {
            report(at: offset, "the record has no valid Content-Length")
            cursor.consume(headerLength)
            return skipPast(start)
        }
        cursor.consume(headerLength)
        let outcome = self.outcome(header, blockLength: length, offset: offset)
        guard cursor.skip(length) == length else {
            reportCutOff(at: offset, "the record is cut off: its Content-Length of \(length) bytes runs past the end of the file")
            return false
        }
        switch outcome {
        case .entry(let entry): entries.append(entry)
        case .ignored: break
        case .problem(let message): report(at: offset, message)
        }
        cursor.skipLineBreaks()
        let next = cursor.peek(5)
        if next.isEmpty || next.elementsEqual("WARC/".utf8) { return true }
        report(at: offset, "no record follows where the record's Content-Length ends: skipped to the next line that starts one")
        return cursor.skipToNextRecord()
    }

    /// What indexing makes of a record whose content block is next.
    private enum Outcome {
        /// A capture or a revisit, to index.
        case entry(WARCIndexEntry)
        /// Not a capture: warcinfo, request, metadata, conversion, and Heritrix's `dns:` responses.
        case ignored
        /// A capture that cannot be used, and why.
        case problem(String)
    }

    private mutating func outcome(_ header: WARCHeader, blockLength: Int, offset: Int) -> Outcome {
        let type = header.type ?? ""
        guard type == "response" || type == "resource" || type == "revisit" else { return .ignored }
        let isHTTP = header.contentType.map { $0.lowercased().hasPrefix("application/http") } ?? true
        if type != "resource" && !isHTTP { return .ignored }
        guard let targetURI = header.targetURI, let date = header.date else {
            return .problem("the \(type) record has no WARC-Target-URI or no WARC-Date")
        }
        let blockStart = cursor.position
        if type == "resource" {
            guard blockLength <= WARCArchive.payloadLimit else { return Self.overLimit(blockLength) }
            let payload = PayloadLocation(start: cursor.source.point(at: blockStart), length: blockLength, chunked: false, contentCodings: [])
            let record = WARCRecord(
                targetURI: targetURI, date: date, status: 200, contentType: header.contentType, location: nil, offset: offset, payload: payload)
            return .entry(.capture(record, recordID: header.recordID, payloadDigest: header.payloadDigest))
        }
        let head: HTTPResponseHead
        do {
            head = try HTTPResponseHead(cursor.peek(min(blockLength, WARCArchive.headerLimit)), blockLength: blockLength, limit: WARCArchive.headerLimit)
        } catch {
            // A revisit's block may be empty, or hold only part of a head: its capture has one.
            if type == "revisit" { return .entry(.revisit(Revisit(header, targetURI: targetURI, date: date, offset: offset, head: nil))) }
            return .problem(error.message)
        }
        if type == "revisit" { return .entry(.revisit(Revisit(header, targetURI: targetURI, date: date, offset: offset, head: head))) }
        guard blockLength - head.length <= WARCArchive.payloadLimit else { return Self.overLimit(blockLength - head.length) }
        let payload = PayloadLocation(
            start: cursor.source.point(at: blockStart + head.length), length: blockLength - head.length, chunked: head.chunked,
            contentCodings: head.contentCodings)
        let record = WARCRecord(
            targetURI: targetURI, date: date, status: head.status, contentType: head.contentType, location: head.location, offset: offset,
            payload: payload)
        return .entry(.capture(record, recordID: header.recordID, payloadDigest: header.payloadDigest))
    }

    private static func overLimit(_ length: Int) -> Outcome {
        .problem("the payload is \(length) bytes, over the \(WARCArchive.payloadLimit / 1024 / 1024) MiB bound")
    }

    /// Passes over the rest of a record whose end is lost, to the next line that starts a record.
    private mutating func skipPast(_ start: Int) -> Bool {
        if cursor.position == start { cursor.consume(1) }
        return cursor.skipToNextRecord()
    }

    private mutating func report(at offset: Int, _ message: String) {
        problems.append(WARCError(path: path, offset: offset, message: message))
    }

    /// Reports a record the data ends inside, with why it ended early in a .warc.gz.
    private mutating func reportCutOff(at offset: Int, _ message: String) {
        let cause = cursor.source.failure.map { ": \($0.message)" } ?? ""
        failureReported = cursor.source.failure != nil
        report(at: offset, message + cause)
    }
}
