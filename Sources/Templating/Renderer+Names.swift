/// Name resolution: the spec's lookup through the context stack, loop positions, filters, and
/// the report of what could not be resolved.
extension Renderer {
    /// Looks the expression's name up and runs its filters; nil (and a report) when the name is
    /// missing and no filter supplies a default.
    mutating func evaluate(
        _ expression: Expression, at position: SourcePosition, kind: RenderReport.Issue.Kind
    ) -> TemplateValue? {
        let found = lookup(expression.path)
        if found == nil, expression.reportsMissing {
            record(kind, expression.name, at: position)
        }
        if expression.filters.isEmpty { return found }
        var value = found ?? .null
        for call in expression.filters {
            let arguments = call.arguments.map { argument -> TemplateValue in
                switch argument {
                case .literal(let literal): literal
                case .path(let path): lookup(path) ?? .null
                }
            }
            value = call.filter.apply(to: value, arguments: arguments)
        }
        return value
    }

    /// The spec's name resolution: the first name through the context stack, innermost first,
    /// stopping at the first object that has the key (even if its value is null); the other parts
    /// only inside the value found.
    mutating func lookup(_ path: Path) -> TemplateValue? {
        switch path {
        case .current:
            let value = stack[stack.count - 1]
            if stack.count - 1 < placedBase { placedReads.append(.init(path: path, value: value)) }
            return value
        case .names(let first, let rest):
            var index = stack.count - 1
            while index >= 0 {
                if case .object(let fields) = stack[index], let found = Self.field(first, of: fields) {
                    lowestRead = min(lowestRead, index)
                    // Returned from here, not carried out of the loop: each copy of a value counts a reference.
                    let value = rest.isEmpty ? found : Self.value(at: rest, in: found)
                    // Found around the partial being kept: what it found is kept with it.
                    if index < placedBase { placedReads.append(.init(path: path, value: value)) }
                    return value
                }
                index -= 1
            }
            lowestRead = min(lowestRead, index)
            // Found nowhere: kept with the partial being kept, as a miss.
            if index < placedBase { placedReads.append(.init(path: path, value: nil)) }
            return nil
        case .loop(let field):
            // The memo tells items apart by first and last only, where the render read them.
            switch field {
            case .index, .number: readsAroundItem = true
            case .first: readsFirst = true
            case .last: readsLast = true
            }
            guard let loop else { return nil }
            switch field {
            case .index: return .int(loop.index)
            case .number: return .int(loop.index + 1)
            case .first: return .bool(loop.index == 0)
            case .last: return .bool(loop.index == loop.count - 1)
            }
        }
    }

    /// What the names `rest` lead to inside `value`, one object into the next.
    private static func value(at rest: [String], in value: TemplateValue) -> TemplateValue? {
        var value = value
        for name in rest {
            guard case .object(let fields) = value, let next = field(name, of: fields) else { return nil }
            value = next
        }
        return value
    }

    /// A field of an object. Small objects (most view models) are scanned comparing keys, which
    /// costs less than hashing the name: Swift seeds each dictionary's hash differently, so every
    /// lookup would hash the name afresh (measured: a third of a page's render time).
    @inline(__always)
    private static func field(_ name: String, of fields: [String: TemplateValue]) -> TemplateValue? {
        guard fields.count <= 8 else { return fields[name] }
        let length = name.utf8.count
        var index = fields.startIndex
        while index != fields.endIndex {
            let key = fields.keys[index]
            if key.utf8.count == length, key == name { return fields.values[index] }
            fields.formIndex(after: &index)
        }
        return nil
    }

    mutating func record(_ kind: RenderReport.Issue.Kind, _ name: String, at position: SourcePosition) {
        readsAroundItem = true
        report.record(
            .init(kind: kind, name: name, templateName: templateName, line: position.line, column: position.column))
    }

    static func describe(_ path: Path) -> String {
        switch path {
        case .current: "."
        case .names(let first, let rest): ([first] + rest).joined(separator: ".")
        case .loop(let field): "@" + field.rawValue
        }
    }
}
