import CLibDeflate

/// Inflates one whole gzip member at a time with libdeflate, which decodes two to three times as
/// fast as a zlib stream (inflating was three quarters of indexing a crawl's .warc.gz) but wants
/// the whole member in one buffer and room for all it inflates to. wget and Heritrix write one
/// member per record, so a member is small and this is how a .warc.gz is read. What it cannot take
/// whole — a member that inflates past the limit (a gzip bomb, a video, a file that is one gzip
/// stream), one cut off, corrupt data — is left to the zlib stream (`Inflater`), which reads it
/// piece by piece within its bounds and says what is wrong.
///
/// A class: it owns the decompressor and the output buffer, both reused from member to member.
final class MemberInflater {
    /// How one attempt ended.
    enum Outcome {
        /// The member is in `output`: `consumed` compressed bytes made `produced` bytes.
        case inflated(consumed: Int, produced: Int)
        /// The member did not end inside the input given: more input may let it (or it is corrupt).
        case needsInput
        /// The member inflates to more than the limit: it is for the zlib stream.
        case tooLarge
    }

    private let decompressor: OpaquePointer
    private var buffer: UnsafeMutableRawBufferPointer

    /// A decompressor whose output buffer starts at `capacity` bytes; nil when libdeflate cannot
    /// allocate one.
    init?(capacity: Int = 1 << 20) {
        guard let decompressor = libdeflate_alloc_decompressor() else { return nil }
        self.decompressor = decompressor
        buffer = .allocate(byteCount: max(capacity, 1), alignment: 16)
    }

    deinit {
        libdeflate_free_decompressor(decompressor)
        buffer.deallocate()
    }

    /// The data of the member last inflated, valid until the next call.
    func output(_ count: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: buffer[..<count])
    }

    /// Inflates the gzip member that `input` begins with, into at most `limit` bytes: the buffer
    /// grows fourfold up to the limit while the member does not fit.
    func inflate(_ input: UnsafeRawBufferPointer, limit: Int) -> Outcome {
        while true {
            var consumed = 0
            var produced = 0
            let result = libdeflate_gzip_decompress_ex(decompressor, input.baseAddress, input.count, buffer.baseAddress,
                                                       min(buffer.count, limit), &consumed, &produced)
            if result == LIBDEFLATE_SUCCESS { return .inflated(consumed: consumed, produced: produced) }
            guard result == LIBDEFLATE_INSUFFICIENT_SPACE else { return .needsInput }
            guard buffer.count < limit else { return .tooLarge }
            let larger = min(limit, buffer.count * 4)
            buffer.deallocate()
            buffer = .allocate(byteCount: larger, alignment: 16)
        }
    }
}
