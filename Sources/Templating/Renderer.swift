/// One render of one template: the output buffer, the context stack and the state that partials,
/// parents and blocks hand down.
///
/// This is the hot path, written for speed on purpose: it walks compiled nodes, switches over the
/// closed `TemplateValue` cases (no `Any`, no `Mirror`), looks names up in the values' own
/// dictionaries, and writes bytes into one buffer (`OutputBuffer`) without building strings per tag.
struct Renderer: ~Copyable {
    let library: TemplateLibrary
    var output = OutputBuffer()
    var report = RenderReport()
    /// The context stack, innermost last.
    var stack: [TemplateValue]
    /// Name of the template whose nodes are rendering, for the report.
    var templateName: String
    /// Indentation prepended to each line of the standalone partials and blocks being expanded.
    private var indentation: [UInt8] = []
    /// True when the next output starts a line (so it takes `indentation`); kept only while
    /// `indentation` is not empty, and set explicitly wherever indentation starts.
    private var atLineStart = true
    /// Position in the innermost list section, for `@index` and friends.
    var loop: (index: Int, count: Int)?
    /// Block overrides of the parents being expanded, outermost first: the outermost wins, as the
    /// inheritance spec wants ("top-level substitutions take precedence").
    private var overrides: [[String: Template.BlockContent]] = []
    private var depth = 0
    /// Expansions so far in this render, against `TemplateLibrary.maximumExpansions`.
    private var expansions = 0
    /// Renders of list items' partials kept across pages, when the caller keeps them.
    let memo: PartialMemo?
    /// While a partial is rendered to be kept in the memo (`tracing`): the lowest context stack index
    /// a name was found at (-1 once a name was missing), whether it used anything else from around
    /// its item (a lambda, a parent's block, `@index`, a reported issue), and how deep it expanded.
    /// Updated at all times, read only at the end of a traced render.
    var lowestRead = Int.max
    var readsAroundItem = false
    /// Whether the traced render read `@first`, `@last` (of its item or of a list inside it).
    var readsFirst = false
    var readsLast = false
    private var deepest = 0
    private var tracing = false
    /// While a partial outside lists is rendered to be kept: the context stack's size where it
    /// started (names found below it, or not at all, are recorded in `placedReads`); -1 otherwise.
    var placedBase = -1
    var placedReads: [PartialMemo.Read] = []

    init(library: TemplateLibrary, root: TemplateValue, templateName: String, memo: PartialMemo? = nil) {
        self.library = library
        self.memo = memo
        stack = [root]
        stack.reserveCapacity(16)
        self.templateName = templateName
    }

    mutating func render(_ nodes: [Template.Node]) {
        for node in nodes {
            switch node {
            case .text(let text):
                if indentation.isEmpty {
                    output.append(text.bytes)
                } else {
                    appendIndented(text)
                }
            case .value(let value):
                renderValue(value)
            case .section(let section):
                renderSection(section)
            case .partial(let partial):
                renderPartial(partial)
            case .parent(let parent):
                renderParent(parent)
            case .block(let block):
                renderBlock(block)
            }
        }
    }

    // MARK: values

    private mutating func renderValue(_ node: Template.Value) {
        startLineIfNeeded()
        guard let value = evaluate(node.expression, at: node.position, kind: .missingVariable) else { return }
        switch value {
        case .string(let text):
            if node.escaped {
                output.appendEscaped(text)
            } else {
                output.append(text)
            }
        case .html(let html):
            output.append(html)
        case .htmlBytes(let html):
            output.append(html)
        case .int(let number):
            appendDecimal(number)
        case .double(let number):
            output.append(number.description)
        case .bool(let flag):
            output.append(flag ? "true" : "false")
        case .date(let date):
            output.append(CivilDate(date).iso8601)
        case .lambda(let lambda):
            readsAroundItem = true
            let rendered = renderLambda(lambda.body(""), delimiters: .standard, at: node.position)
            if node.escaped {
                rendered.withUnsafeBufferPointer { output.appendEscaped($0) }
            } else {
                output.append(rendered)
            }
        case .null, .list, .object:
            break
        }
    }

    private mutating func appendDecimal(_ number: Int) {
        guard number >= 0 && number < 10 else {
            output.append(String(number))
            return
        }
        output.append(UInt8(ascii: "0") + UInt8(number))
    }

    // MARK: sections

