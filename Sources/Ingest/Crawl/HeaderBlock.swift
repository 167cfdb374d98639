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

    /// The first line and the fields of a block: names lowercased, the first of a repeated name
    /// kept, and a line starting with a space or a tab joined to the field before (RFC 2616's
    /// folding, which WARC 1.0 allows).
    static func parse(_ bytes: ArraySlice<UInt8>) -> (firstLine: String, fields: [String: String]) {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line, as: UTF8.self)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let firstLine = lines.first else { return ("", [:]) }
        var fields: [String: String] = [:]
        var last: String?
        for line in lines.dropFirst() {
            if let first = line.first, first == " " || first == "\t", let name = last {
                fields[name, default: ""] += " " + line.whitespaceTrimmed
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = String(line[..<colon]).whitespaceTrimmed.lowercased()
            last = fields[name] == nil ? name : nil
            if last != nil { fields[name] = String(line[line.index(after: colon)...]).whitespaceTrimmed }
        }
        return (firstLine, fields)
    }
}
