/// The path of a request, decoded once and checked before it comes near the file system: every
/// segment is a plain name (no `.`, `..`, slash, backslash or NUL, whether written as such or
/// percent-encoded), so joining the segments below the served folder cannot leave it. A path that
/// fails a check is not served at all (404), whatever file it might have named.
struct RequestPath {
    /// The decoded segments, in order; empty for the root.
    let segments: [String]
    /// Whether the path ends in `/` (a folder is asked for).
    let endsInSlash: Bool
    /// The path as the client wrote it, without query or fragment: redirects append to it, so
    /// what was encoded stays encoded.
    let raw: Substring
    /// The query, with its `?`, or empty: kept on redirects.
    let query: Substring

    /// Longest path accepted, in bytes as sent: no page of a site comes near it, and a longer
    /// one is an attack or a mistake.
    static let maximumLength = 2048
    /// Longest segment accepted, in decoded bytes: the longest file name Linux allows (NAME_MAX).
    static let maximumSegmentLength = 255

    /// Reads the path of a request target (`/a/b%20c/?q`); nil when it must not be served.
    init?(target: String) {
        let path = target.prefix { $0 != "?" && $0 != "#" }
        query = target[path.endIndex...].prefix { $0 != "#" }
        guard path.utf8.first == UInt8(ascii: "/"), path.utf8.count <= Self.maximumLength else { return nil }
        var segments: [String] = []
        // Split before decoding: `%2F` is a character of a name, never a separator, and a name
        // holding one is refused below.
        for part in path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            guard let segment = Self.decode(part) else { return nil }
            segments.append(segment)
        }
        self.segments = segments
        endsInSlash = path.utf8.last == UInt8(ascii: "/")
        raw = path
    }

    /// Decodes one segment, once: a doubled encoding (`%252e`) stays `%2e`, a name and not a dot.
    private static func decode(_ encoded: Substring.UTF8View.SubSequence) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.count)
        var index = encoded.startIndex
        while index < encoded.endIndex {
            var byte = encoded[index]
            if byte == UInt8(ascii: "%") {
                let high = encoded.index(after: index)
                guard high < encoded.endIndex, encoded.index(after: high) < encoded.endIndex,
                      let h = hexValue(encoded[high]), let l = hexValue(encoded[encoded.index(after: high)]) else { return nil }
                byte = h << 4 | l
                index = encoded.index(index, offsetBy: 3)
            } else {
                index = encoded.index(after: index)
            }
            // NUL ends a C path early; a backslash is a separator to some tools; a slash would
            // join two names into a path.
            guard byte != 0, byte != UInt8(ascii: "\\"), byte != UInt8(ascii: "/") else { return nil }
            bytes.append(byte)
        }
        guard bytes.count <= maximumSegmentLength, bytes != [UInt8(ascii: ".")], bytes != [UInt8(ascii: "."), UInt8(ascii: ".")],
              let segment = String(validating: bytes, as: UTF8.self) else { return nil }
        return segment
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
