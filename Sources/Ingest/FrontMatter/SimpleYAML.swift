import Infrastructure

/// The shape most YAML front matter has, read without Yams: top-level `key: value` lines whose value
/// is a one-line scalar (plain, single-quoted, or double-quoted without escapes), a one-line flow
/// list of such scalars (`[a, "b"]`), or a block list of them (`- a` lines under an empty value).
///
/// Anything else (nesting, anchors and aliases, tags, block scalars, scalars over several lines,
/// comments after a value, escapes, a key met twice, characters YAML treats specially) makes it
/// return nil, and the text goes to Yams. Where it answers, it answers what Yams would:
/// `SimpleYAMLTests` reads generated and real front matter both ways. Yams built a node tree for
/// every file, a sixteenth of a build's time.
enum SimpleYAML {
    /// The fields of `text`, as `YAMLFrontMatter` would read them with Yams; nil when the text is
    /// not of the simple shape. `firstLine` is the file line the text starts on.
    static func fields(_ text: Substring, firstLine: Int) -> FrontMatterFields? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = Reader(bytes: bytes, firstLine: firstLine)
            return reader.read()
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let firstLine: Int
        var fields = FrontMatterFields()
        /// The keys read so far: Yams stops at a key met twice.
        var names: [String] = []

        init(bytes: UnsafeBufferPointer<UInt8>, firstLine: Int) {
            self.bytes = bytes
            self.firstLine = firstLine
        }

