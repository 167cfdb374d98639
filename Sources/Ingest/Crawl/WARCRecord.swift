/// One capture of a URL in a WARC file: a `response` record (HTTP status and headers parsed), a
/// `resource` record (status 200), or a `revisit` record resolved to the payload of the record it
/// points to (by WARC-Refers-To, by WARC-Refers-To-Target-URI and WARC-Refers-To-Date, or by
/// WARC-Payload-Digest). Its payload is read with `WARCArchive.payload(of:)`.
public struct WARCRecord: Sendable {
    /// WARC-Target-URI, with `<>` stripped if a writer added them.
    public var targetURI: String
    /// WARC-Date as written (ISO 8601 UTC), to keep the newest capture of a URL.
    public var date: String
    /// The HTTP status; 200 for a resource record. A revisit has its own response's status,
    /// unless that is a 304 (the server-not-modified profile), which has the original's.
    public var status: Int
    /// The HTTP Content-Type header (with its charset parameter); for a resource record, the
    /// record's Content-Type.
    public var contentType: String?
    /// The HTTP Location header of a redirect, as written.
    public var location: String?
    /// Where the record starts in the file (its gzip member's offset in a .warc.gz), for messages;
    /// in a .warc.gz that is one gzip stream of many records, where it starts in the inflated data.
    public var offset: Int
    /// Where the payload is, and how it was sent.
    var payload: PayloadLocation
}

/// Where a record's HTTP entity body is in the WARC file, and the encodings to undo to read it.
struct PayloadLocation: Sendable {
    /// The body's first byte, as the server sent it.
    var start: StreamPoint
    /// The body's length, as the server sent it.
    var length: Int
    /// True when it was sent with `Transfer-Encoding: chunked`.
    var chunked: Bool
    /// Its Content-Encoding codings, in the order they were applied.
    var contentCodings: [String]
}
