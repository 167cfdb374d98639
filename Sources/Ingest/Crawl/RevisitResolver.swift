/// A record as the scan of a WARC file found it, before revisits are resolved.
enum WARCIndexEntry {
    /// A response or resource record, with what a revisit may name it by.
    case capture(WARCRecord, recordID: String?, payloadDigest: String?)
    /// A revisit record.
    case revisit(Revisit)
}

/// A revisit record: a later capture whose payload is the same as an earlier one's, stored once.
struct Revisit {
    /// WARC-Target-URI, WARC-Date, and the record's offset.
    var targetURI: String
    /// See `targetURI`.
    var date: String
    /// See `targetURI`.
    var offset: Int
    /// What it may itself be named by, for a revisit of a revisit.
    var recordID: String?
    /// What it refers to, as `WARCHeader` has them.
    var refersTo: String?
    /// See `refersTo`.
    var refersToTargetURI: String?
    /// See `refersTo`.
    var refersToDate: String?
    /// See `refersTo`.
    var payloadDigest: String?
    /// Its own response's head, when its block has one.
    var head: HTTPResponseHead?

    /// The revisit with `header`, found at `offset`.
    init(_ header: WARCHeader, targetURI: String, date: String, offset: Int, head: HTTPResponseHead?) {
        self.targetURI = targetURI
        self.date = date
        self.offset = offset
        recordID = header.recordID
        refersTo = header.refersTo
        refersToTargetURI = header.refersToTargetURI
        refersToDate = header.refersToDate
        payloadDigest = header.payloadDigest
        self.head = head
    }
}

/// Revisit records resolved to the payload of the capture they repeat: by WARC-Refers-To (the
/// record ID), else by WARC-Refers-To-Target-URI and WARC-Refers-To-Date, else by
/// WARC-Payload-Digest (wget writes only that).
enum RevisitResolver {
    /// The records in file order, each revisit resolved or, when what it repeats is not in the
    /// file (an earlier WARC of the same crawl), left out with a problem.
    static func resolve(_ entries: [WARCIndexEntry], path: String) -> (records: [WARCRecord], problems: [WARCError]) {
        // Only the records some revisit names are kept by name: a crawl's WARC holds tens of
        // thousands of captures and a few revisits, and indexing every capture three ways was a
        // tenth of a second on one core.
        let revisits = entries.compactMap { entry -> Revisit? in if case .revisit(let revisit) = entry { revisit } else { nil } }
        let wantedIDs = Set(revisits.compactMap(\.refersTo))
        let wantedURIs = Set(revisits.compactMap(\.refersToTargetURI))
        let wantedDigests = Set(revisits.compactMap(\.payloadDigest))
        var byID: [String: WARCRecord] = [:]
        var byCapture: [String: WARCRecord] = [:]
        var byDigest: [String: WARCRecord] = [:]
        func register(_ record: WARCRecord, id: String?) {
            if let id, wantedIDs.contains(id), byID[id] == nil { byID[id] = record }
            if wantedURIs.contains(record.targetURI) {
                byCapture[key(record.targetURI, record.date)] = byCapture[key(record.targetURI, record.date)] ?? record
            }
        }
        for case .capture(let record, let id, let digest) in entries where !revisits.isEmpty {
            register(record, id: id)
            if let digest, wantedDigests.contains(digest), byDigest[digest] == nil { byDigest[digest] = record }
        }
        var records: [WARCRecord] = []
        var problems: [WARCError] = []
        for entry in entries {
            switch entry {
            case .capture(let record, _, _):
                records.append(record)
            case .revisit(let revisit):
                let original = revisit.refersTo.flatMap { byID[$0] }
                    ?? revisit.refersToTargetURI.flatMap { uri in revisit.refersToDate.flatMap { byCapture[key(uri, $0)] } }
                    ?? revisit.payloadDigest.flatMap { byDigest[$0] }
                guard var record = original else {
                    problems.append(WARCError(path: path, offset: revisit.offset, message: "the revisit of \(revisit.targetURI) repeats a record that is not in this file"))
                    continue
                }
                record.targetURI = revisit.targetURI
                record.date = revisit.date
                record.offset = revisit.offset
                // A 304 (the server-not-modified profile) says only that the capture is unchanged.
                if let head = revisit.head, head.status != 304 {
                    record.status = head.status
                    record.contentType = head.contentType
                    record.location = head.location
                }
                register(record, id: revisit.recordID)
                records.append(record)
            }
        }
        return (records, problems)
    }

    private static func key(_ uri: String, _ date: String) -> String { uri + "\u{0}" + date }
}
