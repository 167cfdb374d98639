/// The named fields of a WARC record header that indexing uses (ISO 28500, section 5).
struct WARCHeader {
    /// WARC-Type, lower-cased: `response`, `resource`, `revisit`, `request`, `warcinfo`, …
    var type: String?
    /// WARC-Record-ID, as written (`<urn:uuid:…>`).
    var recordID: String?
    /// WARC-Date, as written.
    var date: String?
    /// WARC-Target-URI, without the `<>` that WARC 1.0's own example put around it and some
    /// writers copied.
    var targetURI: String?
    /// Content-Length: the length of the content block after the header.
    var contentLength: Int?
    /// The content block's Content-Type.
    var contentType: String?
    /// WARC-Payload-Digest, as written (`sha1:…`).
    var payloadDigest: String?
    /// WARC-Refers-To: the record ID a revisit repeats.
    var refersTo: String?
    /// WARC-Refers-To-Target-URI and WARC-Refers-To-Date (WARC 1.1): the capture a revisit repeats.
    var refersToTargetURI: String?
    /// See `refersToTargetURI`.
    var refersToDate: String?

    /// The header in `block` (up to its empty line), whose first line is `WARC/…`.
    init(_ block: ArraySlice<UInt8>) {
        let fields = HeaderBlock.parse(block, keeping: Self.names).fields
        type = fields["warc-type"]?.lowercased()
        recordID = fields["warc-record-id"]
        date = fields["warc-date"]
        targetURI = fields["warc-target-uri"].map(Self.withoutAngleBrackets)
        contentLength = fields["content-length"].flatMap(Self.length)
        contentType = fields["content-type"]
        payloadDigest = fields["warc-payload-digest"]
        refersTo = fields["warc-refers-to"]
        refersToTargetURI = fields["warc-refers-to-target-uri"].map(Self.withoutAngleBrackets)
        refersToDate = fields["warc-refers-to-date"]
    }

    /// The fields read.
    private static let names = ["warc-type", "warc-record-id", "warc-date", "warc-target-uri", "content-length", "content-type",
                                "warc-payload-digest", "warc-refers-to", "warc-refers-to-target-uri", "warc-refers-to-date"]

    private static func withoutAngleBrackets(_ uri: String) -> String {
        uri.hasPrefix("<") && uri.hasSuffix(">") && uri.count >= 2 ? String(uri.dropFirst().dropLast()) : uri
    }

    /// A length of decimal digits only (`Int` alone would take `+12`), small enough to be a file offset.
    private static func length(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 18, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int(text)
    }
}
