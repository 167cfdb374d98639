import Synchronization

/// The renders of partials for items of lists, kept across the pages of one build: a news site
/// shows each article's card on its section, tag, author and date lists, and the card of one
/// article comes out the same on all of them.
///
/// A render is kept only when it read nothing but its own item (and the objects inside it): no name
/// from the page around the list, no `@index`, no lambda, no block of a parent, nothing missing.
/// The item is recognised by its storage (the same object value, shared by every list that shows
/// it), and the entry holds the item, so that storage is never freed and reused for another object
/// while the memo lives. Safe to share between threads.
public final class PartialMemo: Sendable {
    /// What makes two expansions of a partial render the same bytes, once they are known to read
    /// their item only.
    struct Key: Hashable {
        /// The partial tag: the template it names, its own indentation and whether it stands alone.
        /// Not the compiled node's identity: each worker renders with its own copy of the
        /// templates, and a lambda's template is compiled anew at each call.
        let name: String
        let tagIndentation: [UInt8]
        let standalone: Bool
        /// The storage of the item's fields.
        let item: ObjectIdentifier
        /// Whether the item is its list's first and last, each nil where the render did not read it
        /// (`@first`, `@last`): such a render is the same bytes wherever the item stands.
        var isFirst: Bool?
        var isLast: Bool?
        /// Indentation in effect where the partial starts, and whether a line starts there.
        let indentation: [UInt8]
        let atLineStart: Bool
    }

    /// One kept render.
    struct Entry {
        let bytes: [UInt8]
        /// Keeps the item's storage alive (see the type's comment).
        let item: TemplateValue
        /// Whether the render ended at the start of a line.
        let endsAtLineStart: Bool
        /// Expansions the render made, and how deep it went below the partial, so that a reuse stays
        /// within the limits a render would have had.
        let expansions: Int
        let depth: Int
    }

    /// Entries kept at most (about a kilobyte each for a card): enough for every card of a site of
    /// ten thousand articles; a larger site keeps the first ones, and its memory stays bounded.
    let capacity: Int
    private let entries = Mutex<[Key: Entry]>([:])

    /// Makes an empty memo holding at most `capacity` renders.
    public init(capacity: Int = 25_000) {
        self.capacity = capacity
    }

    /// How many renders are kept.
    public var count: Int { entries.withLock { $0.count } }

    /// The render kept for the item of `key` (its place not set) standing first or last as told: kept
    /// once for every place when it did not read the place, else for the place it read.
    func entry(for key: Key, isFirst: Bool, isLast: Bool) -> Entry? {
        entries.withLock { entries in
            var key = key
            for (first, last) in [(nil, nil), (isFirst, nil), (nil, isLast), (isFirst, isLast)] as [(Bool?, Bool?)] {
                (key.isFirst, key.isLast) = (first, last)
                if let entry = entries[key] { return entry }
            }
            return nil
        }
    }

    func keep(_ entry: Entry, for key: Key) {
        entries.withLock { entries in
            if entries.count < capacity { entries[key] = entry }
        }
    }

    /// The identity of an object's field storage.
    static func identity(of fields: [String: TemplateValue]) -> ObjectIdentifier {
        ObjectIdentifier(unsafeBitCast(fields, to: AnyObject.self))
    }
}