    private mutating func renderSection(_ section: Template.Section) {
        let value = evaluate(section.expression, at: section.position, kind: .missingSection) ?? .null
        if section.inverted {
            if !value.isTruthy { render(section.nodes) }
            return
        }
        switch value {
        case .list(let items):
            let outerLoop = loop
            for (index, item) in items.enumerated() {
                loop = (index, items.count)
                stack.append(item)
                render(section.nodes)
                stack.removeLast()
            }
            loop = outerLoop
        case .lambda(let lambda):
            readsAroundItem = true
            let source = lambda.body(section.rawText)
            output.append(renderLambda(source, delimiters: section.delimiters, at: section.position))
        default:
            guard value.isTruthy else { return }
            stack.append(value)
            render(section.nodes)
            stack.removeLast()
        }
    }

    /// Compiles and renders a lambda's returned template in the current context, into new bytes.
    private mutating func renderLambda(
        _ source: String, delimiters: Delimiters, at position: SourcePosition
    ) -> [UInt8] {
        guard depth < TemplateLibrary.maximumDepth, withinExpansionBudget() else {
            record(.recursionLimit, templateName + " (lambda)", at: position)
            return []
        }
        let template: Template
        do {
            template = try Template(
                name: templateName + " (lambda)", source: source, filters: library.filters, delimiters: delimiters)
        } catch {
            record(.invalidLambdaResult, error.description, at: position)
            return []
        }
        let start = output.count
        let outerIndentation = indentation
        indentation = []
        depth += 1
        render(template.nodes)
        depth -= 1
        indentation = outerIndentation
        atLineStart = false
        return output.take(from: start)
    }

    // MARK: partials, parents, blocks

    private mutating func renderPartial(_ partial: Template.Partial) {
        guard let template = resolve(partial.name, kind: .unknownPartial, at: partial.position) else { return }
        // Only a partial named in the template is worth keeping; and not one inside a partial
        // being kept already.
        guard let memo, !tracing, placedBase < 0, case .fixed(let name) = partial.name else { return expand(template, as: partial) }
        guard let loop else { return renderPlacedPartial(template, partial, name: name, memo: memo) }
        // An item of a list: kept for an object item.
        guard case .object(let fields) = stack[stack.count - 1] else { return expand(template, as: partial) }
        renderItemPartial(template, partial, name: name, fields: fields, loop: loop, memo: memo)
    }

    /// Renders a partial's template in place of its tag, as the tag's indentation and standing say.
    private mutating func expand(_ template: Template, as partial: Template.Partial) {
        expand(template, indentation: partial.indentation, standalone: partial.standalone, at: partial.position)
    }

    private mutating func renderItemPartial(
        _ template: Template, _ partial: Template.Partial, name: String, fields: [String: TemplateValue],
        loop: (index: Int, count: Int), memo: PartialMemo
    ) {
        var key = PartialMemo.Key(name: name, tagIndentation: partial.indentation, standalone: partial.standalone,
                                  item: PartialMemo.identity(of: fields), isFirst: nil, isLast: nil,
                                  indentation: indentation, atLineStart: atLineStart)
        let (isFirst, isLast) = (loop.index == 0, loop.index == loop.count - 1)
        // A kept render stands in only where rendering anew would stay within the render's limits too.
        if let kept = memo.entry(for: key, isFirst: isFirst, isLast: isLast),
           expansions + kept.expansions <= TemplateLibrary.maximumExpansions, depth + kept.depth < TemplateLibrary.maximumDepth - 1 {
            output.append(kept.bytes)
            atLineStart = kept.endsAtLineStart
            expansions += kept.expansions
            return
        }
        (lowestRead, readsAroundItem, readsFirst, readsLast, deepest, tracing) = (Int.max, false, false, false, depth, true)
        let start = output.count
        let expansionsBefore = expansions
        expand(template, as: partial)
        tracing = false
        if !readsAroundItem, lowestRead >= stack.count - 1 {
            (key.isFirst, key.isLast) = (readsFirst ? isFirst : nil, readsLast ? isLast : nil)
            memo.keep(PartialMemo.Entry(bytes: output.copy(from: start), item: stack[stack.count - 1], endsAtLineStart: atLineStart,
                                        expansions: expansions - expansionsBefore, depth: deepest - depth), for: key)
        }
    }

