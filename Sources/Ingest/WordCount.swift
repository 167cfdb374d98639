/// Counting words for reading time without keeping the article's text: runs of bytes between
/// ASCII spaces and line ends. A byte scan, because it runs once per article on the hot path.
public enum WordCount {
    /// Words in `text`.
    public static func of(_ text: String) -> Int {
        of(utf8: text.utf8)
    }

    /// Words in UTF-8 bytes.
    public static func of(utf8 bytes: some Sequence<UInt8>) -> Int {
        var words = 0
        var inWord = false
        for byte in bytes {
            let isSpace = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
                || byte == UInt8(ascii: "\r")
            if !isSpace && !inWord { words += 1 }
            inWord = !isSpace
        }
        return words
    }
}
