/// What a `Range` header asks of a file of a known size (RFC 9110 §14): one range of bytes,
/// nothing the server can give (416), or nothing to honour (the whole file is sent). Only a single
/// range is served; a list of several is answered with the whole file, as the RFC allows, since a
/// preview's pages and images are small.
enum ByteRange: Equatable {
    /// Send the whole file with 200.
    case whole
    /// Send these bytes with 206.
    case part(ClosedRange<Int>)
    /// No byte of the file is in the range: 416.
    case unsatisfiable

    /// Reads the header's value for a file of `size` bytes; a header that is not understood is
    /// ignored, as the RFC asks.
    init(header: String?, size: Int) {
        self = Self.read(header, size: size) ?? .whole
    }

    private static func read(_ header: String?, size: Int) -> ByteRange? {
        guard let header, header.hasPrefix("bytes="), !header.contains(",") else { return nil }
        let spec = header.dropFirst("bytes=".count)
        guard let dash = spec.firstIndex(of: "-") else { return nil }
        let (first, last) = (spec[..<dash], spec[spec.index(after: dash)...])
        if first.isEmpty {
            // `bytes=-500`: the last 500 bytes.
            guard let length = Int(last) else { return nil }
            return length > 0 && size > 0 ? .part(max(0, size - length)...(size - 1)) : .unsatisfiable
        }
        guard let start = Int(first) else { return nil }
        var end = size - 1
        if !last.isEmpty {
            guard let stated = Int(last), stated >= start else { return nil }
            end = min(stated, size - 1)
        }
        return start < size ? .part(start...end) : .unsatisfiable
    }
}
