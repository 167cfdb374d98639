import Foundation
import Hummingbird
import Infrastructure
#if canImport(Glibc)
import Glibc
#endif

/// One file of the site as the browser gets it: its bytes (a page with the reload script added),
/// its type and validators, answered in full, in part (`Range`) or as "not modified".
///
/// Every response says `Cache-Control: no-cache`: the browser may keep a copy but asks each time
/// whether it is still good, so a rebuilt page is never shown stale, and an unchanged one costs a
/// 304.
struct FileResponse {
    /// What is sent: the file's bytes, with the reload script when it is a page.
    let bytes: [UInt8]
    /// The `Content-Type`.
    let contentType: String
    /// A strong validator: the file's inode, size and modification time. A build replaces a file
    /// it changes (a rename, so a new inode), and leaves an unchanged one as it was.
    let etag: String
    /// Seconds since 1970.
    let modified: Int

    /// Reads the file at a real path (from `ServedFolder`); `sitePaths` name the page for live
    /// reload. Nil when it cannot be read (a build replaced it since the lookup, for one).
    init?(path: String, sitePaths: [String]) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            guard count > 0 else { break }
            filled += count
        }
        // A file that shrank while it was read is sent as it was read.
        bytes.removeLast(bytes.count - filled)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        contentType = ContentType.of(name)
        self.bytes = ContentType.isHTML(contentType) ? ReloadScript.inject(into: bytes, sitePaths: sitePaths) : bytes
        let nanoseconds = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        etag = "\"\(String(info.st_ino, radix: 16))-\(String(filled, radix: 16))-\(String(nanoseconds, radix: 16))\""
        modified = Int(info.st_mtim.tv_sec)
    }

    /// A page made by the server itself (the script, a 404 page for a site without one).
    init(bytes: [UInt8], contentType: String) {
        self.bytes = bytes
        self.contentType = contentType
        etag = "\"\(String(ContentHash.of(bytes), radix: 16))\""
        modified = 0
    }

    /// The response to `request`: 304 when the browser's copy is current, 206 or 416 for a
    /// range, else `status` with the whole file. A HEAD request gets the same headers, no body.
    func response(to request: Request, status: HTTPResponse.Status = .ok) -> Response {
        var headers: HTTPFields = [.contentType: contentType, .eTag: etag, .cacheControl: "no-cache", .acceptRanges: "bytes"]
        if modified > 0 { headers[.lastModified] = HTTPDate.format(modified) }
        guard status == .ok else { return Self.response(status, headers, bytes[...], request) }
        if isCurrent(request) {
            headers[.contentType] = nil
            headers[.acceptRanges] = nil
            return Response(status: .notModified, headers: headers)
        }
        // An `If-Range` naming another version asks for the whole file rather than a part of it.
        let sameVersion = request.headers[.ifRange].map { $0 == etag || $0 == HTTPDate.format(modified) } ?? true
        switch ByteRange(header: sameVersion ? request.headers[.range] : nil, size: bytes.count) {
        case .whole:
            return Self.response(.ok, headers, bytes[...], request)
        case .part(let range):
            headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound)/\(bytes.count)"
            return Self.response(.partialContent, headers, bytes[range], request)
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(bytes.count)"
            return Self.response(.rangeNotSatisfiable, headers, [][...], request)
        }
    }

    /// Whether the browser's copy is this file: `If-None-Match` decides when sent, else
    /// `If-Modified-Since` (RFC 9110 §13.2.2).
    private func isCurrent(_ request: Request) -> Bool {
        if let tags = request.headers[.ifNoneMatch] {
            // Weak comparison: `W/"x"` matches `"x"`.
            return tags.split(separator: ",").contains { tag in
                let tag = tag.trimmingCharacters(in: .whitespaces)
                return tag == "*" || (tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag) == etag
            }
        }
        guard modified > 0, let text = request.headers[.ifModifiedSince], let since = HTTPDate.parse(text) else { return false }
        return modified <= since
    }

    private static func response(_ status: HTTPResponse.Status, _ headers: HTTPFields, _ body: ArraySlice<UInt8>, _ request: Request) -> Response {
        var headers = headers
        headers[.contentLength] = String(body.count)
        guard request.method != .head else { return Response(status: status, headers: headers) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
