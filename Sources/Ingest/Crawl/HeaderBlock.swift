import Infrastructure

/// The lines of a header block, a WARC record's or an HTTP response's: a first line, then
/// `Name: value` fields up to an empty line. Lines end in CRLF; a bare LF is taken too, as warcio
/// and browsers take it.
enum HeaderBlock {
    /// The length of the block up to and including its empty line; nil when `bytes` has none.
    static func length(in bytes: ArraySlice<UInt8>) -> Int? {
        var lineStart = bytes.startIndex
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            let line = bytes[lineStart..<index]
            if line.isEmpty || line.elementsEqual([UInt8(ascii: "\r")]) { return index + 1 - bytes.startIndex }
            lineStart = index + 1
        }
        return nil
    }

    /// The first line and the fields of a block that are among `names` (lower-case): names
    /// compared without regard to ASCII case, the first of a repeated name kept, and a line starting
    /// with a space or a tab joined to the field before (RFC 2616's folding, which WARC 1.0 allows).
    /// Read as bytes, making strings only of the fields kept: a crawl's WARC has two such blocks for
    /// each of its tens of thousands of records.
    static func parse(_ bytes: ArraySlice<UInt8>, keeping names: [String]) -> (firstLine: String, fields: [String: String]) {
        var firstLine: String?
        var fields: [String: String] = [:]
        var last: String?
        var lineStart = bytes.startIndex
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            var line = bytes[lineStart..<lineEnd]
            lineStart = lineEnd == bytes.endIndex ? lineEnd : lineEnd + 1
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            guard firstLine != nil else {
                firstLine = String(decoding: line, as: UTF8.self)
                continue
            }
            if let first = line.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t"), let name = last {
                fields[name, default: ""] += " " + trimmed(line)
                continue
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")),
                  let name = names.first(where: { named(line[..<colon], $0) }) else {
                last = nil
                continue
            }
            last = fields[name] == nil ? name : nil
            if last != nil { fields[name] = trimmed(line[(colon + 1)...]) }
        }
        return (firstLine ?? "", fields)
    }

    /// Whether `bytes`, without the white space around them, are `name` (lower-case ASCII) in any case.
    private static func named(_ bytes: ArraySlice<UInt8>, _ name: String) -> Bool {
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) }) else {
            return name.isEmpty
        }
        let word = bytes[first...last]
        return word.count == name.utf8.count && word.startsIgnoringASCIICase(with: name.utf8)
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[TextMeasure.trimmedRange($0)]), as: UTF8.self) }
    }
}
