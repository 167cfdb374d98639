/// A fast, stable 64-bit hash of bytes: the same bytes give the same value on every run and
/// machine, which is what change detection needs (not cryptographic strength).
///
/// Four independent lanes of 8-byte multiply–rotate rounds (the round of xxHash64), so the CPU
/// works on several multiplications at once: a build hashes every page it renders (hundreds of
/// megabytes for a large site), and byte-at-a-time FNV-1a cost more than writing the files.
public enum ContentHash {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9

    /// Hashes bytes.
    public static func of<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        if let hash = bytes.withContiguousStorageIfAvailable({ of(UnsafeRawBufferPointer($0)) }) { return hash }
        return Array(bytes).withUnsafeBytes { of($0) }
    }

    /// Hashes raw bytes.
    public static func of(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        let count = raw.count
        var lanes = (prime1 &+ prime2, prime2, UInt64(0), UInt64(0) &- prime1)
        var index = 0
        while index + 32 <= count {
            lanes.0 = round(lanes.0, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            lanes.1 = round(lanes.1, raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self))
            lanes.2 = round(lanes.2, raw.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self))
            lanes.3 = round(lanes.3, raw.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self))
            index += 32
        }
        var hash = UInt64(count) &+ rotate(lanes.0, 1) &+ rotate(lanes.1, 7) &+ rotate(lanes.2, 12) &+ rotate(lanes.3, 18)
        while index + 8 <= count {
            hash = rotate(hash ^ round(0, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)), 27) &* prime1 &+ prime3
            index += 8
        }
        while index < count {
            hash = rotate(hash ^ (UInt64(raw[index]) &* prime3), 11) &* prime1
            index += 1
        }
        // Final mixing, so that every input bit reaches every output bit.
        hash ^= hash >> 33
        hash &*= prime2
        hash ^= hash >> 29
        hash &*= prime3
        return hash ^ (hash >> 32)
    }

    private static func round(_ lane: UInt64, _ input: UInt64) -> UInt64 {
        rotate(lane &+ input &* prime2, 31) &* prime1
    }

    private static func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        (value << bits) | (value >> (64 - bits))
    }
}
