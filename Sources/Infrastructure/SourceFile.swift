/// A file below the content folder, as the tree walk lists it: what a build stamps to see changes,
/// reads when it is a page, and copies as it is when it is an asset (an image, a PDF).
public struct SourceFile: Sendable, Hashable {
    /// Path relative to the content folder, `/`-separated.
    public var path: String
    /// Absolute path on disk, for copying.
    public var sourcePath: String
    /// Size in bytes.
    public var size: Int
    /// When the file last changed, nanoseconds since 1970: the later of its modification time and
    /// its status-change time, which no program can set back (`touch -d` can restore the first).
    /// With the size, how a rebuild sees the file is unchanged.
    public var modified: Int64

    /// Describes a file.
    public init(path: String, sourcePath: String, size: Int, modified: Int64 = 0) {
        self.path = path
        self.sourcePath = sourcePath
        self.size = size
        self.modified = modified
    }
}
