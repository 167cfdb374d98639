import Synchronization

/// The renders of partials kept across the pages of one build, the bytes being the same either way.
///
/// **Items of lists.** A news site shows each article's card on its section, tag, author and date
/// lists, and the card of one article comes out the same on all of them. Such a render is kept only
/// when it read nothing but its own item (and the objects inside it): no name from the page around
/// the list, no `@index`, no lambda, no block of a parent, nothing missing. The item is recognised
/// by its storage (the same object value, shared by every list that shows it), and the entry holds
/// the item, so that storage is never freed and reused for another object while the memo lives.
///
/// **Partials outside lists** (a site's header and footer, on every page). A render is kept with
/// the names it read from around the partial and the values they had (`Read`); it stands in for a
/// later expansion where each of those names has the same value again (objects and lists: the
/// same storage, held by the entry; other values: equal). What the partial read inside its own
/// sections' items follows from those values. A partial whose renders are seldom reused (an
/// article's byline) stops being kept. Safe to share between threads.
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

    /// What makes two expansions of a partial outside a list comparable: `Key` without an item.
    struct PlaceKey: Hashable {
        let name: String
        let tagIndentation: [UInt8]
        let standalone: Bool
        let indentation: [UInt8]
        let atLineStart: Bool
    }

    /// A name a render read from around its partial, and what it found (nil: nothing).
    struct Read {
        let path: Path
        let value: TemplateValue?
    }

    /// One kept render of a partial outside a list, and the reads it depends on: each the index of
    /// its name among the partial's `Variants.paths`, the value found, and that value's `storage`.
    struct PlacedEntry {
        let bytes: [UInt8]
        let reads: [(path: Int, value: TemplateValue?, storage: UInt)]
        let endsAtLineStart: Bool
        let expansions: Int
        let depth: Int
    }

    /// The kept renders of one partial outside lists, and how often one stood in.
    struct Variants {
        /// Every name the kept renders read, once: a name is looked up once per expansion, however
        /// many kept renders are compared.
        var paths: [Path] = []
        var entries: [PlacedEntry] = []
        var expansions = 0
        var reuses = 0
        /// Set once renders are seen to be seldom reused: the partial is then always rendered.
        var abandoned = false
    }

    /// Renders kept at most for one partial outside lists.
    static let variantLimit = 64

    /// Entries kept at most (about a kilobyte each for a card): enough for every card of a site of
    /// ten thousand articles; a larger site keeps the first ones, and its memory stays bounded.
    let capacity: Int
    private let entries = Mutex<[Key: Entry]>([:])
    private let placed = Mutex<[PlaceKey: Variants]>([:])

    /// Makes an empty memo holding at most `capacity` renders.
    public init(capacity: Int = 25_000) {
        self.capacity = capacity
    }

    /// How many renders are kept.
    public var count: Int { entries.withLock { $0.count } }

    /// How many renders of partials outside lists are kept.
    var placedCount: Int { placed.withLock { $0.values.reduce(0) { $0 + $1.entries.count } } }

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

    /// The renders kept for a partial outside lists, counting one expansion of it; nil once it is
    /// seldom reused (after 64 expansions, under one in four), when it is to be rendered anew.
    func variants(for key: PlaceKey) -> Variants? {
        placed.withLock { placed in
            var variants = placed[key] ?? Variants()
            guard !variants.abandoned else { return nil }
            variants.expansions += 1
            if variants.expansions > Self.variantLimit, variants.reuses * 4 < variants.expansions {
                variants = Variants(abandoned: true)
                placed[key] = variants
                return nil
            }
            placed[key] = variants
            return variants
        }
    }

    /// Counts a kept render standing in for an expansion.
    func reused(_ key: PlaceKey) {
        placed.withLock { $0[key]?.reuses += 1 }
    }

    /// Keeps a render of a partial outside lists with the reads it made (each name once).
    func keep(_ bytes: [UInt8], reads: [Read], endsAtLineStart: Bool, expansions: Int, depth: Int, for key: PlaceKey) {
        placed.withLock { placed in
            guard var variants = placed[key], !variants.abandoned, variants.entries.count < Self.variantLimit else { return }
            var indexed: [(path: Int, value: TemplateValue?, storage: UInt)] = []
            for read in reads {
                let index = variants.paths.firstIndex(of: read.path) ?? {
                    variants.paths.append(read.path)
                    return variants.paths.count - 1
                }()
                if !indexed.contains(where: { $0.path == index }) { indexed.append((index, read.value, Self.storage(of: read.value))) }
            }
            // Lists and objects first: told apart by storage, they are what differs between one
            // page's render and another's (a section's navigation), and cheap to compare.
            indexed = indexed.filter { $0.storage != 0 } + indexed.filter { $0.storage == 0 }
            variants.entries.append(PlacedEntry(bytes: bytes, reads: indexed, endsAtLineStart: endsAtLineStart,
                                                expansions: expansions, depth: depth))
            placed[key] = variants
        }
    }

    /// The address of a list's or an object's storage, by which two are the same (the entry holds
    /// its own, so another cannot take its address); 0 for any other value, and for an empty list.
    static func storage(of value: TemplateValue?) -> UInt {
        switch value {
        case .list(let items)?: items.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        case .object(let fields)?: UInt(bitPattern: identity(of: fields))
        default: 0
        }
    }

    /// Whether two values read by a render are the same for a kept render to stand in: objects and
    /// lists by storage (the entry holds it, so it cannot be another's), the others by value.
    static func same(_ kept: TemplateValue?, _ found: TemplateValue?) -> Bool {
        switch (kept, found) {
        case (nil, nil): return true
        case (.null?, .null?): return true
        case (.bool(let a)?, .bool(let b)?): return a == b
        case (.int(let a)?, .int(let b)?): return a == b
        case (.double(let a)?, .double(let b)?): return a.bitPattern == b.bitPattern
        case (.string(let a)?, .string(let b)?), (.html(let a)?, .html(let b)?): return a == b
        case (.htmlBytes(let a)?, .htmlBytes(let b)?): return a == b
        case (.date(let a)?, .date(let b)?): return a == b
        case (.list?, .list?), (.object?, .object?): return storage(of: kept) == storage(of: found)
        default: return false
        }
    }

    /// The identity of an object's field storage.
    static func identity(of fields: [String: TemplateValue]) -> ObjectIdentifier {
        ObjectIdentifier(unsafeBitCast(fields, to: AnyObject.self))
    }
}
