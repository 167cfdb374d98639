/// Counting words for reading time without keeping the article's text: runs of bytes between
/// ASCII spaces and line ends. A byte scan, because it runs once per article on the hot path.
public enum WordCount {
    /// Words in `text`.
    public static func of(_ text: String) -> Int {
        // Over the contiguous bytes: the string's own view is read a byte at a time, not as a vector.
        text.utf8.withContiguousStorageIfAvailable { of(utf8: $0) } ?? of(utf8: text.utf8)
    }

    /// Words in UTF-8 bytes: counts each non-space byte that follows a space (or starts the text),
    /// without branches, so the compiler can vectorize the loop over every article's text.
    public static func of(utf8 bytes: some Sequence<UInt8>) -> Int {
        var words = 0
        var previousWasSpace: UInt8 = 1
        for byte in bytes {
            let isSpace: UInt8 = (byte == UInt8(ascii: " ")) || (byte == UInt8(ascii: "\n")) || (byte == UInt8(ascii: "\t"))
                || (byte == UInt8(ascii: "\r")) ? 1 : 0
            words &+= Int(previousWasSpace & (isSpace ^ 1))
            previousWasSpace = isSpace
        }
        return words
    }
}
