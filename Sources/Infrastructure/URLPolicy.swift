import Foundation

/// The one rule for URLs that reach the output from content — links, images, `srcset`, canonical
/// and OpenGraph addresses, embeds: what a reader's browser could be made to run is never kept.
///
/// Kept: `http`, `https`, `mailto`, `tel` and relative URLs; `data:` only for raster images. Before
/// the scheme is read, character references (`&#x09;`, `&colon;`, `&Tab;`) are decoded and white
/// space and control characters dropped, as browsers do (`JaVa&#x09;Script:` is `javascript:`).
public enum URLPolicy {
    /// The embed hosts whose players are kept in articles, matched exactly on the parsed host
    /// (never by substring: `www.youtube.com.evil.example` is another host).
    public static let embedHosts: Set<String> = [
        "youtube.com", "www.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com", "player.vimeo.com",
    ]

    /// `raw` trimmed, when its scheme is allowed (a `data:` URL only when `image` and a raster image
    /// type); nil when it must not be kept.
    public static func allowed(_ raw: String, image: Bool = false) -> String? {
        let value = trimmed(raw)
        guard !value.isEmpty else { return nil }
        guard let scheme = scheme(of: value) else { return value }
        switch scheme {
        case "http", "https", "mailto", "tel": return value
        case "data": return image && isRasterData(value) ? value : nil
        default: return nil
        }
    }

    /// Whether an `<iframe src>` is a video player of an allowed host, over http(s) or
    /// scheme-relative, with no user name to disguise the host.
    public static func isAllowedEmbed(_ raw: String) -> Bool {
        guard let value = allowed(raw) else { return false }
        let absolute = value.hasPrefix("//") ? "https:" + value : value
        guard let components = URLComponents(string: absolute), let scheme = components.scheme?.lowercased(),
              scheme == "https" || scheme == "http", components.user == nil, components.password == nil,
              let host = components.host?.lowercased() else { return false }
        return embedHosts.contains(host)
    }

    /// `raw` without the white space and control characters browsers strip around a URL (and
    /// no-break spaces, which pages put there too).
    static func trimmed(_ raw: String) -> String {
        let scalars = raw.unicodeScalars
        let isSpace = { (scalar: Unicode.Scalar) in scalar.value <= 0x20 || scalar.value == 0x7F || scalar.value == 0xA0 }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return raw }
        return String(scalars[first...last])
    }

    /// The URL's scheme in lower case, read as a browser reads it; nil for a relative URL.
    ///
    /// Bytes, not `Character`s: the sanitizer asks this of every link and image of every page.
    public static func scheme(of value: String) -> String? {
        // Most URLs of a site are relative paths: no `:` (nor `&` that could hide one) before the
        // path starts, and no bytes copied to find that out.
        for byte in value.utf8 {
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { return nil }
            if byte == UInt8(ascii: ":") || byte == UInt8(ascii: "&") { break }
        }
        var letters: [UInt8] = []
        let bytes = Array(value.utf8.prefix(while: { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") }))
        var index = 0
        while index < bytes.count {
            var byte = bytes[index]
            var length = 1
            if byte == UInt8(ascii: "&"), let (decoded, consumed) = characterReference(bytes, at: index) {
                byte = decoded
                length = consumed
            }
            index += length
            switch byte {
            case 0...0x20, 0x7F: continue
            case UInt8(ascii: ":"): return letters.isEmpty ? nil : String(decoding: letters, as: UTF8.self)
            case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"): return nil
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): letters.append(byte + 32)
            default: letters.append(byte)
            }
        }
        return nil
    }

    /// An ASCII character reference at `index` (`&#58;`, `&#x3a;`, `&colon;`, `&Tab;`, `&NewLine;`)
    /// and its length; nil when there is none there. Only ASCII matters to a scheme.
    private static func characterReference(_ bytes: [UInt8], at index: Int) -> (UInt8, Int)? {
        guard let end = bytes[index...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else { return nil }
        let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
        let value: UInt32?
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            value = UInt32(name.dropFirst(2), radix: 16)
        } else if name.hasPrefix("#") {
            value = UInt32(name.dropFirst())
        } else {
            value = ["colon": 0x3A, "tab": 0x09, "newline": 0x0A, "sol": 0x2F, "quest": 0x3F, "num": 0x23][name.lowercased()]
        }
        guard let value, value < 0x80 else { return nil }
        return (UInt8(value), end - index + 1)
    }

    private static let rasterTypes = ["data:image/png", "data:image/jpeg", "data:image/jpg", "data:image/gif",
                                      "data:image/webp", "data:image/avif"]

    private static func isRasterData(_ value: String) -> Bool {
        let lower = value.lowercased()
        return rasterTypes.contains { lower.hasPrefix($0) }
    }
}