        mutating func read() -> FrontMatterFields? {
            guard Self.holdsOnlyPlainCharacters(bytes) else { return nil }
            // A key whose value is empty on its line, and the block list items under it so far.
            var open: (name: String, line: Int)?
            var items: [FrontMatterValue] = []
            var itemIndent: Int?
            var line = 0
            var start = 0
            while start < bytes.count {
                line += 1
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                defer { start = end + 1 }
                var first = start
                while first < end, bytes[first] == UInt8(ascii: " ") { first += 1 }
                if first == end || bytes[first] == UInt8(ascii: "#") { continue }
                let indent = first - start
                if open != nil, bytes[first] == UInt8(ascii: "-"), first + 1 == end || bytes[first + 1] == UInt8(ascii: " ") {
                    guard indent == (itemIndent ?? indent) else { return nil }
                    itemIndent = indent
                    guard let item = blockValue(from: first + 1, to: end) else { return nil }
                    items.append(item)
                    continue
                }
                guard indent == 0 else { return nil }
                if let key = open {
                    set(key.name, items.isEmpty ? .string("") : .list(items), line: key.line)
                    (open, items, itemIndent) = (nil, [], nil)
                }
                guard let colon = keyEnd(from: start, to: end) else { return nil }
                // Keys are ASCII names, so comparing them as strings compares their bytes.
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<colon]), as: UTF8.self)
                guard !names.contains(name) else { return nil }
                names.append(name)
                var valueStart = colon + 1
                while valueStart < end, bytes[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
                if valueStart == end {
                    open = (name, line)
                    continue
                }
                guard let value = value(from: valueStart, to: end) else { return nil }
                set(name, value, line: line)
            }
            if let key = open { set(key.name, items.isEmpty ? .string("") : .list(items), line: key.line) }
            return fields
        }

        private mutating func set(_ name: String, _ value: FrontMatterValue, line: Int) {
            fields.set(name, value, at: SourcePosition(line: firstLine + line - 1, column: 1))
        }

        /// Where the key that starts the line ends (its `:`, followed by a space or the line's end);
        /// nil unless the key is a plain name of letters, digits, `_`, `-` and `.`.
        private func keyEnd(from start: Int, to end: Int) -> Int? {
            guard start < end, Self.isNameStart(bytes[start]) else { return nil }
            var index = start + 1
            while index < end, index - start <= 128 {
                let byte = bytes[index]
                if byte == UInt8(ascii: ":") {
                    return index + 1 == end || bytes[index + 1] == UInt8(ascii: " ") ? index : nil
                }
                guard Self.isNameStart(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else { return nil }
                index += 1
            }
            return nil
        }

        /// A list item's value: what follows its `-`, or an empty text when nothing does.
        private func blockValue(from start: Int, to end: Int) -> FrontMatterValue? {
            var first = start
            while first < end, bytes[first] == UInt8(ascii: " ") { first += 1 }
            return first == end ? .string("") : value(from: first, to: end)
        }

        /// The value that fills `start..<end` (which starts with a character other than a space).
        private func value(from start: Int, to end: Int) -> FrontMatterValue? {
            switch bytes[start] {
            case UInt8(ascii: "["):
                return flowList(from: start + 1, to: end)
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                guard let (text, next) = quoted(from: start, to: end), onlySpaces(from: next, to: end) else { return nil }
                return .string(text)
            default:
                var last = end
                while bytes[last - 1] == UInt8(ascii: " ") { last -= 1 }
                return plain(from: start, to: last, inFlow: false)
            }
        }

        /// `[a, "b", 'c']` on one line, `[` already read; the rest of the line must be spaces.
        private func flowList(from start: Int, to end: Int) -> FrontMatterValue? {
            var items: [FrontMatterValue] = []
            var index = skipSpaces(from: start, to: end)
            if index < end, bytes[index] == UInt8(ascii: "]") {
                return onlySpaces(from: index + 1, to: end) ? .list([]) : nil
            }
            while index < end {
                let item: FrontMatterValue
                if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    guard let (text, next) = quoted(from: index, to: end) else { return nil }
                    item = .string(text)
                    index = skipSpaces(from: next, to: end)
                } else {
                    var stop = index
                    while stop < end, bytes[stop] != UInt8(ascii: ","), bytes[stop] != UInt8(ascii: "]") { stop += 1 }
                    var last = stop
                    while last > index, bytes[last - 1] == UInt8(ascii: " ") { last -= 1 }
                    guard last > index, let plain = plain(from: index, to: last, inFlow: true) else { return nil }
                    item = plain
                    index = stop
                }
                items.append(item)
                guard index < end else { return nil }
                if bytes[index] == UInt8(ascii: "]") {
                    return onlySpaces(from: index + 1, to: end) ? .list(items) : nil
                }
                guard bytes[index] == UInt8(ascii: ",") else { return nil }
                index = skipSpaces(from: index + 1, to: end)
                // `[a, ]` and `[a,,b]` are left to Yams.
                guard index < end, bytes[index] != UInt8(ascii: "]"), bytes[index] != UInt8(ascii: ",") else { return nil }
            }
            return nil
        }

        /// A quoted scalar that closes on its line, and the offset after its closing quote: single
        /// quotes with `''` for a quote, or double quotes without a backslash.
        private func quoted(from start: Int, to end: Int) -> (String, Int)? {
            let quote = bytes[start]
            // The text is made from the file's bytes at once, unless a doubled `''` must be folded
            // into one: appending byte by byte cost 2,800 instructions a title.
            var folded: [UInt8]?
            var runStart = start + 1
            var index = start + 1
            while index < end {
                let byte = bytes[index]
                if byte == quote {
                    guard quote == UInt8(ascii: "'"), index + 1 < end, bytes[index + 1] == quote else {
                        let run = UnsafeBufferPointer(rebasing: bytes[runStart..<index])
                        guard var text = folded else { return (String(decoding: run, as: UTF8.self), index + 1) }
                        text.append(contentsOf: run)
                        return (String(decoding: text, as: UTF8.self), index + 1)
                    }
                    // One quote of the two kept.
                    folded = (folded ?? []) + UnsafeBufferPointer(rebasing: bytes[runStart...index])
                    index += 2
                    runStart = index
                    continue
                } else if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") {
                    return nil
                }
                index += 1
            }
            return nil
        }

        /// A plain scalar filling `start..<end` (no space at either end): nil when it starts with an
        /// indicator or holds `: ` or ` #` (or, in a flow list, any `:` `#` or bracket).
        private func plain(from start: Int, to end: Int, inFlow: Bool) -> FrontMatterValue? {
            guard !Self.indicators.contains(bytes[start]) else { return nil }
            for index in start..<end {
                switch bytes[index] {
                case UInt8(ascii: ":"):
                    if inFlow || index + 1 == end || bytes[index + 1] == UInt8(ascii: " ") { return nil }
                case UInt8(ascii: "#"):
                    if inFlow || bytes[index - 1] == UInt8(ascii: " ") { return nil }
                case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "}"):
                    if inFlow { return nil }
                default:
                    break
                }
            }
            return YAMLFrontMatter.plainValue(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
        }

        private func skipSpaces(from start: Int, to end: Int) -> Int {
            var index = start
            while index < end, bytes[index] == UInt8(ascii: " ") { index += 1 }
            return index
        }

        private func onlySpaces(from start: Int, to end: Int) -> Bool {
            skipSpaces(from: start, to: end) == end
        }

        /// Characters a plain scalar cannot start with here: YAML's indicators (some may start one
        /// when a character other than a space follows; those are left to Yams too).
        private static let indicators: Set<UInt8> = Set("-?:,[]{}#&*!|>'\"%@`".utf8)

        private static func isNameStart(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
        }

        /// False when the text holds a character libyaml reads as a line break other than `\n` or
        /// does not print (a tab, a control character, NEL, the line and paragraph separators, a
        /// byte-order mark, U+FFFE and U+FFFF).
        private static func holdsOnlyPlainCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20 {
                    if byte != UInt8(ascii: "\n") { return false }
                } else if byte == 0x7F {
                    return false
                } else if byte >= 0xC2 && index + 2 <= bytes.count {
                    let next = bytes[index + 1]
                    if byte == 0xC2 && next < 0xA0 { return false }
                    if index + 2 < bytes.count {
                        let third = bytes[index + 2]
                        if byte == 0xE2 && next == 0x80 && (third == 0xA8 || third == 0xA9) { return false }
                        if byte == 0xEF && next == 0xBB && third == 0xBF { return false }
                        if byte == 0xEF && next == 0xBF && third >= 0xBE { return false }
                    }
                }
                index += 1
            }
            return true
        }
    }
}
