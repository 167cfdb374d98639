extension Diagnostic {
    /// Writes the diagnostic into a build cache record.
    public func archive(into writer: inout ArchiveWriter) {
        writer.string(path)
        writer.count(line)
        writer.count(column)
        writer.bool(severity == .error)
        writer.string(code)
        writer.string(message)
    }

    /// Reads a diagnostic written by `archive(into:)`.
    public init(archive reader: inout ArchiveReader) throws(ArchiveError) {
        self.init(path: try reader.string(), line: try reader.count(), column: try reader.count(),
                  severity: try reader.bool() ? .error : .warning, code: try reader.string(), message: try reader.string())
    }
}
