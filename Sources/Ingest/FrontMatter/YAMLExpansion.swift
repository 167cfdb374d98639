import CYaml

/// How many values a YAML text holds once its aliases are expanded, counted from libyaml's events
/// in one pass over the text, before Yams builds a tree.
///
/// Yams shares an anchored node between its aliases, but its check for duplicate keys hashes keys
/// whole: a 541-byte front matter using a nested alias as a mapping key hung the build inside
/// `compose`, before any value of ours was read. Counting events costs one pass and no tree.
enum YAMLExpansion {
    /// Where (0-based line and column in `text`) the values of `text` pass `limit` once expanded;
    /// nil when they never do, or when libyaml cannot read it (Yams then reports the syntax error).
    static func overflow(_ text: Substring, limit: Int) -> (line: Int, column: Int)? {
        // Only aliases expand: a text without one holds fewer values than it has bytes.
        guard text.utf8.contains(UInt8(ascii: "*")) else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> (line: Int, column: Int)? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var sizes: [String: Int] = [:]
            // One open collection: its anchor and the values it holds so far (itself included).
            var open: [(anchor: String?, size: Int)] = []
            var total = 0
            func add(_ size: Int) -> Bool {
                total += size
                if !open.isEmpty { open[open.count - 1].size += size }
                return total > limit
            }
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let mark = (line: Int(event.start_mark.line), column: Int(event.start_mark.column))
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT:
                    if let anchor = event.data.scalar.anchor { sizes[String(cString: anchor)] = 1 }
                    if add(1) { return mark }
                case YAML_ALIAS_EVENT:
                    let size = event.data.alias.anchor.map { sizes[String(cString: $0)] ?? 1 } ?? 1
                    if add(size) { return mark }
                case YAML_SEQUENCE_START_EVENT:
                    total += 1
                    open.append((event.data.sequence_start.anchor.map { String(cString: $0) }, 1))
                case YAML_MAPPING_START_EVENT:
                    total += 1
                    open.append((event.data.mapping_start.anchor.map { String(cString: $0) }, 1))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    // Its values were counted as they came; only its size goes up to its parent.
                    guard let closed = open.popLast() else { return nil }
                    if let anchor = closed.anchor { sizes[anchor] = closed.size }
                    if !open.isEmpty { open[open.count - 1].size += closed.size }
                default:
                    continue
                }
            }
        }
    }
}
