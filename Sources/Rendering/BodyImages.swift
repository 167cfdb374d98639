#if canImport(Glibc)
import Glibc
#endif

/// Gives an article body's `<img>` tags what keeps the page from shifting and loading more than
/// it shows: `width` and `height` from the file's header when the image is a file of the site
/// (the browser reserves its box before the bytes arrive), with `srcset` and `sizes` when the
/// build writes resized copies of it (see `ImageVariants`), `loading="lazy"` from the second image
/// on (the first is usually in view when the page opens), and `decoding="async"`. Attributes the
/// body already has are left as written.
///
/// Runs once per article page on the build's hot path: it scans UTF-8 bytes and copies the body
/// only when it has an image. Bodies come from cmark-gfm or the sanitizer, which write every
/// attribute value in double quotes, so quotes are all the tag scan has to know.
enum BodyImages {
    /// The `sizes` of a body image: the default theme shows the body at most 680 px wide
    /// (`--measure`), and the full width of a narrower window.
    static let bodySizes = "(min-width: 712px) 680px, 100vw"

    /// `html` with its images' attributes completed; `routes` says which URLs are the site's own,
    /// `sizes` and `variants` give their files' sizes and resized copies.
    /// The body is UTF-8 bytes, as a page writes it: never made a `String`, which would check every
    /// byte again (that check was the largest cost of an image-rich body).
    static func annotate(_ bytes: [UInt8], routes: Routes, sizes: ImageSize.Lookup, variants: ImageVariants.Lookup = { _ in [] }) -> [UInt8] {
        guard var index = nextImage(in: bytes, from: 0) else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 256)
        var copied = 0
        var seen = 0
        while let start = nextImage(in: bytes, from: index) {
            guard let end = tagEnd(in: bytes, from: start) else { break }
            // Before `/>` in a self-closed tag, else before `>`.
            let insertAt = bytes[end - 1] == UInt8(ascii: "/") ? end - 1 : end
            let tag = bytes[start..<end]
            var added = ""
            if !has("width", in: tag), !has("height", in: tag), let source = value(of: "src", in: tag),
               let path = routes.outputPath(ofURL: source.replacing("&amp;", with: "&")), let size = sizes(path) {
                added += " width=\"\(size.width)\" height=\"\(size.height)\""
                // Only where the body gave no size of its own: an image written smaller than the
                // measure would be offered copies for a width it is not shown at.
                if !has("srcset", in: tag), !has("sizes", in: tag), !source.contains(" "),
                   let srcset = ImageVariants.srcset(url: source, ownWidth: size.width, widths: variants(path)) {
                    added += " srcset=\"\(srcset)\" sizes=\"\(bodySizes)\""
                }
            }
            if seen > 0, !has("loading", in: tag) { added += " loading=\"lazy\"" }
            if !has("decoding", in: tag) { added += " decoding=\"async\"" }
            // Trailing spaces before the insertion point are dropped, so `<img src="a" />` stays tidy.
            var cut = insertAt
            while cut > start, bytes[cut - 1] == UInt8(ascii: " ") { cut -= 1 }
            output += bytes[copied..<cut]
            output += added.utf8
            if insertAt != end { output += " /".utf8 }
            copied = end
            seen += 1
            index = end
        }
        output += bytes[copied...]
        return output
    }

    /// The offset of the next `<img` tag's `<` (`<img` followed by a space, `/` or `>`).
    private static func nextImage(in bytes: [UInt8], from offset: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            var index = offset
            // From `<` to `<` with `memchr`: a body is mostly text.
            while index + 4 < buffer.count, let hit = memchr(base + index, Int32(UInt8(ascii: "<")), buffer.count - 4 - index) {
                index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if buffer[index + 1] | 0x20 == UInt8(ascii: "i"), buffer[index + 2] | 0x20 == UInt8(ascii: "m"),
                   buffer[index + 3] | 0x20 == UInt8(ascii: "g") {
                    switch buffer[index + 4] {
                    case UInt8(ascii: " "), UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "\n"): return index
                    default: break
                    }
                }
                index += 1
            }
            return nil
        }
    }

    /// The offset of the `>` closing the tag opened at `start`, outside quoted values.
    private static func tagEnd(in bytes: [UInt8], from start: Int) -> Int? {
        var quoted = false
        for index in start..<bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""): quoted.toggle()
            case UInt8(ascii: ">") where !quoted: return index
            default: continue
            }
        }
        return nil
    }

    /// Where attribute `name` starts in `tag` (just after its `name=`), or nil.
    private static func attributeStart(_ name: String, in tag: ArraySlice<UInt8>) -> Int? {
        let pattern = Array(" \(name)=".utf8)
        var quoted = false
        var index = tag.startIndex
        while index + pattern.count <= tag.endIndex {
            if tag[index] == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted, tag[index..<index + pattern.count].elementsEqual(pattern) { return index + pattern.count }
            index += 1
        }
        return nil
    }

    private static func has(_ name: String, in tag: ArraySlice<UInt8>) -> Bool {
        attributeStart(name, in: tag) != nil
    }

    /// The value of a double-quoted attribute, as written (entities not decoded).
    private static func value(of name: String, in tag: ArraySlice<UInt8>) -> String? {
        guard let start = attributeStart(name, in: tag), start < tag.endIndex, tag[start] == UInt8(ascii: "\"") else { return nil }
        guard let end = tag[(start + 1)...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return String(decoding: tag[(start + 1)..<end], as: UTF8.self)
    }
}
