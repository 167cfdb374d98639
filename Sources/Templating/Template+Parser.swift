extension Template {
    /// Turns tokens into nodes in three passes: match opening and closing tags, remove the
    /// whitespace of standalone tags (working out partial and block indentation on the way), then
    /// build the tree.
    struct Parser {
        let source: SourceText
        let filters: FilterRegistry
        private var tokens: [Token] = []
        /// For each opening or closing tag, the index of its partner.
        private var partner: [Int] = []
        /// For each block tag, whether it sits directly inside a parent (defines an override).
        private var definesOverride: [Bool] = []
        private var layout = Layout()

        init(source: SourceText, filters: FilterRegistry) {
            self.source = source
            self.filters = filters
        }

        mutating func parse(delimiters: Delimiters) throws(TemplateError) -> [Node] {
            var scanner = Scanner(source: source, delimiters: delimiters)
            tokens = try scanner.scan()
            try matchPairs()
            layout = Layout(tokens: tokens, source: source)
            removeStandaloneWhitespace()
            return try buildNodes(tokens.indices)
        }

        // MARK: matching

        private mutating func matchPairs() throws(TemplateError) {
            partner = Array(repeating: -1, count: tokens.count)
            definesOverride = Array(repeating: false, count: tokens.count)
            var open: [Int] = []
            for (index, token) in tokens.enumerated() {
                switch token.kind {
                case .section, .inverted, .parent, .block:
                    if token.kind == .block, let enclosing = open.last, tokens[enclosing].kind == .parent {
                        definesOverride[index] = true
                    }
                    open.append(index)
                    // Parsing and rendering recurse once per level: without a bound, a template of
                    // 10,000 nested sections overflowed the stack (render threads have 512 KiB).
                    guard open.count <= Template.nestingLimit else {
                        throw source.error("sections nested more than \(Template.nestingLimit) deep", at: token.start)
                    }
                case .close:
                    let name = closingName(of: token)
                    guard let opener = open.popLast() else {
                        throw source.error("closing tag '\(name)' has no open section", at: token.start)
                    }
                    let expected = closingName(of: tokens[opener])
                    guard name == expected else {
                        let opened = source.position(of: tokens[opener].start)
                        throw source.error(
                            "closing tag '\(name)' does not match '\(expected)', opened at line \(opened.line), "
                                + "column \(opened.column)", at: token.start)
                    }
                    partner[opener] = index
                    partner[index] = opener
                default:
                    break
                }
            }
            if let opener = open.last {
                let name = closingName(of: tokens[opener])
                let kind = describe(tokens[opener].kind)
                throw source.error("unclosed \(kind) '\(name)': no closing tag", at: tokens[opener].start)
            }
        }

        /// The name a closing tag must repeat: a section's name without its filters, or the content.
        private func closingName(of token: Token) -> String {
            var end = token.contentEnd
            if token.kind == .section || token.kind == .inverted,
                let bar = source.bytes[token.contentStart..<token.contentEnd].firstIndex(of: UInt8(ascii: "|"))
            {
                end = bar
                while end > token.contentStart, source.bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
            }
            return String(decoding: source.bytes[token.contentStart..<end], as: UTF8.self)
        }

        private func describe(_ kind: Token.Kind) -> String {
            switch kind {
            case .inverted: "inverted section"
            case .parent: "parent"
            case .block: "block"
            default: "section"
            }
        }

        // MARK: standalone lines

        /// Applies the spec's standalone rules, and the inheritance spec's rules for parent and
        /// block pairs (mustache/spec#131): a parent pair is standalone when its opening tag clears
        /// the line on the left and its closing tag on the right; a block inside a parent takes the
        /// line ending after its opening tag, and the indentation before its closing tag; a block
        /// elsewhere, standalone, gets its indentation from its first content line ("intrinsic"),
        /// and a block pair whose ends clear the line gets the whitespace before it.
        private mutating func removeStandaloneWhitespace() {
            var regions: [Layout.Region] = []
            for (index, token) in tokens.enumerated() {
                switch token.kind {
                case .section, .inverted, .comment, .partial, .delimiters:
                    layout.stripIfStandalone(index)
                case .close:
                    let opener = partner[index]
                    let kind = tokens[opener].kind
                    if kind == .section || kind == .inverted || (kind == .block && !definesOverride[opener]) {
                        layout.stripIfStandalone(index)
                    }
                case .parent:
                    let closer = partner[index]
                    if layout.clearsLeft(index), layout.clearsRight(closer) {
                        layout.indentation[index] = layout.stripBefore(index)
                        layout.stripAfter(closer)
                        layout.standalone[index] = true
                    }
                case .block where definesOverride[index]:
                    let closer = partner[index]
                    if layout.clearsRight(index) {
                        layout.stripAfter(index)
                        regions.append(.init(opener: index, closer: closer, prefix: layout.nextLineIndentation(index)))
                    }
                    if layout.clearsLeft(closer) { _ = layout.stripBefore(closer) }
                case .block:
                    let closer = partner[index]
                    if layout.clearsLeft(index), layout.clearsRight(index) {
                        _ = layout.stripBefore(index)
                        layout.stripAfter(index)
                        let intrinsic = layout.nextLineIndentation(index)
                        layout.indentation[index] = intrinsic
                        layout.standalone[index] = true
                        regions.append(.init(opener: index, closer: closer, prefix: intrinsic))
                    } else if layout.clearsLeft(index), layout.clearsRight(closer) {
                        layout.indentation[index] = layout.stripBefore(index)
                        layout.standalone[index] = true
                    }
                default:
                    break
                }
            }
            layout.removeIndentation(of: regions)
        }

        // MARK: building

        private mutating func buildNodes(_ range: Range<Int>) throws(TemplateError) -> [Node] {
            var nodes: [Node] = []
            var text: [UInt8] = []
            var index = range.lowerBound
            while index < range.upperBound {
                let token = tokens[index]
                switch token.kind {
                case .text:
                    if !layout.removed[index] {
                        text.append(contentsOf: source.bytes[(token.start + layout.trimmed[index])..<token.end])
                    }
                    index += 1
                    continue
                case .comment, .delimiters, .close:
                    index += 1
                    continue
                default:
                    break
                }
                if !text.isEmpty {
                    nodes.append(.text(Text(text)))
                    text = []
                }
                nodes.append(try buildNode(at: index))
                index = max(index, partner[index]) + 1
            }
            if !text.isEmpty { nodes.append(.text(Text(text))) }
            return nodes
        }

        private mutating func buildNode(at index: Int) throws(TemplateError) -> Node {
            let token = tokens[index]
            let content = token.contentStart..<token.contentEnd
            let name = String(decoding: source.bytes[content], as: UTF8.self)
            let position = source.position(of: token.start)
            let expressions = ExpressionParser(source: source, filters: filters)
            switch token.kind {
            case .variable, .unescaped:
                return .value(Value(
                    expression: try expressions.parse(content), escaped: token.kind == .variable, position: position))
            case .section, .inverted:
                let closer = partner[index]
                return .section(Section(
                    expression: try expressions.parse(content), inverted: token.kind == .inverted,
                    nodes: try buildNodes((index + 1)..<closer),
                    rawText: String(decoding: source.bytes[token.end..<tokens[closer].start], as: UTF8.self),
                    delimiters: token.delimiters, position: position))
            case .partial:
                return .partial(Partial(
                    name: try templateName(content), indentation: layout.indentation[index],
                    standalone: layout.standalone[index], position: position))
            case .parent:
                var overrides: [String: BlockContent] = [:]
                for case .block(let block) in try buildNodes((index + 1)..<partner[index]) {
                    overrides[block.name] = block.defaultContent
                }
                return .parent(Parent(
                    name: try templateName(content), overrides: overrides, indentation: layout.indentation[index],
                    standalone: layout.standalone[index], position: position))
            default:
                return .block(Block(
                    name: name,
                    defaultContent: BlockContent(
                        templateName: source.name, nodes: try buildNodes((index + 1)..<partner[index])),
                    indentation: layout.indentation[index], startsLine: layout.standalone[index]))
            }
        }

        /// `name`, or `*dotted.name` for a name taken from the data (the dynamic-names spec).
        private func templateName(_ content: Range<Int>) throws(TemplateError) -> TemplateName {
            guard source.bytes[content.lowerBound] == UInt8(ascii: "*") else {
                return .fixed(String(decoding: source.bytes[content], as: UTF8.self))
            }
            var start = content.lowerBound + 1
            while start < content.upperBound, source.bytes[start] == UInt8(ascii: " ") { start += 1 }
            guard start < content.upperBound else {
                throw source.error("missing name after '*'", at: content.lowerBound)
            }
            let path = try ExpressionParser(source: source, filters: filters).parsePath(start..<content.upperBound)
            return .dynamic(path)
        }
    }
}
