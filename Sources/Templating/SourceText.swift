/// A template's source as bytes, with the offsets where its lines start, so the parser can work
/// on bytes and still report positions as line and column.
struct SourceText {
    let name: String
    let bytes: [UInt8]
    /// Byte offset of the first byte of each line; line `n` (1-based) starts at `lineStarts[n - 1]`.
    private let lineStarts: [Int]

    init(name: String, source: String) {
        self.name = name
        bytes = Array(source.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        lineStarts = starts
    }

    /// Line and column (both 1-based; the column counts Unicode scalars) of a byte offset.
    func position(of offset: Int) -> SourcePosition {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        var column = 1
        for byte in bytes[lineStarts[low]..<min(offset, bytes.count)] where byte & 0xC0 != 0x80 {
            column += 1
        }
        return SourcePosition(line: low + 1, column: column)
    }

    /// The text of a 1-based line, without its line ending.
    func lineText(_ line: Int) -> String {
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") {
            end -= 1
        }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// A compile error pointing at a byte offset.
    func error(_ message: String, at offset: Int) -> TemplateError {
        let position = position(of: offset)
        return TemplateError(
            templateName: name, line: position.line, column: position.column,
            message: message, sourceLine: lineText(position.line))
    }
}

/// Where a tag starts in its template, kept on compiled nodes for the render report.
struct SourcePosition: Sendable, Hashable {
    var line: Int
    var column: Int
}
