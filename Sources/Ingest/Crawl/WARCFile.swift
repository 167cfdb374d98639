#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open WARC file, read with `pread` only: many threads read payloads of one archive at once,
/// and a shared file offset (`lseek` then `read`) would hand one thread's bytes to another.
final class WARCFile: Sendable {
    /// The path, for messages.
    let path: String
    /// The file's size when it was opened.
    let size: Int
    private let descriptor: Int32

    /// Opens `path` for reading.
    init(path: String) throws(WARCError) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw WARCError(path: path, offset: 0, message: "cannot open: \(String(cString: strerror(errno)))") }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw WARCError(path: path, offset: 0, message: "not a regular file")
        }
        size = Int(info.st_size)
    }

    deinit { close(descriptor) }

    /// Reads up to `buffer.count` bytes at `offset`; fewer only at the end of the file, and 0 past
    /// it or when the file cannot be read.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
        var filled = 0
        while filled < buffer.count, let base = buffer.baseAddress {
            let count = pread(descriptor, base + filled, buffer.count - filled, off_t(offset + filled))
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        return filled
    }

    /// `count` bytes of record data at `point`, inflated again from its checkpoint in a .warc.gz.
    /// `record` is the offset that errors name.
    func bytes(at point: StreamPoint, count: Int, record: Int) throws(WARCError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        guard let checkpoint = point.checkpoint else {
            let read = bytes.withUnsafeMutableBytes { self.read(into: $0, at: point.distance) }
            guard read == count else { throw WARCError(path: path, offset: record, message: "the file ends inside the record") }
            return bytes
        }
        if checkpoint.isMemberStart, let bytes = wholeMemberBytes(at: checkpoint.input, skipping: point.distance, count: count) {
            return bytes
        }
        var input = GzipInput(file: self, offset: checkpoint.input)
        guard let inflater = Inflater(checkpoint.isMemberStart ? .gzip : .raw) else {
            throw WARCError(path: path, offset: record, message: "zlib could not allocate an inflate stream")
        }
        if !checkpoint.isMemberStart {
            let byte = checkpoint.bits > 0 ? input.take() : 0
            guard byte != nil, inflater.resume(bits: checkpoint.bits, of: byte ?? 0, window: checkpoint.window) else {
                throw WARCError(path: path, offset: record, message: "the gzip data cannot be resumed at its checkpoint")
            }
        }
        var inRawStream = !checkpoint.isMemberStart
        var skip = point.distance
        var scratch = [UInt8](repeating: 0, count: 64 * 1024)
        var filled = 0
        while filled < count {
            // Even with no input left, zlib may still have output to give (the rest of a match).
            let hasInput = input.refill()
            let step = input.withAvailable { available in
                if skip > 0 {
                    return scratch.withUnsafeMutableBytes { scratch in
                        inflater.inflate(available, into: UnsafeMutableRawBufferPointer(rebasing: scratch.prefix(skip)), stopAtBlocks: false)
                    }
                }
                return bytes.withUnsafeMutableBytes { bytes in
                    inflater.inflate(available, into: UnsafeMutableRawBufferPointer(rebasing: bytes[filled...]), stopAtBlocks: false)
                }
            }
            input.advance(step.consumed)
            if skip > 0 { skip -= step.produced } else { filled += step.produced }
            switch step.outcome {
            case .failed(let message):
                throw WARCError(path: path, offset: record, message: "corrupt gzip data: \(message)")
            case .streamEnd:
                // A record running on into the next gzip member: a resumed raw stream stops before
                // its member's 8-byte trailer (CRC-32 and size), which gzip mode would have read.
                if inRawStream && !input.skip(8) { throw WARCError(path: path, offset: record, message: "the gzip data ends inside the record") }
                inRawStream = false
                guard inflater.reset(.gzip) else { throw WARCError(path: path, offset: record, message: "zlib could not reset its stream") }
            case .more, .blockBoundary:
                guard step.consumed > 0 || step.produced > 0 else {
                    throw WARCError(path: path, offset: record, message: hasInput ? "the gzip data makes no progress" : "the gzip data ends inside the record")
                }
            }
        }
        return bytes
    }

    /// `count` bytes `distance` bytes into the gzip member at `offset`, the member inflated whole
    /// with libdeflate; nil when the bytes run past that member (a record spread over several)
    /// or libdeflate cannot take it, and the zlib stream reads them.
    private func wholeMemberBytes(at offset: Int, skipping distance: Int, count: Int) -> [UInt8]? {
        let needed = distance + count
        // Room for the record's two closing CRLFs: a member that makes more holds another record.
        let room = needed + 4096
        guard let members = MemberInflater(capacity: room) else { return nil }
        // Deflate adds at most 5 bytes per 64 KiB block to what it cannot compress, the gzip
        // wrapper a little more: the member's compressed bytes are within this.
        let compressed = min(size - offset, needed + needed / 1024 + 4096)
        var input = GzipInput(file: self, offset: offset, capacity: compressed)
        let outcome = input.withAvailable(atLeast: compressed) { members.inflate($0, limit: room) }
        guard case .inflated(_, let produced) = outcome, produced >= needed else { return nil }
        return Array(members.output(produced)[distance..<needed])
    }
}
