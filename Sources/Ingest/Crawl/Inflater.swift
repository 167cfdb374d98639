import CZlib

/// One zlib inflate stream, fed and drained by the caller so that it can bound what comes out and
/// know how much went in. A class, because zlib keeps a pointer back to its `z_stream` and refuses
/// a stream that has moved (`inflateStateCheck`): the stream lives at one address until `deinit`.
final class Inflater {
    /// What wraps the deflate data.
    enum Format {
        /// A gzip member (RFC 1952): a .warc.gz, or `Content-Encoding: gzip`.
        case gzip
        /// A zlib stream (RFC 1950): `Content-Encoding: deflate` as the HTTP spec means it.
        case zlib
        /// Bare deflate blocks (RFC 1951): `deflate` as many servers send it, and a stream resumed
        /// at a checkpoint.
        case raw

        var windowBits: Int32 {
            switch self {
            case .gzip: return 15 + 16
            case .zlib: return 15
            case .raw: return -15
            }
        }
    }

    /// How one call to `inflate` ended.
    enum Outcome: Equatable {
        /// More input or more room for output is wanted.
        case more
        /// The stream (for gzip, the member with its trailer) ended.
        case streamEnd
        /// A deflate block ended and another follows; `bits` of the last byte taken are still
        /// unread. Only when asked for with `stopAtBlocks`.
        case blockBoundary(bits: Int)
        /// The data is not what the format says, or zlib failed.
        case failed(String)
    }

    private let stream: UnsafeMutablePointer<z_stream>

    /// A stream ready for data in `format`; nil when zlib cannot allocate its state.
    init?(_ format: Format) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard broadsheet_inflateInit2(stream, format.windowBits) == Z_OK else {
            stream.deallocate()
            return nil
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Starts over for a new stream in `format` (the next gzip member), keeping the allocations.
    func reset(_ format: Format) -> Bool {
        inflateReset2(stream, format.windowBits) == Z_OK
    }

    /// Resumes a raw stream in the middle: the `bits` high bits of `byte` not yet read at the
    /// checkpoint, then the 32 KiB of output before it that back-references may reach.
    func resume(bits: Int, of byte: UInt8, window: [UInt8]) -> Bool {
        if bits > 0 && inflatePrime(stream, Int32(bits), Int32(byte >> (8 - bits))) != Z_OK { return false }
        return window.withUnsafeBufferPointer { window in
            inflateSetDictionary(stream, window.baseAddress, UInt32(window.count)) == Z_OK
        }
    }

    /// The last 32 KiB (or fewer) of output, which a stream resumed here needs.
    var window: [UInt8] {
        var window = [UInt8](repeating: 0, count: 32 * 1024)
        var length: UInt32 = 0
        let status = window.withUnsafeMutableBufferPointer { inflateGetDictionary(stream, $0.baseAddress, &length) }
        window.removeLast(status == Z_OK ? window.count - Int(length) : window.count)
        return window
    }

    /// Inflates from `input` into `output`; returns how many bytes were taken and made. With
    /// `stopAtBlocks`, stops at each deflate block boundary (`Z_BLOCK`) so that a checkpoint can
    /// be taken there.
    func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, stopAtBlocks: Bool)
        -> (consumed: Int, produced: Int, outcome: Outcome)
    {
        // zlib counts in UInt32; the callers' buffers are far smaller.
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = UInt32(input.count)
        stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = UInt32(output.count)
        let status = CZlib.inflate(stream, stopAtBlocks ? Z_BLOCK : Z_NO_FLUSH)
        let consumed = input.count - Int(stream.pointee.avail_in)
        let produced = output.count - Int(stream.pointee.avail_out)
        stream.pointee.next_in = nil
        stream.pointee.next_out = nil
        switch status {
        case Z_STREAM_END:
            return (consumed, produced, .streamEnd)
        case Z_OK, Z_BUF_ERROR:
            // data_type: the unread bits of the last byte taken, +64 inside the last block, +128
            // right after a block (or the gzip header) ended (zlib.h, "Z_BLOCK").
            let type = Int(stream.pointee.data_type)
            if stopAtBlocks && type & 128 != 0 && type & 64 == 0 { return (consumed, produced, .blockBoundary(bits: type & 7)) }
            return (consumed, produced, .more)
        default:
            let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
            return (consumed, produced, .failed(message))
        }
    }
}
