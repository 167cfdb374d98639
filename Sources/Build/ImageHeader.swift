import Foundation
import Rendering

/// Reads an image's pixel size from the first bytes of its file: PNG, GIF, JPEG, WebP, AVIF, and SVG
/// from its root element's `width`/`height` or `viewBox`. A few hundred bytes are enough for all
/// but JPEG, whose size sits in a frame header after its metadata segments: those are skipped by
/// their lengths, reading a few bytes at each, never the segments themselves (an EXIF block with
/// its thumbnail can be 60 KB).
enum ImageHeader {
    /// Bytes read first: a PNG, GIF or WebP header.
    static let prefixLength = 512
    /// Bytes of an SVG file searched for its root element: it may open with a long comment or a
    /// DOCTYPE before `<svg`.
    static let svgLimit = 4096

    /// The size of the image `read` gives the bytes of (`read(offset, count)` returns at most
    /// `count` bytes from `offset`, fewer at the end of the file); nil when it is no image we know
    /// or its header is damaged. Raster formats are known by their signatures; SVG, which has
    /// none, only when the file is named `.svg`.
    static func size(isSVG: Bool, read: (Int, Int) -> [UInt8]) -> ImageSize? {
        if isSVG { return svg(read(0, svgLimit)) }
        let head = read(0, prefixLength)
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return png(head) }
        if head.starts(with: Array("GIF8".utf8)) { return gif(head) }
        if head.starts(with: [0xFF, 0xD8]) { return jpeg(read: read) }
        if head.starts(with: Array("RIFF".utf8)), head.count >= 30, Array(head[8..<12]) == Array("WEBP".utf8) { return webp(head) }
        if head.count >= 16, Array(head[4..<8]) == Array("ftyp".utf8) { return avif(head: head, read: read) }
        return nil
    }

    /// Bytes of an AVIF file searched for its size: the `meta` box that holds it comes first.
    static let avifLimit = 8192

    /// AVIF (an ISO base media file whose `ftyp` box names the `avif` or `avis` brand): the first
    /// `ispe` (image spatial extents) property, the primary image's, holds width and height as
    /// big-endian words after its version and flags.
    private static func avif(head: [UInt8], read: (Int, Int) -> [UInt8]) -> ImageSize? {
        let boxLength = min(bigEndian(head, 0, 4), head.count)
        let brands = stride(from: 8, to: boxLength - 3, by: 4).map { String(decoding: head[$0..<$0 + 4], as: UTF8.self) }
        guard brands.contains("avif") || brands.contains("avis") else { return nil }
        let bytes = read(0, avifLimit)
        let marker = Array("ispe".utf8)
        guard bytes.count >= 16, let at = (4..<(bytes.count - 15)).first(where: { bytes[$0..<$0 + 4].elementsEqual(marker) }) else { return nil }
        return checked(bigEndian(bytes, at + 8, 4), bigEndian(bytes, at + 12, 4))
    }

    private static func bigEndian(_ bytes: [UInt8], _ at: Int, _ count: Int) -> Int {
        bytes[at..<at + count].reduce(0) { $0 << 8 | Int($1) }
    }

    private static func littleEndian(_ bytes: [UInt8], _ at: Int, _ count: Int) -> Int {
        bytes[at..<at + count].reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    private static func checked(_ width: Int, _ height: Int) -> ImageSize? {
        width > 0 && height > 0 ? ImageSize(width: width, height: height) : nil
    }

    /// PNG: the IHDR chunk comes first; width and height are its first two big-endian words.
    private static func png(_ head: [UInt8]) -> ImageSize? {
        guard head.count >= 24, Array(head[12..<16]) == Array("IHDR".utf8) else { return nil }
        return checked(bigEndian(head, 16, 4), bigEndian(head, 20, 4))
    }

    /// GIF: the logical screen's width and height, little-endian, after the signature.
    private static func gif(_ head: [UInt8]) -> ImageSize? {
        guard head.count >= 10 else { return nil }
        return checked(littleEndian(head, 6, 2), littleEndian(head, 8, 2))
    }

    /// WebP: lossy (VP8), lossless (VP8L) and extended (VP8X) files each keep the size their own way.
    private static func webp(_ head: [UInt8]) -> ImageSize? {
        switch String(decoding: head[12..<16], as: UTF8.self) {
        case "VP8 ":
            return checked(littleEndian(head, 26, 2) & 0x3FFF, littleEndian(head, 28, 2) & 0x3FFF)
        case "VP8L":
            let bits = littleEndian(head, 21, 4)
            return checked((bits & 0x3FFF) + 1, (bits >> 14 & 0x3FFF) + 1)
        case "VP8X":
            return checked(littleEndian(head, 24, 3) + 1, littleEndian(head, 27, 3) + 1)
        default:
            return nil
        }
    }

    /// JPEG: walks the segments from marker to marker until a start-of-frame (SOF0–SOF15 but
    /// DHT, JPG and DAC), whose header holds the height, then the width.
    private static func jpeg(read: (Int, Int) -> [UInt8]) -> ImageSize? {
        var offset = 2
        // A file has a few dozen segments at most; a loop without end is a damaged file.
        for _ in 0..<256 {
            let marker = read(offset, 9)
            guard marker.count >= 4, marker[0] == 0xFF else { return nil }
            let kind = marker[1]
            if kind == 0xFF {
                offset += 1  // fill byte
                continue
            }
            if (0xC0...0xCF).contains(kind), ![0xC4, 0xC8, 0xCC].contains(kind) {
                guard marker.count >= 9 else { return nil }
                return checked(bigEndian(marker, 7, 2), bigEndian(marker, 5, 2))
            }
            // Start of scan or end of image before any frame: no size.
            if kind == 0xDA || kind == 0xD9 { return nil }
            offset += 2 + bigEndian(marker, 2, 2)
        }
        return nil
    }

    /// SVG: the root element's `width` and `height` when both are plain numbers (`px` allowed),
    /// else the `viewBox`'s; a size in `%`, `em` or other units gives way to the `viewBox`.
    private static func svg(_ head: [UInt8]) -> ImageSize? {
        let text = String(decoding: head, as: UTF8.self)
        guard let start = text.range(of: "<svg"), let end = text[start.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = text[start.upperBound..<end]
        func attribute(_ name: String) -> String? {
            guard let match = tag.range(of: #"\s\#(name)\s*=\s*("[^"]*"|'[^']*')"#, options: .regularExpression) else { return nil }
            let value = tag[match].drop { $0 != "\"" && $0 != "'" }
            return String(value.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        }
        func pixels(_ value: String?) -> Int? {
            guard var value else { return nil }
            if value.hasSuffix("px") { value.removeLast(2) }
            return Double(value).map { Int($0.rounded()) }
        }
        if let width = pixels(attribute("width")), let height = pixels(attribute("height")) { return checked(width, height) }
        let box = attribute("viewBox")?.split { $0 == " " || $0 == "," }.compactMap { Double($0) } ?? []
        guard box.count == 4 else { return nil }
        return checked(Int(box[2].rounded()), Int(box[3].rounded()))
    }
}
