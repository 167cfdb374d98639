extension Diagnostic {
    /// Writes the diagnostic into a build cache record.
    public func archive(into writer: inout ArchiveWriter) {
        writer.string(path)
        writer.count(line)
        writer.count(column)
        // 0 and 1 are what a flag "is an error" wrote before notes were: older caches read the same.
        switch severity {
        case .warning: writer.count(0)
        case .error: writer.count(1)
        case .note: writer.count(2)
        }
        writer.string(code)
        writer.string(message)
    }

    /// Reads a diagnostic written by `archive(into:)`.
    public init(archive reader: inout ArchiveReader) throws(ArchiveError) {
        let (path, line, column) = (try reader.string(), try reader.count(), try reader.count())
        let severity: Severity
        switch try reader.count() {
        case 0: severity = .warning
        case 1: severity = .error
        case 2: severity = .note
        default: throw ArchiveError()
        }
        self.init(path: path, line: line, column: column, severity: severity, code: try reader.string(), message: try reader.string())
    }
}
