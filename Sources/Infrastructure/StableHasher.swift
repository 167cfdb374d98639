/// A 64-bit hasher in the FNV family (eight bytes a step) whose value is the same in every process (Swift's `Hasher` is seeded
/// per process), so hashes can be stored in the build manifest and compared by the next build.
public struct StableHasher: Sendable {
    /// The hash of everything combined so far.
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Starts a hash.
    public init() {}

    /// Adds bytes.
    public mutating func combine(_ bytes: some Sequence<UInt8>) {
        // Contiguous bytes (every String's UTF-8, every array) are taken eight at a time: hashing
        // page contexts byte by byte was a twentieth of a build.
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            let raw = UnsafeRawBufferPointer(buffer)
            if raw.count >= 64 {
                // Long runs (article bodies) go through the four-lane content hash.
                value = (value ^ ContentHash.of(raw)) &* 0x0000_0100_0000_01b3
                return
            }
            var index = 0
            while index + 8 <= raw.count {
                value ^= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                value &*= 0x0000_0100_0000_01b3
                value ^= value >> 29
                index += 8
            }
            while index < raw.count {
                value ^= UInt64(raw[index])
                value &*= 0x0000_0100_0000_01b3
                index += 1
            }
        }
        guard done == nil else { return }
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
    }

    /// Adds a text and a separator, so that `ab`+`c` and `a`+`bc` differ.
    public mutating func combine(_ text: String) {
        combine(text.utf8)
        combine(CollectionOfOne(0xFF))  // a separator no UTF-8 text contains
    }

    /// Adds a number's eight bytes.
    public mutating func combine(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { combine($0) }
    }
}
