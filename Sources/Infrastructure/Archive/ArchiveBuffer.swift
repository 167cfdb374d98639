#if canImport(Glibc)
import Glibc
#endif

/// The bytes an `ArchiveReader` reads, held still for as long as a reader or a part of one needs
/// them: a cache file mapped into memory, or a copy of bytes given.
///
/// A cache file is mapped, not read: reading the 7 MB graph of 10,000 articles into an array cost
/// a one-article edit 4 ms of copying and of faulting in fresh pages, before decoding began. The
/// mapping is private and read-only, and the build replaces a cache file by renaming a new one
/// over it (`ArchiveWriter.save`), so the file mapped does not change under the reader.
public final class ArchiveBuffer: @unchecked Sendable {
    /// The bytes; valid until the buffer is let go.
    public let bytes: UnsafeBufferPointer<UInt8>
    /// Whether `bytes` is a mapping (unmapped at the end) or an allocation (freed).
    private let isMapped: Bool

    /// A copy of `bytes`.
    public init(copying bytes: [UInt8]) {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = copy.initialize(from: bytes)
        self.bytes = UnsafeBufferPointer(copy)
        isMapped = false
    }

    /// The file at `path` mapped into memory, its pages loaded at once (`MAP_POPULATE`); nil when
    /// it cannot be opened or mapped.
    public init?(mapping path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let count = Int(info.st_size)
        guard count > 0 else {
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            isMapped = false
            return
        }
        guard let address = mmap(nil, count, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0), address != MAP_FAILED else { return nil }
        bytes = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: count)
        isMapped = true
    }

    deinit {
        guard let base = bytes.baseAddress else { return }
        if isMapped {
            munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
        } else {
            base.deallocate()
        }
    }
}
