import CCmarkGFM
import Foundation

extension CommonMark {
    /// A heading or paragraph that gets attributes from a kramdown attribute list.
    struct AttributeTarget {
        var node: OpaquePointer
        var attributes: AttributeList
        /// The body line of the list, for reports.
        var line: Int
    }

    /// A problem found in the body: its line in the body, column and message.
    typealias Problem = (line: Int, column: Int, message: String)

    /// Takes the kramdown attribute lists out of the tree's text and says which element each
    /// applies to: `{: …}` alone on the line after a heading or paragraph (or before a paragraph),
    /// and `{#id}`/`{: …}` at the end of a heading. Runs before the tree is walked, so titles and
    /// summaries never hold the list; `applyAttributes` writes them once the walk is done.
    static func takeAttributeLists(_ root: OpaquePointer, problems: inout [Problem]) -> [AttributeTarget] {
        var candidates: [OpaquePointer] = []
        if let iterator = cmark_iter_new(root) {
            defer { cmark_iter_free(iterator) }
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_TEXT,
                      let literal = cmark_node_get_literal(node), strchr(literal, Int32(UInt8(ascii: "{"))) != nil,
                      let parent = cmark_node_parent(node), parent != candidates.last,
                      [CMARK_NODE_HEADING, CMARK_NODE_PARAGRAPH].contains(cmark_node_get_type(parent)) else { continue }
                candidates.append(parent)
            }
        }
        var targets: [AttributeTarget] = []
        var spanListReported = false
        for block in candidates {
            // cmark splits text at the characters its extensions look for (`:` among them).
            cmark_consolidate_text_nodes(block)
            takeSpanLists(block, problems: &problems, reported: &spanListReported)
            let line = Int(cmark_node_get_start_line(block))
            if cmark_node_get_type(block) == CMARK_NODE_HEADING {
                if let last = cmark_node_last_child(block), let list = takeTrailingList(last) {
                    targets.append(AttributeTarget(node: block, attributes: list, line: line))
                }
                continue
            }
            guard let first = cmark_node_first_child(block), let last = cmark_node_last_child(block) else { continue }
            if first == last, let list = attributeList(first) {
                // Alone in its paragraph: for the heading just before it.
                let previous = cmark_node_previous(block)
                if let previous, cmark_node_get_type(previous) == CMARK_NODE_HEADING {
                    targets.append(AttributeTarget(node: previous, attributes: list, line: line))
                } else {
                    problems.append((line, 1, "kramdown attribute list not applied: write it on the line after a heading or paragraph"))
                }
                cmark_node_unlink(block)
                cmark_node_free(block)
            } else if let list = attributeList(last), let breakNode = cmark_node_previous(last), isLineBreak(breakNode) {
                targets.append(AttributeTarget(node: block, attributes: list, line: Int(cmark_node_get_end_line(block))))
                remove(last, breakNode)
            } else if let list = attributeList(first), let breakNode = cmark_node_next(first), isLineBreak(breakNode) {
                targets.append(AttributeTarget(node: block, attributes: list, line: line))
                remove(first, breakNode)
            }
        }
        return targets
    }

    /// Takes kramdown's span lists out of a block's text: `[x](y){:target="_blank"}`, after a link,
    /// image, emphasis or code. They are not applied (`target` and the like would not be kept
    /// anyway); the first of a file is reported.
    private static func takeSpanLists(_ block: OpaquePointer, problems: inout [Problem], reported: inout Bool) {
        var child = cmark_node_first_child(block)
        while let node = child {
            child = cmark_node_next(node)
            guard cmark_node_get_type(node) == CMARK_NODE_TEXT, let previous = cmark_node_previous(node),
                  [CMARK_NODE_LINK, CMARK_NODE_IMAGE, CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_CODE].contains(cmark_node_get_type(previous)),
                  let literal = cmark_node_get_literal(node), strncmp(literal, "{:", 2) == 0 else { continue }
            let text = String(cString: literal)
            guard let close = text.firstIndex(of: "}"), AttributeList(text[...close]) != nil else { continue }
            let rest = String(text[text.index(after: close)...])
            if rest.isEmpty {
                remove(node)
            } else {
                _ = rest.withCString { cmark_node_set_literal(node, $0) }
            }
            if !reported {
                reported = true
                problems.append((Int(cmark_node_get_start_line(previous)), Int(cmark_node_get_start_column(previous)),
                                 "kramdown span attribute list \(text[...close]) not applied: only lists on headings and paragraphs are"))
            }
        }
    }

    /// Writes each target with its attributes, as an HTML node in its place; reports what was not kept.
    static func applyAttributes(_ targets: [AttributeTarget], extensions: UnsafeMutablePointer<cmark_llist>?,
                                problems: inout [Problem]) {
        var merged: [(node: OpaquePointer, attributes: AttributeList)] = []
        for target in targets {
            if !target.attributes.rejected.isEmpty {
                let names = target.attributes.rejected.map { "\"\($0)\"" }.joined(separator: ", ")
                problems.append((target.line, 1, "kramdown attribute \(names) not kept: only \(allowedNames) are"))
            }
            if let index = merged.firstIndex(where: { $0.node == target.node }) {
                merged[index].attributes = merged[index].attributes.merged(with: target.attributes)
            } else {
                merged.append((target.node, target.attributes))
            }
        }
        for (node, attributes) in merged where !attributes.attributes.isEmpty {
            let line = Int(cmark_node_get_start_line(node))
            guard !holdsFootnoteReference(node), let rendered = cmark_render_html(node, options, extensions) else {
                problems.append((line, 1, "kramdown attribute list not applied to an element with a footnote reference"))
                continue
            }
            defer { free(rendered) }
            var html = Array(UnsafeBufferPointer(start: UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self), count: strlen(rendered)))
            // `<h2>` or `<p>`: the attributes go after the name. A paragraph of a tight list is
            // written without its `<p>`, and has nowhere to take them.
            let nameEnd = html.starts(with: Array("<p>".utf8)) ? 2 : html.count > 3 && html[0] == UInt8(ascii: "<") && html[1] == UInt8(ascii: "h") ? 3 : nil
            guard let nameEnd, let htmlNode = cmark_node_new(CMARK_NODE_HTML_BLOCK) else {
                problems.append((line, 1, "kramdown attribute list not applied to a paragraph of a tight list"))
                continue
            }
            html.insert(contentsOf: attributes.html, at: nameEnd)
            html.append(0)
            let set = html.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { cmark_node_set_literal(htmlNode, $0.baseAddress) } }
            guard set != 0, cmark_node_replace(node, htmlNode) != 0 else {
                cmark_node_free(htmlNode)
                continue
            }
            cmark_node_free(node)
        }
    }

    private static let allowedNames = AttributeList.allowed.sorted().joined(separator: ", ")

    /// A text node that is one attribute list, whole.
    private static func attributeList(_ node: OpaquePointer) -> AttributeList? {
        guard cmark_node_get_type(node) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node) else { return nil }
        return AttributeList(Substring(String(cString: literal)))
    }

    /// The list at the end of a heading's last text (`Title {#id}`), taken out of the text.
    private static func takeTrailingList(_ node: OpaquePointer) -> AttributeList? {
        guard cmark_node_get_type(node) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node) else { return nil }
        let text = String(cString: literal)
        guard text.hasSuffix("}"), let open = text.lastIndex(of: "{"),
              let list = AttributeList(text[open...], headerForm: true) else { return nil }
        let before = text[..<open]
        // `Title{#id}` is text; the list follows white space, or is the whole text.
        guard before.isEmpty || before.last == " " || before.last == "\t" else { return nil }
        let kept = String(before.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        if kept.isEmpty && cmark_node_previous(node) == nil { return nil }
        _ = kept.withCString { cmark_node_set_literal(node, $0) }
        return list
    }

    private static func isLineBreak(_ node: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(node)
        return type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK
    }

    private static func remove(_ nodes: OpaquePointer...) {
        for node in nodes {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    private static func holdsFootnoteReference(_ node: OpaquePointer) -> Bool {
        guard let iterator = cmark_iter_new(node) else { return false }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator), cmark_node_get_type(child) == CMARK_NODE_FOOTNOTE_REFERENCE {
                return true
            }
        }
        return false
    }
}
