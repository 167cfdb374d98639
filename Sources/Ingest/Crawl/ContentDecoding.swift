/// HTTP Content-Encoding undone (RFC 9110, section 8.4.1), with what comes out bounded: a body of
/// a few kilobytes can inflate to gigabytes (a gzip bomb), so inflating stops past the bound.
enum ContentDecoding {
    /// Why a body cannot be decoded.
    struct Failure: Error {
        /// A one-line explanation.
        var message: String
    }

    /// `body` with `codings` (in the order they were applied) undone, at most `limit` bytes.
    static func decode(_ body: [UInt8], codings: [String], limit: Int) throws(Failure) -> [UInt8] {
        var body = body
        for coding in codings.reversed() {
            switch coding {
            case "gzip", "x-gzip":
                // Some crawlers store the body inflated and keep the header: such a body is read as it is.
                guard body.starts(with: [0x1F, 0x8B]) else { continue }
                body = try inflate(body, .gzip, limit: limit)
            case "deflate":
                // RFC 9110 means a zlib stream; many servers send bare deflate data instead.
                let isZlib = body.count >= 2 && body[0] & 0x0F == 8 && (Int(body[0]) << 8 | Int(body[1])) % 31 == 0
                body = try inflate(body, isZlib ? .zlib : .raw, limit: limit)
            default:
                throw Failure(message: "the payload's Content-Encoding \(coding) is not supported")
            }
        }
        return body
    }

    /// Inflates all of `bytes`; data that stops early (a capture cut off) gives what it inflated to.
    private static func inflate(_ bytes: [UInt8], _ format: Inflater.Format, limit: Int) throws(Failure) -> [UInt8] {
        guard let inflater = Inflater(format) else { throw Failure(message: "zlib could not allocate an inflate stream") }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var consumed = 0
        while true {
            let step = bytes.withUnsafeBytes { input in
                chunk.withUnsafeMutableBytes { inflater.inflate(UnsafeRawBufferPointer(rebasing: input[consumed...]), into: $0, stopAtBlocks: false) }
            }
            consumed += step.consumed
            guard output.count + step.produced <= limit else {
                throw Failure(message: "the payload inflates past the \(limit / 1024 / 1024) MiB bound")
            }
            output += chunk[..<step.produced]
            switch step.outcome {
            case .streamEnd:
                return output
            case .failed(let message):
                throw Failure(message: "the payload's compressed data is corrupt: \(message)")
            case .more, .blockBoundary:
                if step.consumed == 0 && step.produced == 0 { return output }
            }
        }
    }
}
