import Crypto
import Foundation

/// Writes WARC files (ISO 28500) for tests, laid out as wget `--warc-file` and warcio write them: a
/// warcinfo record, then responses, resources, revisits and requests, as a plain .warc, a .warc.gz
/// with one gzip member per record, or a .warc.gz that is one gzip stream of all records. Record
/// IDs are numbered, so the same calls give the same bytes.
public struct WARCWriter {
    /// The version line of every record.
    public enum Version: String, Sendable {
        /// `WARC/1.0`.
        case warc10 = "WARC/1.0"
        /// `WARC/1.1`.
        case warc11 = "WARC/1.1"
    }

    /// How the file is compressed.
    public enum Compression: Sendable {
        /// A plain .warc.
        case none
        /// A .warc.gz with one gzip member per record.
        case gzipPerRecord
        /// A .warc.gz that is one gzip stream of all records.
        case gzipSingleStream
    }

    /// A record written, for a revisit to point at and a test to find.
    public struct Written: Sendable {
        /// WARC-Record-ID.
        public var recordID: String
        /// WARC-Target-URI, or "" for a record without one.
        public var targetURI: String
        /// WARC-Date.
        public var date: String
        /// WARC-Payload-Digest, for a response or resource.
        public var payloadDigest: String?
        /// Where the record starts: its gzip member's offset, or, in one gzip stream, its offset
        /// in the inflated data.
        public var offset: Int

        /// A record as written, or as written in another file (for a revisit that points there).
        public init(recordID: String, targetURI: String, date: String, payloadDigest: String?, offset: Int) {
            self.recordID = recordID
            self.targetURI = targetURI
            self.date = date
            self.payloadDigest = payloadDigest
            self.offset = offset
        }
    }

    /// The version line of every record.
    public let version: Version
    /// How the file is compressed.
    public let compression: Compression
    /// The file so far; for one gzip stream, the records not yet compressed.
    private var written: [UInt8] = []
    private var recordCount = 0

    /// An empty file.
    public init(version: Version = .warc11, compression: Compression = .none) {
        self.version = version
        self.compression = compression
    }

    /// The file.
    public var bytes: [UInt8] { compression == .gzipSingleStream ? Gzip.compress(written) : written }

