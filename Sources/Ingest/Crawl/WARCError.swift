/// What is wrong with a WARC file, and where: the byte offset of the record (of its gzip member in
/// a .warc.gz; in the inflated data for a record inside a .warc.gz that is one gzip stream).
public struct WARCError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The WARC file.
    public var path: String
    /// Where the record starts.
    public var offset: Int
    /// A one-line explanation.
    public var message: String

    /// An error at `offset` of the file at `path`.
    public init(path: String, offset: Int, message: String) {
        self.path = path
        self.offset = offset
        self.message = message
    }

    /// `path: record at byte N: message`, for the command line.
    public var description: String { "\(path): record at byte \(offset): \(message)" }
}
