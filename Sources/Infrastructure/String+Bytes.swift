#if canImport(Glibc)
import Glibc
#endif

extension String {
    /// Whether `needle` occurs in the string byte for byte (`memchr` to each candidate first byte). Where Foundation is imported
    /// its `contains(_:)` wins overload resolution and searches through CFString: on the bodies and
    /// addresses of a mirror that was a twentieth of its time. Byte equality is the right test for
    /// markup and addresses, which are compared as written.
    public func containsBytes(_ needle: String) -> Bool {
        var found = needle.isEmpty
        forEachByteOffset(of: needle) { _ in
            found = true
            return false
        }
        return found
    }

    /// The UTF-8 offsets where `needle` occurs byte for byte, left to right and not overlapping:
    /// the search of `containsBytes`, for code that rewrites what it finds.
    public func byteOffsets(of needle: String) -> [Int] {
        var offsets: [Int] = []
        forEachByteOffset(of: needle) { offset in
            offsets.append(offset)
            return true
        }
        return offsets
    }

    /// Calls `body` with each offset of `needle` until it returns false.
    private func forEachByteOffset(of needle: String, _ body: (Int) -> Bool) {
        var text = self
        var needle = needle
        text.withUTF8 { haystack in needle.withUTF8 { forEachOffset(of: $0, in: haystack, body) } }
    }
}

extension Array<UInt8> {
    /// `String.containsBytes` for UTF-8 bytes (a body a page writes out as bytes).
    public func containsBytes(_ needle: String) -> Bool {
        needle.isEmpty || firstOffset(of: Array(needle.utf8), from: 0) != nil
    }

    /// `String.byteOffsets` for UTF-8 bytes.
    public func byteOffsets(of needle: String) -> [Int] {
        var offsets: [Int] = []
        withUnsafeBufferPointer { haystack in
            Array(needle.utf8).withUnsafeBufferPointer { pattern in
                forEachOffset(of: pattern, in: haystack) { offset in
                    offsets.append(offset)
                    return true
                }
            }
        }
        return offsets
    }

    /// Where `needle` first occurs wholly in `start..<end` (to the end without `end`), or nil.
    public func firstOffset(of needle: [UInt8], from start: Int, before end: Int? = nil) -> Int? {
        let end = end ?? count
        guard start <= end, end <= count else { return nil }
        var found: Int?
        withUnsafeBufferPointer { bytes in
            needle.withUnsafeBufferPointer { pattern in
                forEachOffset(of: pattern, in: UnsafeBufferPointer(rebasing: bytes[start..<end])) { offset in
                    found = start + offset
                    return false
                }
            }
        }
        return found
    }
}

/// Calls `body` with each offset of `pattern` in `haystack`, left to right and not overlapping,
/// until it returns false: `memchr` to each candidate place of the pattern's rarest byte, then
/// `memcmp`. Jumping to the first byte instead stopped at every space of a body when looking for
/// ` align="`: a million stops in a 1,000-article build.
private func forEachOffset(of pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Bool) {
    guard let patternStart = pattern.baseAddress, let start = haystack.baseAddress, haystack.count >= pattern.count,
          let pivot = pattern.indices.min(by: { commonness(pattern[$0]) < commonness(pattern[$1]) }) else { return }
    let pivotByte = Int32(pattern[pivot])
    let last = haystack.count - pattern.count
    var offset = 0
    while offset <= last, let hit = memchr(start + offset + pivot, pivotByte, last - offset + 1) {
        offset = UnsafeRawPointer(start).distance(to: UnsafeRawPointer(hit)) - pivot
        if memcmp(start + offset, patternStart, pattern.count) == 0 {
            guard body(offset) else { return }
            offset += pattern.count
        } else {
            offset += 1
        }
    }
}

/// How often a byte turns up in markup and prose, roughly: spaces most, then lowercase letters, then
/// the rest of ASCII, then the bytes of other scripts and punctuation less used.
private func commonness(_ byte: UInt8) -> Int {
    switch byte {
    case UInt8(ascii: " "), UInt8(ascii: "\n"): 4
    case UInt8(ascii: "a")...UInt8(ascii: "z"): 3
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "<"), UInt8(ascii: ">"),
         UInt8(ascii: "\""), UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: ","): 2
    case 0x80...: 1
    default: 0
    }
}

extension Substring {
    /// Whether `byte` occurs in the text's UTF-8, found with `memchr`: the generic `utf8.contains`
    /// steps a byte at a time through the view's index, and is asked of every Markdown body.
    public func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        } ?? utf8.contains(byte)
    }

    /// Where `byte` first occurs in the text's UTF-8 at or after `start`, found with `memchr`; an
    /// index of the UTF-8 view (on a scalar boundary when `byte` is ASCII).
    public func firstIndex(ofByte byte: UInt8, from start: Index) -> Index? {
        let skipped = utf8.distance(from: utf8.startIndex, to: start)
        let found = utf8.withContiguousStorageIfAvailable { buffer -> Int? in
            guard let base = buffer.baseAddress, skipped < buffer.count,
                  let hit = memchr(base + skipped, Int32(byte), buffer.count - skipped) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
        }
        guard let found else { return utf8[start...].firstIndex(of: byte) }
        return found.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }
}

extension StringProtocol {
    /// Whether the text ends with `suffix`, a lower-case ASCII word, in any case (`.HTML`, `.Html`):
    /// `lowercased().hasSuffix(suffix)` without lower-casing a copy of the text, for file names and
    /// addresses read by the ten thousand.
    public func hasASCIISuffixIgnoringCase(_ suffix: StaticString) -> Bool {
        let expected = UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount)
        return utf8.reversed().startsIgnoringASCIICase(with: expected.reversed())
    }
}

extension Sequence<UInt8> {
    /// Whether the bytes start with `prefix` (lower-case ASCII), ASCII letters read in lower case: a
    /// Content-Type or a header's name compared without lower-casing a copy of it.
    public func startsIgnoringASCIICase(with prefix: some Sequence<UInt8>) -> Bool {
        var remaining = prefix.makeIterator()
        for byte in self {
            guard let expected = remaining.next() else { return true }
            guard (byte >= 65 && byte <= 90 ? byte + 32 : byte) == expected else { return false }
        }
        return remaining.next() == nil
    }
}
