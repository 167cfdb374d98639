/// The resized copies of a content image that the build writes beside it (`a/b.jpg` →
/// `a/b-480w.jpg`, `a/b-800w.jpg`, …), and the `srcset` that offers them: a phone showing a card
/// 110 px wide then loads a few dozen KB, not the 1,600-px original.
public enum ImageVariants {
    /// The widths made, each only for images wider than it: a copy is never larger than its source.
    public static let widths = [480, 800, 1200]

    /// The widths of the copies written for the image at an output path; empty when it has none
    /// (it is narrow, no raster of the site, or crawled). Rendering reads no file: the build hands
    /// it a lookup that knows.
    public typealias Lookup = @Sendable (_ outputPath: String) -> [Int]

    /// The widths of the copies an image `width` pixels wide gets.
    public static func widths(below width: Int) -> [Int] {
        widths.filter { $0 < width }
    }

    /// The path (or URL) of the copy `width` pixels wide: the width goes before the extension.
    /// Nil when the last segment has no extension, or the URL a query or fragment.
    public static func path(_ path: String, width: Int) -> String? {
        guard !path.contains("?"), !path.contains("#"), let dot = path.lastIndex(of: "."),
              !path[dot...].contains("/"), path[..<dot].last != "/" else { return nil }
        return "\(path[..<dot])-\(width)w\(path[dot...])"
    }

    /// The `srcset` of the image at `url`, `ownWidth` pixels wide, with copies `widths` wide:
    /// each copy, then the original at its own width. Nil when there are no copies.
    public static func srcset(url: String, ownWidth: Int, widths: [Int]) -> String? {
        let copies = widths.compactMap { width in path(url, width: width).map { "\($0) \(width)w" } }
        guard !copies.isEmpty else { return nil }
        return (copies + ["\(url) \(ownWidth)w"]).joined(separator: ", ")
    }
}