    /// A partial outside lists: a kept render whose reads from around the partial find the same
    /// values again stands in; else it is rendered, and kept with those reads.
    private mutating func renderPlacedPartial(_ template: Template, _ partial: Template.Partial, name: String, memo: PartialMemo) {
        let key = PartialMemo.PlaceKey(name: name, tagIndentation: partial.indentation, standalone: partial.standalone,
                                       indentation: indentation, atLineStart: atLineStart)
        guard let variants = memo.variants(for: key) else { return expand(template, as: partial) }
        // Each name is looked up once, when a kept render first needs it; lists and objects are
        // compared by the address of their storage, taken once too.
        var found = [TemplateValue??](repeating: nil, count: variants.paths.count)
        var storages = [UInt](repeating: 0, count: variants.paths.count)
        // By index: each kept render copied out of the list cost its references' counts.
        for index in variants.entries.indices where expansions + variants.entries[index].expansions <= TemplateLibrary.maximumExpansions
            && depth + variants.entries[index].depth < TemplateLibrary.maximumDepth - 1 {
            let matches = variants.entries[index].reads.allSatisfy { read in
                if found[read.path] == nil {
                    let value = lookup(variants.paths[read.path])
                    (found[read.path], storages[read.path]) = (.some(value), PartialMemo.storage(of: value))
                }
                return read.storage != 0 ? storages[read.path] == read.storage : PartialMemo.same(read.value, found[read.path]!)
            }
            guard matches else { continue }
            let kept = variants.entries[index]
            output.append(kept.bytes)
            atLineStart = kept.endsAtLineStart
            expansions += kept.expansions
            memo.reused(key)
            return
        }
        (readsAroundItem, deepest, placedBase, placedReads) = (false, depth, stack.count, [])
        let start = output.count
        let expansionsBefore = expansions
        expand(template, as: partial)
        placedBase = -1
        // A lambda, a parent's block or a reported issue: not kept (see `readsAroundItem`).
        guard !readsAroundItem else { return }
        memo.keep(output.copy(from: start), reads: placedReads, endsAtLineStart: atLineStart,
                  expansions: expansions - expansionsBefore, depth: deepest - depth, for: key)
    }

    private mutating func renderParent(_ parent: Template.Parent) {
        guard let template = resolve(parent.name, kind: .unknownParent, at: parent.position) else { return }
        overrides.append(parent.overrides)
        expand(template, indentation: parent.indentation, standalone: parent.standalone, at: parent.position)
        overrides.removeLast()
    }

    /// Renders another template's nodes in place: a standalone tag indents each of its lines, an
    /// inline one renders it without indentation, as if its source were pasted in (the spec's rule).
    private mutating func expand(
        _ template: Template, indentation extra: [UInt8], standalone: Bool, at position: SourcePosition
    ) {
        guard depth < TemplateLibrary.maximumDepth, withinExpansionBudget() else {
            record(.recursionLimit, template.name, at: position)
            return
        }
        let outerIndentation = indentation
        let outerName = templateName
        if standalone {
            indentation += extra
            atLineStart = true
        } else {
            startLineIfNeeded()
            indentation = []
        }
        depth += 1
        deepest = max(deepest, depth)
        templateName = template.name
        render(template.nodes)
        templateName = outerName
        depth -= 1
        indentation = outerIndentation
        if !standalone { atLineStart = false }
    }

    /// Counts one expansion; false once the render has made too many.
    private mutating func withinExpansionBudget() -> Bool {
        expansions += 1
        return expansions <= TemplateLibrary.maximumExpansions
    }

    private mutating func renderBlock(_ block: Template.Block) {
        readsAroundItem = true
        var content = block.defaultContent
        for layer in overrides {
            if let replacement = layer[block.name] {
                content = replacement
                break
            }
        }
        let outerIndentation = indentation
        let outerName = templateName
        indentation += block.indentation
        if block.startsLine { atLineStart = true }
        templateName = content.templateName
        render(content.nodes)
        templateName = outerName
        indentation = outerIndentation
    }

    /// The template a partial or parent tag names; records the name when there is none.
    private mutating func resolve(
        _ name: Template.TemplateName, kind: RenderReport.Issue.Kind, at position: SourcePosition
    ) -> Template? {
        let resolved: String
        switch name {
        case .fixed(let fixed):
            resolved = fixed
        case .dynamic(let path):
            guard let value = lookup(path) else {
                record(.missingVariable, Self.describe(path), at: position)
                return nil
            }
            guard case .string(let dynamic) = value else { return nil }
            resolved = dynamic
        }
        guard let template = library.templates[resolved] else {
            record(kind, resolved, at: position)
            return nil
        }
        return template
    }

    // MARK: indentation

    private mutating func startLineIfNeeded() {
        guard !indentation.isEmpty else { return }
        if atLineStart { output.append(indentation) }
        atLineStart = false
    }

    /// Text inside an indented partial or block: the indentation goes before each line's first byte.
    private mutating func appendIndented(_ text: Template.Text) {
        text.bytes.withUnsafeBufferPointer { bytes in
            var lineStart = 0
            for lineEnd in text.lineEnds {
                if atLineStart { output.append(indentation) }
                output.append(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]))
                lineStart = lineEnd
                atLineStart = true
            }
            if lineStart < bytes.count {
                if atLineStart { output.append(indentation) }
                output.append(UnsafeBufferPointer(rebasing: bytes[lineStart...]))
                atLineStart = false
            }
        }
    }
}
