import Synchronization

/// The items of feeds, each written once per format and reused: an article is an item of the
/// site's feed, its section's, its tags' and its authors' feeds, the same bytes in each. Shared by
/// every rendering thread of a build.
final class FeedItems: Sendable {
    /// The feed formats, whose items differ.
    enum Format: Sendable {
        case rss, atom, json
    }

    private struct Key: Hashable {
        let format: Format
        let article: Int
    }

    /// Bytes kept at most: a feed with whole articles keeps its first items only, so memory stays bounded.
    let capacity: Int
    private let kept = Mutex<(items: [Key: [UInt8]], bytes: Int)>(([:], 0))

    /// Makes an empty store keeping at most `capacity` bytes of items.
    init(capacity: Int = 4 << 20) {
        self.capacity = capacity
    }

    /// The item of `article` in `format`: the one kept, else what `write` makes (then kept).
    func item(_ format: Format, article: Int, write: () -> [UInt8]) -> [UInt8] {
        let key = Key(format: format, article: article)
        if let item = kept.withLock({ $0.items[key] }) { return item }
        let item = write()
        kept.withLock { kept in
            guard kept.bytes + item.count <= capacity else { return }
            kept.items[key] = item
            kept.bytes += item.count
        }
        return item
    }
}
