#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A temporary file that text is appended to, from any thread, and read back by extent: where a
/// build keeps what it needs again only once per page (article bodies) out of its own memory. At
/// 10,000 articles the bodies were 66 MiB of a 141 MiB heap; at 100,000 they would be most of a
/// gigabyte. The page cache holds them while there is room, and the kernel may write them out
/// when there is not, which it cannot do with the heap.
///
/// The file is unlinked as soon as it is made: nothing is left behind when the build ends or
/// crashes, and the space is freed when the last reference goes.
public final class SpillFile: Sendable {
    /// Where one piece of text is in the file.
    public struct Extent: Sendable, Hashable {
        /// Byte offset of its first byte.
        public let offset: Int
        /// Its length in bytes.
        public let count: Int
    }

    private let descriptor: Int32
    /// The end of what has been claimed: each append claims its extent before writing it, so
    /// appends from several threads never overlap.
    private let end = Atomic<Int>(0)

    /// A new, empty spill file in `directory` (the system's temporary folder, usually); nil when
    /// none can be made there (a read-only or full disk): the caller then keeps its text in memory.
    public init?(in directory: String) {
        var template = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8CString.dropLast())
        template += Array("broadsheet-spill-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        // Not inherited by a process the build starts.
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Writes `bytes` at the end of the file; nil when they could not be written (the disk is
    /// full), and the caller keeps them in memory.
    public func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Extent? {
        let offset = end.wrappingAdd(bytes.count, ordering: .relaxed).oldValue
        var written = 0
        while written < bytes.count {
            let count = pwrite(descriptor, bytes.baseAddress! + written, bytes.count - written, off_t(offset + written))
            if count > 0 {
                written += count
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                return nil
            }
        }
        return Extent(offset: offset, count: bytes.count)
    }

    /// The bytes written at `extent` by `append`.
    ///
    /// Reading back what this process wrote to its own file fails only on a failing disk. The
    /// build then stops: the output folder is swapped in only after every page is written, so no
    /// page is published with a body missing.
    public func bytes(at extent: Extent) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: extent.count) { buffer, initialized in
            while initialized < extent.count {
                let count = pread(descriptor, buffer.baseAddress! + initialized, extent.count - initialized, off_t(extent.offset + initialized))
                if count > 0 {
                    initialized += count
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    fatalError("the build's spill file could not be read back (errno \(errno)); no output was replaced")
                }
            }
        }
    }
}
