#if canImport(Glibc)
import Glibc
#endif

extension String {
    /// Whether `needle` occurs in the string byte for byte (`memchr` to each candidate first byte). Where Foundation is imported
    /// its `contains(_:)` wins overload resolution and searches through CFString: on the bodies and
    /// addresses of a mirror that was a twentieth of its time. Byte equality is the right test for
    /// markup and addresses, which are compared as written.
    public func containsBytes(_ needle: String) -> Bool {
        var text = self
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in
                guard let first = pattern.first, let patternStart = pattern.baseAddress else { return true }
                guard let start = haystack.baseAddress, haystack.count >= pattern.count else { return false }
                let last = haystack.count - pattern.count
                var offset = 0
                while offset <= last, let hit = memchr(start + offset, Int32(first), last - offset + 1) {
                    offset = UnsafeRawPointer(start).distance(to: UnsafeRawPointer(hit))
                    if memcmp(start + offset, patternStart, pattern.count) == 0 { return true }
                    offset += 1
                }
                return false
            }
        }
    }
}
