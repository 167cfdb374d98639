import Infrastructure

/// Reads TOML front matter.
///
/// No TOML package resolves on this platform's package mirror (TOMLKit needs a package that is not
/// there), so this is a small reader of the TOML that front matter and Hugo configs use: comments,
/// bare, quoted and dotted keys, `[table]` and `[[array of tables]]` headers (Hugo's menus), basic
/// and literal strings (also multi-line), numbers, booleans, dates, arrays and inline tables.
/// Numbers and dates stay as written, like the other readers.
struct TOMLFrontMatter {
    private let bytes: [UInt8]
    private var index = 0
    private var line: Int
    private var lineStart = 0
    /// Arrays and inline tables open; bounded so that a hostile file cannot overflow the stack.
    private var depth = 0
    private static let maximumDepth = 64

    /// Parses the text; `firstLine` is the file line the text starts on.
    static func parse(_ text: Substring, firstLine: Int) throws(FrontMatterError) -> FrontMatterFields {
        var reader = TOMLFrontMatter(bytes: Array(text.utf8), line: firstLine)
        return try reader.document()
    }

    private init(bytes: [UInt8], line: Int) {
        self.bytes = bytes
        self.line = line
    }

    private var position: SourcePosition {
        // Columns count characters, not bytes, so that they match what an editor shows.
        let column = String(decoding: bytes[lineStart..<min(index, bytes.count)], as: UTF8.self).count + 1
        return SourcePosition(line: line, column: column)
    }

