extension TemplateValue {
    /// A copy that shares no storage with this value: its strings, lists and objects are allocated
    /// anew (lambdas are kept as they are).
    ///
    /// For values every page reads (the `site` and `t` objects): a thread rendering many pages
    /// keeps its own copy, since reading a shared value counts references on storage another core
    /// is counting on too, and the two cores then pass its cache lines back and forth.
    public func unshared() -> TemplateValue {
        switch self {
        case .string(let text): .string(Self.unshared(text))
        case .html(let text): .html(Self.unshared(text))
        // Made from the buffer: `Array(html)` would share `html`'s storage.
        case .htmlBytes(let html): .htmlBytes(html.withUnsafeBufferPointer { Array($0) })
        case .list(let items): .list(items.map { $0.unshared() })
        case .object(let fields):
            .object(Dictionary(uniqueKeysWithValues: fields.map { (Self.unshared($0.key), $0.value.unshared()) }))
        case .null, .bool, .int, .double, .date, .lambda: self
        }
    }

    private static func unshared(_ text: String) -> String {
        String(decoding: Array(text.utf8), as: UTF8.self)
    }
}
