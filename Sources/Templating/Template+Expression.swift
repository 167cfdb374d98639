extension Template {
    /// Parses the content of a variable or section tag into an `Expression`.
    ///
    /// Grammar: `name ( "|" filter ( ":" argument ( "," argument )* )? )*`, where an argument is
    /// a double-quoted string (with `\"`, `\\`, `\n`, `\t` escapes), a number, `true`, `false`,
    /// `null`, or a name. Without a `|` the whole content is the name, as plain Mustache reads it.
    struct ExpressionParser {
        let source: SourceText
        let filters: FilterRegistry

        private var bytes: [UInt8] { source.bytes }

        func parse(_ content: Range<Int>) throws(TemplateError) -> Expression {
            let segments = splitTopLevel(content, at: UInt8(ascii: "|"))
            let nameRange = trimmed(segments[0])
            guard !nameRange.isEmpty else { throw source.error("missing name before '|'", at: content.lowerBound) }
            let path = try parsePath(nameRange)
            var calls: [FilterCall] = []
            var reportsMissing = true
            for segment in segments.dropFirst() {
                let call = try parseFilterCall(segment)
                reportsMissing = reportsMissing && !call.filter.suppliesDefault
                calls.append(call)
            }
            return Expression(
                path: path, filters: calls, name: String(decoding: bytes[nameRange], as: UTF8.self),
                reportsMissing: reportsMissing)
        }

        /// `.`, `@field` or a dotted name; also used for dynamic partial names.
        func parsePath(_ range: Range<Int>) throws(TemplateError) -> Path {
            let text = String(decoding: bytes[range], as: UTF8.self)
            if text == "." { return .current }
            if text.hasPrefix("@") {
                guard let field = LoopField(rawValue: String(text.dropFirst())) else {
                    let known = LoopField.allCases.map { "@\($0.rawValue)" }.joined(separator: ", ")
                    throw source.error("unknown loop variable '\(text)' (known: \(known))", at: range.lowerBound)
                }
                return .loop(field)
            }
            let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !parts.contains(where: \.isEmpty) else {
                throw source.error("bad name '\(text)': empty part between dots", at: range.lowerBound)
            }
            return .names(first: parts[0], rest: Array(parts.dropFirst()))
        }

        private func parseFilterCall(_ segment: Range<Int>) throws(TemplateError) -> FilterCall {
            let range = trimmed(segment)
            guard !range.isEmpty else { throw source.error("missing filter name after '|'", at: segment.lowerBound) }
            let colon = splitTopLevel(range, at: UInt8(ascii: ":"), limit: 1)
            let nameRange = trimmed(colon[0])
            let name = String(decoding: bytes[nameRange], as: UTF8.self)
            guard let filter = filters[name] else {
                throw source.error("unknown filter '\(name)'", at: nameRange.lowerBound)
            }
            var arguments: [Argument] = []
            if colon.count == 2 {
                for part in splitTopLevel(colon[1], at: UInt8(ascii: ",")) {
                    let argument = trimmed(part)
                    guard !argument.isEmpty else {
                        throw source.error("missing argument to filter '\(name)'", at: part.lowerBound)
                    }
                    arguments.append(try parseArgument(argument))
                }
            }
            guard filter.arguments.contains(arguments.count) else {
                throw source.error(
                    "filter '\(name)' takes \(describe(filter.arguments)), not \(arguments.count)",
                    at: nameRange.lowerBound)
            }
            return FilterCall(filter: filter, arguments: arguments)
        }

        private func describe(_ counts: ClosedRange<Int>) -> String {
            let noun = counts.upperBound == 1 ? "argument" : "arguments"
            return counts.lowerBound == counts.upperBound
                ? "\(counts.lowerBound) \(noun)" : "\(counts.lowerBound) to \(counts.upperBound) \(noun)"
        }

        private func parseArgument(_ range: Range<Int>) throws(TemplateError) -> Argument {
            let text = String(decoding: bytes[range], as: UTF8.self)
            if bytes[range.lowerBound] == UInt8(ascii: "\"") {
                return .literal(.string(try parseString(range)))
            }
            switch text {
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            case "null": return .literal(.null)
            default: break
            }
            if let first = text.unicodeScalars.first, first == "-" || ("0"..."9").contains(first) {
                if let int = Int(text) { return .literal(.int(int)) }
                if let double = Double(text) { return .literal(.double(double)) }
                throw source.error("bad number '\(text)'", at: range.lowerBound)
            }
            return .path(try parsePath(range))
        }

        private func parseString(_ range: Range<Int>) throws(TemplateError) -> String {
            var result: [UInt8] = []
            var offset = range.lowerBound + 1
            while offset < range.upperBound {
                let byte = bytes[offset]
                if byte == UInt8(ascii: "\"") {
                    guard offset == range.upperBound - 1 else {
                        throw source.error("unexpected text after string argument", at: offset + 1)
                    }
                    return String(decoding: result, as: UTF8.self)
                }
                if byte == UInt8(ascii: "\\"), offset + 1 < range.upperBound {
                    offset += 1
                    switch bytes[offset] {
                    case UInt8(ascii: "n"): result.append(UInt8(ascii: "\n"))
                    case UInt8(ascii: "t"): result.append(UInt8(ascii: "\t"))
                    default: result.append(bytes[offset])
                    }
                } else {
                    result.append(byte)
                }
                offset += 1
            }
            throw source.error("unterminated string argument", at: range.lowerBound)
        }

        /// Splits at `separator` where it is not inside a double-quoted string.
        private func splitTopLevel(_ range: Range<Int>, at separator: UInt8, limit: Int = .max) -> [Range<Int>] {
            var parts: [Range<Int>] = []
            var start = range.lowerBound
            var inString = false
            var offset = range.lowerBound
            while offset < range.upperBound {
                let byte = bytes[offset]
                if inString, byte == UInt8(ascii: "\\") {
                    offset += 2
                    continue
                }
                if byte == UInt8(ascii: "\"") {
                    inString.toggle()
                } else if !inString, byte == separator, parts.count < limit {
                    parts.append(start..<offset)
                    start = offset + 1
                }
                offset += 1
            }
            parts.append(start..<range.upperBound)
            return parts
        }

        private func trimmed(_ range: Range<Int>) -> Range<Int> {
            var lower = range.lowerBound
            var upper = range.upperBound
            while lower < upper, isSpace(bytes[lower]) { lower += 1 }
            while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
            return lower..<upper
        }

        private func isSpace(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r")
        }
    }
}
