import CZlib

/// gzip compression for test fixtures: WARC files and `Content-Encoding: gzip` bodies.
public enum Gzip {
    /// One gzip member holding `bytes`.
    public static func compress(_ bytes: [UInt8]) -> [UInt8] {
        compress(chunks: [bytes])
    }

    /// One gzip member holding the chunks one after another, compressed a chunk at a time: a
    /// gigabyte of zeros is `Array(repeating: zeros, count: 1024)` of one shared 1 MiB array, so
    /// a gzip bomb is made without the gigabyte in memory.
    public static func compress(chunks: [[UInt8]]) -> [UInt8] {
        let chunks = chunks.isEmpty ? [[]] : chunks
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { deflateEnd(stream); stream.deallocate() }
        precondition(broadsheet_deflateInit2(stream, Z_DEFAULT_COMPRESSION, 15 + 16) == Z_OK, "zlib could not start a deflate stream")
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        for (index, chunk) in chunks.enumerated() {
            let flush = index == chunks.count - 1 ? Z_FINISH : Z_NO_FLUSH
            chunk.withUnsafeBufferPointer { input in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.pointee.avail_in = UInt32(input.count)
                repeat {
                    let status = buffer.withUnsafeMutableBufferPointer { out in
                        stream.pointee.next_out = out.baseAddress
                        stream.pointee.avail_out = UInt32(out.count)
                        return deflate(stream, flush)
                    }
                    precondition(status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR, "deflate failed: \(status)")
                    output += buffer[..<(buffer.count - Int(stream.pointee.avail_out))]
                } while stream.pointee.avail_out == 0
            }
        }
        return output
    }
}
