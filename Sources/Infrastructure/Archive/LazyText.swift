/// Text that may still be bytes of an archive, made a string only when it is read: an incremental
/// build reads back the graph of every article and shows the titles and summaries of a few dozen,
/// and checking the UTF-8 of every one to make strings was a quarter of reading the graph.
public struct LazyText: Sendable {
    @usableFromInline enum Storage: Sendable {
        case text(String)
        case archived(ArchiveBuffer, start: Int, count: Int)
    }

    @usableFromInline var storage: Storage

    /// Text already made.
    @inlinable public init(_ text: String) {
        storage = .text(text)
    }

    /// Bytes of an archive, kept mapped for as long as the text is (see `ArchiveReader.lazyText`).
    init(_ buffer: ArchiveBuffer, start: Int, count: Int) {
        storage = .archived(buffer, start: start, count: count)
    }

    /// The text; bytes that are not UTF-8 come back repaired, as a damaged cache file can hold them.
    @inlinable public var text: String {
        switch storage {
        case .text(let text):
            return text
        case .archived(let buffer, let start, let count):
            return String(decoding: UnsafeBufferPointer(rebasing: buffer.bytes[start..<start + count]), as: UTF8.self)
        }
    }

    /// Hands the text's UTF-8 bytes to `body`, without making a string of archived ones.
    public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        switch storage {
        case .text(var text):
            return text.withUTF8(body)
        case .archived(let buffer, let start, let count):
            return body(UnsafeBufferPointer(rebasing: buffer.bytes[start..<start + count]))
        }
    }
}
