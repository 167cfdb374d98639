extension TemplateValue {
    /// Whether a section renders: null, false, 0, empty text and empty lists do not (as in
    /// mustache.js, so `{{^count}}none{{/count}}` works); everything else does.
    var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let flag): flag
        case .int(let number): number != 0
        case .double(let number): number != 0
        case .string(let text), .html(let text): !text.isEmpty
        case .htmlBytes(let html): !html.isEmpty
        case .list(let items): !items.isEmpty
        case .date, .object, .lambda: true
        }
    }
}