    /// Writes the file to `path`.
    public func write(to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// A warcinfo record, as crawlers begin a file with.
    @discardableResult
    public mutating func warcinfo(date: String = "2024-05-01T00:00:00Z") -> Written {
        let fields = "software: Broadsheet WARCWriter\r\nformat: WARC File Format \(version == .warc10 ? "1.0" : "1.1")\r\n"
        return record(type: "warcinfo", uri: nil, date: date, fields: [("Content-Type", "application/warc-fields")], block: Array(fields.utf8))
    }

    /// A response record: an HTTP/1.1 status line, `headers`, then `body`, gzip-compressed with
    /// `Content-Encoding: gzip` when `gzipEncoded`, and sent in chunks when `chunked`.
    @discardableResult
    public mutating func response(uri: String, date: String, status: Int = 200, reason: String = "OK",
                                  headers: [(String, String)] = [("Content-Type", "text/html; charset=utf-8")],
                                  body: [UInt8], chunked: Bool = false, gzipEncoded: Bool = false) -> Written {
        let entity = gzipEncoded ? Gzip.compress(body) : body
        var head = "HTTP/1.1 \(status) \(reason)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if gzipEncoded { head += "Content-Encoding: gzip\r\n" }
        head += chunked ? "Transfer-Encoding: chunked\r\n\r\n" : "Content-Length: \(entity.count)\r\n\r\n"
        let sent = chunked ? Self.chunks(entity) : entity
        // Over the body as stored, chunks and all, as warcio, wget and Heritrix compute it.
        let digest = Self.digest(sent)
        var written = record(
            type: "response", uri: uri, date: date,
            fields: [("Content-Type", "application/http;msgtype=response"), ("WARC-Payload-Digest", digest)],
            block: Array(head.utf8) + sent)
        written.payloadDigest = digest
        return written
    }

    /// A resource record: `body` as it was found, with no HTTP around it.
    @discardableResult
    public mutating func resource(uri: String, date: String, contentType: String, body: [UInt8]) -> Written {
        let digest = Self.digest(body)
        var written = record(type: "resource", uri: uri, date: date, fields: [("Content-Type", contentType), ("WARC-Payload-Digest", digest)], block: body)
        written.payloadDigest = digest
        return written
    }

    /// A resource record of `count` copies of `byte`, compressed as it is made: in a .warc.gz, a
    /// gzip bomb of a few kilobytes when `count` is large.
    public mutating func resource(uri: String, date: String, contentType: String, repeating byte: UInt8, count: Int) {
        let megabyte = [UInt8](repeating: byte, count: 1 << 20)
        let block = Array(repeating: megabyte, count: count >> 20) + [[UInt8](repeating: byte, count: count & ((1 << 20) - 1))]
        append(type: "resource", uri: uri, date: date, fields: [("Content-Type", contentType)], block: block, contentLength: count)
    }

    /// A revisit record of the identical-payload-digest profile repeating `original`: an HTTP head
    /// and no body. It names the original by WARC-Refers-To-Target-URI and WARC-Refers-To-Date
    /// when `refersToCapture`, and always by WARC-Payload-Digest (all that wget writes).
    @discardableResult
    public mutating func revisit(uri: String, date: String, of original: Written, status: Int = 200,
                                 headers: [(String, String)] = [("Content-Type", "text/html; charset=utf-8")],
                                 refersToCapture: Bool = true) -> Written {
        var head = "HTTP/1.1 \(status) OK\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        let profile = version == .warc10 ? "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest"
            : "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"
        var fields = [("Content-Type", "application/http;msgtype=response"), ("WARC-Profile", profile)]
        if refersToCapture { fields += [("WARC-Refers-To-Target-URI", original.targetURI), ("WARC-Refers-To-Date", original.date)] }
        fields.append(("WARC-Payload-Digest", original.payloadDigest ?? ""))
        return record(type: "revisit", uri: uri, date: date, fields: fields, block: Array(head.utf8))
    }

    /// A request record, as crawlers write one before each response.
    @discardableResult
    public mutating func request(uri: String, date: String) -> Written {
        let host = URL(string: uri)?.host ?? ""
        let request = "GET \(URL(string: uri)?.path ?? "/") HTTP/1.1\r\nHost: \(host)\r\nUser-Agent: Broadsheet tests\r\n\r\n"
        return record(type: "request", uri: uri, date: date, fields: [("Content-Type", "application/http;msgtype=request")], block: Array(request.utf8))
    }

    /// Any record: `fields` after WARC-Type, WARC-Record-ID, WARC-Date and WARC-Target-URI, then
    /// Content-Length (`block`'s, unless `contentLength` says otherwise, to write a broken record).
    @discardableResult
    public mutating func record(type: String, uri: String?, date: String, fields: [(String, String)], block: [UInt8],
                                contentLength: Int? = nil) -> Written {
        append(type: type, uri: uri, date: date, fields: fields, block: [block], contentLength: contentLength ?? block.count)
    }

    @discardableResult
    private mutating func append(type: String, uri: String?, date: String, fields: [(String, String)], block: [[UInt8]],
                                 contentLength: Int) -> Written {
        recordCount += 1
        let serial = String(recordCount)
        let id = "<urn:uuid:00000000-0000-4000-8000-\(String(repeating: "0", count: max(0, 12 - serial.count)) + serial)>"
        var header = "\(version.rawValue)\r\nWARC-Type: \(type)\r\nWARC-Record-ID: \(id)\r\nWARC-Date: \(date)\r\n"
        if let uri { header += "WARC-Target-URI: \(uri)\r\n" }
        for (name, value) in fields { header += "\(name): \(value)\r\n" }
        header += "Content-Length: \(contentLength)\r\n\r\n"
        let record = [Array(header.utf8)] + block + [Array("\r\n\r\n".utf8)]
        let offset = written.count
        written += compression == .gzipPerRecord ? Gzip.compress(chunks: record) : record.flatMap { $0 }
        return Written(recordID: id, targetURI: uri ?? "", date: date, payloadDigest: nil, offset: offset)
    }

    /// `body` in chunks of up to 1,000 bytes (the first with a chunk extension), then the last chunk.
    private static func chunks(_ body: [UInt8]) -> [UInt8] {
        var sent: [UInt8] = []
        var start = 0
        while start < body.count {
            let end = min(body.count, start + 1000)
            sent += Array((String(end - start, radix: 16) + (start == 0 ? ";name=value" : "") + "\r\n").utf8) + body[start..<end] + Array("\r\n".utf8)
            start = end
        }
        return sent + Array("0\r\n\r\n".utf8)
    }

    /// `sha1:` and the SHA-1 of `bytes` in base 32 (RFC 4648), as WARC-Payload-Digest is written.
    static func digest(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var text = "sha1:"
        var buffer = 0
        var bits = 0
        for byte in Insecure.SHA1.hash(data: bytes) {
            buffer = (buffer << 8 | Int(byte)) & 0xFFF
            bits += 8
            while bits >= 5 {
                text.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        return text
    }
}
