/// The status line and headers of an HTTP response, which a `response` record's content block
/// begins with: what indexing keeps of them, and how the body after them was sent.
struct HTTPResponseHead: Sendable {
    /// Why a content block does not begin with an HTTP response head.
    struct Malformed: Error {
        /// A one-line explanation.
        var message: String
    }

    /// The status code.
    var status: Int
    /// The Content-Type header, with its parameters.
    var contentType: String?
    /// The Location header, as written.
    var location: String?
    /// True when the body was sent with `Transfer-Encoding: chunked`.
    var chunked: Bool
    /// The Content-Encoding codings in the order they were applied, lower-cased, without `identity`.
    var contentCodings: [String]
    /// The length of the head, up to and including its empty line.
    var length: Int

    /// Reads the head at the start of a content block of `blockLength` bytes, from the block's
    /// first `bytes` (at most `limit` of them). A head with no empty line after it is the whole
    /// block when the block is that short (a response with no body).
    init(_ bytes: ArraySlice<UInt8>, blockLength: Int, limit: Int) throws(Malformed) {
        guard let length = HeaderBlock.length(in: bytes) ?? (bytes.count == blockLength ? blockLength : nil) else {
            throw Malformed(message: "the HTTP header is over \(limit / 1024) KiB")
        }
        let (statusLine, fields) = HeaderBlock.parse(bytes.prefix(length), keeping: Self.names)
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), parts[1].utf8.count == 3,
              parts[1].utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let status = Int(parts[1]), status >= 100
        else {
            throw Malformed(message: "the response has no HTTP status line (it begins \"\(statusLine.prefix(60))\")")
        }
        self.status = status
        self.length = length
        contentType = fields["content-type"]
        location = fields["location"]
        chunked = Self.codings(fields["transfer-encoding"]).last == "chunked"
        contentCodings = Self.codings(fields["content-encoding"]).filter { $0 != "identity" }
    }

    /// The headers read.
    private static let names = ["content-type", "location", "transfer-encoding", "content-encoding"]

    private static func codings(_ header: String?) -> [String] {
        (header ?? "").split(separator: ",").map { String($0).whitespaceTrimmed.lowercased() }.filter { !$0.isEmpty }
    }
}
