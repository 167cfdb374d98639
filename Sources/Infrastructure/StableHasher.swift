/// A 64-bit hasher in the FNV family (eight bytes a step) whose value is the same in every process (Swift's `Hasher` is seeded
/// per process), so hashes can be stored in the build manifest and compared by the next build.
///
/// Its methods are `@inlinable`: pages are fingerprinted in Rendering, and an unspecialized generic
/// call per field across the module boundary made every build about 2% slower.
public struct StableHasher: Sendable {
    @usableFromInline var state: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash of everything combined so far.
    @inlinable public var value: UInt64 { state }

    /// Starts a hash.
    @inlinable public init() {}

    /// Adds bytes.
    @inlinable public mutating func combine(_ bytes: some Sequence<UInt8>) {
        // Contiguous bytes (every String's UTF-8, every array) are taken eight at a time: hashing
        // page contexts byte by byte was a twentieth of a build.
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            let raw = UnsafeRawBufferPointer(buffer)
            if raw.count >= 64 {
                // Long runs (article bodies) go through the four-lane content hash.
                state = (state ^ ContentHash.of(raw)) &* 0x0000_0100_0000_01b3
                return
            }
            var index = 0
            while index + 8 <= raw.count {
                state ^= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                state &*= 0x0000_0100_0000_01b3
                state ^= state >> 29
                index += 8
            }
            while index < raw.count {
                state ^= UInt64(raw[index])
                state &*= 0x0000_0100_0000_01b3
                index += 1
            }
        }
        guard done == nil else { return }
        for byte in bytes {
            state ^= UInt64(byte)
            state &*= 0x0000_0100_0000_01b3
        }
    }

    /// Adds a text and a separator, so that `ab`+`c` and `a`+`bc` differ.
    @inlinable public mutating func combine(_ text: String) {
        combine(text.utf8)
        combine(CollectionOfOne(0xFF))  // a separator no UTF-8 text contains
    }

    /// Adds a number's eight bytes.
    @inlinable public mutating func combine(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { combine($0) }
    }
}
