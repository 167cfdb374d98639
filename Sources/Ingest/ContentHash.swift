/// A fast, stable hash of input bytes (64-bit FNV-1a): the same bytes give the same value on
/// every run and machine, which is what change detection needs (not cryptographic strength).
public enum ContentHash {
    /// Hashes bytes.
    public static func of<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}