    private func error(_ message: String) -> FrontMatterError {
        FrontMatterError(line: position.line, column: position.column, message: "TOML front matter: \(message)")
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func advance() {
        if bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        index += 1
    }

    private mutating func skipSpaces() {
        while let byte = current, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") { advance() }
    }

    /// Skips blank lines, spaces and comments, also across lines (inside arrays).
    private mutating func skipTrivia() {
        while let byte = current {
            if byte == UInt8(ascii: "#") {
                while let next = current, next != UInt8(ascii: "\n") { _ = next; advance() }
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") {
                advance()
            } else {
                return
            }
        }
    }

    private mutating func document() throws(FrontMatterError) -> FrontMatterFields {
        var fields = FrontMatterFields()
        var tablePath: [String] = []
        var isArrayTable = false
        // Where keys are checked for repeats: the table's path, or for an element of an array of
        // tables the array's path and the element's number (each element has its own keys).
        var scope: [String] = []
        var tableStart = position
        var tableValues: [String: FrontMatterValue] = [:]
        // TOML forbids defining a key or a table twice; taking the last one would hide a mistake.
        var definedKeys = Set<[String]>()
        var definedTables = Set<[String]>()
        var arrayElements: [[String]: Int] = [:]
        func closeTable() {
            guard let first = tablePath.first else { return }
            let key = first.lowercased()
            fields.set(first, inserting(.table(tableValues), at: tablePath.dropFirst(), into: fields.values[key], appending: isArrayTable),
                       at: tableStart)
        }
        while true {
            skipTrivia()
            guard let byte = current else { break }
            if byte == UInt8(ascii: "[") {
                closeTable()
                tableStart = position
                advance()
                isArrayTable = current == UInt8(ascii: "[")
                if isArrayTable { advance() }
                tablePath = try keyPath()
                let shown = "[\(isArrayTable ? "[" : "")\(tablePath.joined(separator: "."))\(isArrayTable ? "]" : "")]"
                // An array of tables takes a new element at each header; a table, or a key, is defined once.
                let isNew = isArrayTable ? !definedTables.contains(tablePath) : definedTables.insert(tablePath).inserted
                guard isNew, !definedKeys.contains(tablePath), isArrayTable || arrayElements[tablePath] == nil else {
                    throw FrontMatterError(line: tableStart.line, column: tableStart.column,
                                           message: "TOML front matter: table \(shown) is defined twice")
                }
                if isArrayTable {
                    let element = arrayElements[tablePath, default: 0]
                    arrayElements[tablePath] = element + 1
                    scope = tablePath + ["\u{0}\(element)"]
                } else {
                    scope = tablePath
                }
                skipSpaces()
                guard current == UInt8(ascii: "]") else { throw error("expected '\(isArrayTable ? "]]" : "]")' to close the table header") }
                advance()
                if isArrayTable {
                    guard current == UInt8(ascii: "]") else { throw error("expected ']]' to close the table header") }
                    advance()
                }
                tableValues = [:]
                try endOfLine()
                continue
            }
            let keyPosition = position
            let path = try keyPath()
            guard definedKeys.insert(scope + path).inserted, !definedTables.contains(scope + path) else {
                throw FrontMatterError(line: keyPosition.line, column: keyPosition.column,
                                       message: "TOML front matter: key '\((tablePath + path).joined(separator: "."))' is defined twice")
            }
            skipSpaces()
            guard current == UInt8(ascii: "=") else { throw error("expected '=' after the key '\(path.joined(separator: "."))'") }
            advance()
            skipSpaces()
            var value = try self.value()
            for key in path.dropFirst().reversed() { value = .table([key.lowercased(): value]) }
            if tablePath.isEmpty {
                fields.set(path[0], merged(fields.values[path[0].lowercased()], value), at: keyPosition)
            } else {
                tableValues[path[0].lowercased()] = merged(tableValues[path[0].lowercased()], value)
            }
            try endOfLine()
        }
        closeTable()
        return fields
    }

    private func merged(_ old: FrontMatterValue?, _ new: FrontMatterValue) -> FrontMatterValue {
        guard case .table(let oldFields)? = old, case .table(let newFields) = new else { return new }
        return .table(oldFields.merging(newFields) { merged($0, $1) })
    }

    /// `table` put at `path` inside `old`: merged with the table there, or with `appending` added
    /// to the array of tables there. A path through an array of tables goes into its last element,
    /// as TOML reads `[menu.main.params]` after `[[menu.main]]`.
    private func inserting(_ table: FrontMatterValue, at path: ArraySlice<String>, into old: FrontMatterValue?,
                           appending: Bool) -> FrontMatterValue {
        if case .list(var items)? = old, case .table? = items.last, !(path.isEmpty && appending) {
            items[items.count - 1] = inserting(table, at: path, into: items.last, appending: appending)
            return .list(items)
        }
        guard let key = path.first?.lowercased() else {
            guard appending else { return merged(old, table) }
            if case .list(let items)? = old { return .list(items + [table]) }
            return .list([table])
        }
        var fields: [String: FrontMatterValue] = [:]
        if case .table(let existing)? = old { fields = existing }
        fields[key] = inserting(table, at: path.dropFirst(), into: fields[key], appending: appending)
        return .table(fields)
    }

    private mutating func endOfLine() throws(FrontMatterError) {
        skipSpaces()
        if current == UInt8(ascii: "#") {
            while let byte = current, byte != UInt8(ascii: "\n") { _ = byte; advance() }
        }
        guard current == nil || current == UInt8(ascii: "\n") else { throw error("unexpected text after the value") }
    }

    private mutating func keyPath() throws(FrontMatterError) -> [String] {
        var path: [String] = []
        repeat {
            skipSpaces()
            if current == UInt8(ascii: ".") { advance(); skipSpaces() }
            path.append(try key())
            skipSpaces()
        } while current == UInt8(ascii: ".")
        return path
    }

    private mutating func key() throws(FrontMatterError) -> String {
        if current == UInt8(ascii: "\"") { return try basicString() }
        if current == UInt8(ascii: "'") { return try literalString() }
        let start = index
        while let byte = current, Self.isBareKeyByte(byte) { advance() }
        guard index > start else { throw error("expected a key") }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private static func isBareKeyByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    private mutating func value() throws(FrontMatterError) -> FrontMatterValue {
        guard let byte = current else { throw error("expected a value") }
        switch byte {
        case UInt8(ascii: "\""): return .string(try basicString())
        case UInt8(ascii: "'"): return .string(try literalString())
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "{"): return try inlineTable()
        default:
            let start = index
            // A bare value runs to the end of the line, a comma or a closing bracket; dates may
            // hold one space between day and time (`2021-11-30 22:58:00`).
            while let next = current, next != UInt8(ascii: "\n"), next != UInt8(ascii: ","), next != UInt8(ascii: "]"),
                  next != UInt8(ascii: "}"), next != UInt8(ascii: "#") { advance() }
            let text = String(decoding: bytes[start..<index], as: UTF8.self).trimmingCharacters(in: " \t\r")
            if text == "true" { return .bool(true) }
            if text == "false" { return .bool(false) }
            guard let first = text.unicodeScalars.first, first.properties.numericType != nil || "+-.in".unicodeScalars.contains(first) else {
                index = start
                throw error("expected a value (strings need quotes)")
            }
            return .string(text)
        }
    }

    private mutating func array() throws(FrontMatterError) -> FrontMatterValue {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw error("values nested more than \(Self.maximumDepth) deep") }
        advance()
        var items: [FrontMatterValue] = []
        while true {
            skipTrivia()
            guard let byte = current else { throw error("array is never closed with ']'") }
            if byte == UInt8(ascii: "]") { advance(); return .list(items) }
            items.append(try value())
            skipTrivia()
            if current == UInt8(ascii: ",") { advance(); continue }
            guard current == UInt8(ascii: "]") else { throw error("expected ',' or ']' in the array") }
        }
    }

    private mutating func inlineTable() throws(FrontMatterError) -> FrontMatterValue {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw error("values nested more than \(Self.maximumDepth) deep") }
        advance()
        var fields: [String: FrontMatterValue] = [:]
        skipSpaces()
        if current == UInt8(ascii: "}") { advance(); return .table(fields) }
        while true {
            let path = try keyPath()
            skipSpaces()
            guard current == UInt8(ascii: "=") else { throw error("expected '=' in the inline table") }
            advance()
            skipSpaces()
            var value = try self.value()
            for key in path.dropFirst().reversed() { value = .table([key.lowercased(): value]) }
            fields[path[0].lowercased()] = merged(fields[path[0].lowercased()], value)
            skipSpaces()
            if current == UInt8(ascii: ",") { advance(); skipSpaces(); continue }
            guard current == UInt8(ascii: "}") else { throw error("expected ',' or '}' in the inline table") }
            advance()
            return .table(fields)
        }
    }

    private mutating func literalString() throws(FrontMatterError) -> String {
        let multiline = bytes.count >= index + 3 && bytes[index + 1] == UInt8(ascii: "'") && bytes[index + 2] == UInt8(ascii: "'")
        index += multiline ? 3 : 1
        if multiline, current == UInt8(ascii: "\n") { advance() }
        let start = index
        while let byte = current {
            if byte == UInt8(ascii: "'") && (!multiline || (index + 2 < bytes.count && bytes[index + 1] == byte && bytes[index + 2] == byte)) {
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                index += multiline ? 3 : 1
                return text
            }
            if byte == UInt8(ascii: "\n") && !multiline { break }
            advance()
        }
        throw error("string is never closed")
    }

    private mutating func basicString() throws(FrontMatterError) -> String {
        let multiline = bytes.count >= index + 3 && bytes[index + 1] == UInt8(ascii: "\"") && bytes[index + 2] == UInt8(ascii: "\"")
        index += multiline ? 3 : 1
        if multiline, current == UInt8(ascii: "\n") { advance() }
        var output: [UInt8] = []
        while let byte = current {
            if byte == UInt8(ascii: "\"") && (!multiline || (index + 2 < bytes.count && bytes[index + 1] == byte && bytes[index + 2] == byte)) {
                index += multiline ? 3 : 1
                return String(decoding: output, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\n") && !multiline { break }
            if byte == UInt8(ascii: "\\") {
                advance()
                try escape(into: &output)
                continue
            }
            output.append(byte)
            advance()
        }
        throw error("string is never closed")
    }

    private mutating func escape(into output: inout [UInt8]) throws(FrontMatterError) {
        guard let byte = current else { throw error("string is never closed") }
        advance()
        switch byte {
        case UInt8(ascii: "n"): output.append(UInt8(ascii: "\n"))
        case UInt8(ascii: "t"): output.append(UInt8(ascii: "\t"))
        case UInt8(ascii: "r"): output.append(UInt8(ascii: "\r"))
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
        case UInt8(ascii: "b"): output.append(8)
        case UInt8(ascii: "f"): output.append(12)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let length = byte == UInt8(ascii: "u") ? 4 : 8
            guard index + length <= bytes.count,
                  let code = UInt32(String(decoding: bytes[index..<index + length], as: UTF8.self), radix: 16),
                  let scalar = Unicode.Scalar(code) else { throw error("bad \\u escape") }
            output.append(contentsOf: Array(String(Character(scalar)).utf8))
            index += length
        case UInt8(ascii: "\n"):
            // A backslash at the end of a line joins it with the next, dropping the indentation.
            skipTrivia()
        default:
            throw error("unknown escape '\\\(Character(Unicode.Scalar(byte)))'")
        }
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, set.contains(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
