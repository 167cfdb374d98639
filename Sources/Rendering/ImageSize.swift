/// The size in CSS pixels an image file declares in its header, so pages can give `<img>` its
/// `width` and `height` and the browser keeps its place before the file arrives (no layout shift).
public struct ImageSize: Sendable, Hashable {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int

    /// A size; both sides are positive.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Looks up the size of a file of the site by its output path (`images/a.png`), nil when the
    /// file is not an image of the site or its header cannot be read. Rendering reads no file:
    /// the build hands it a lookup that does.
    public typealias Lookup = @Sendable (_ outputPath: String) -> ImageSize?
}
