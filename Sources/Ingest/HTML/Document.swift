import CLibXML2

/// A node of a parsed page. The document that made it owns its memory.
typealias DOMNode = UnsafeMutablePointer<xmlNode>

/// One HTML page parsed by libxml2, owned here and freed when this object goes.
///
/// Parsing recovers from broken markup, never touches the network, and keeps libxml2's complaints off
/// stderr (broken markup is normal on the web; only a parse that gives up is reported, with its first). Nodes removed while editing are only unlinked and kept
/// until the document is freed, because the extractor may still hold pointers to them (as a browser DOM keeps
/// detached nodes alive); a freed node would be a dangling pointer there.
final class HTMLDocument {
    let pointer: htmlDocPtr
    /// The line where elements nested deeper than `depthLimit`, if they did: libxml2 stops
    /// parsing there (its guard against exhausting the stack), so the page is cut off.
    private(set) var depthLimitLine: Int?

    /// libxml2's deepest nesting of elements (its `xmlParserMaxDepth`, 256 unless a parse asks for
    /// `XML_PARSE_HUGE`, which the walks here would not survive), past which it stops parsing.
    static let depthLimit = 256
    /// Nodes taken out of the tree or made and not yet attached; the roots among them are freed at the end.
    /// A list, not a set: a page detaches thousands of nodes, and hashing each was a measured cost. A node
    /// detached twice (after being put back) is listed twice, and only freed once.
    private var detached: [DOMNode] = []

    /// Made inside an `XMLArena` scope: its memory goes back with the arena, not node by node.
    private let inArena: Bool

    /// Parses `bytes`; `encoding` forces a charset (nil lets libxml2 read the page's own declaration).
    init(bytes: [UInt8], url: String?, encoding: String?) throws(ExtractionError) {
        // libxml2 sets up its globals once (`XMLArena.installed`) before threads use it. Its
        // process-wide state after that is safe to share: the encoding-handler table is only read
        // (nothing here registers handlers or aliases), dictionaries and the random seed behind them
        // take libxml2's own mutexes, and the error handler and parser defaults are per thread.
        // `xmlCleanupParser` is never called: it frees that shared state under other threads' feet.
        _ = XMLArena.installed
        inArena = XMLArena.isActive
        guard let context = htmlNewParserCtxt() else { throw .parserUnavailable }
        defer { htmlFreeParserCtxt(context) }
        let collector = ErrorCollector()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        // The HTML parser's SAX handler is not a SAX2 one, so libxml2 ignores its `serror`; the structured
        // handler (per thread in libxml2) is what keeps messages off stderr. Reset right after parsing.
        xmlSetStructuredErrorFunc(box.toOpaque()) { owner, error in
            guard let owner, let error else { return }
            let collector = Unmanaged<ErrorCollector>.fromOpaque(owner).takeUnretainedValue()
            if error.pointee.code == Int32(XML_ERR_INTERNAL_ERROR.rawValue), collector.depthLimitLine == nil,
               let message = error.pointee.message, String(cString: message).hasPrefix("Excessive depth") {
                collector.depthLimitLine = Int(error.pointee.line)
            }
            guard collector.firstMessage == nil, let message = error.pointee.message else { return }
            collector.firstMessage = "line \(error.pointee.line): " + String(cString: message).whitespaceTrimmed
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count < Int(Int32.max) else { throw .unparsable("larger than libxml2 can read in one piece") }
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            UnsafeRawPointer(buffer.baseAddress!).withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                htmlCtxtReadMemory(context, chars, Int32(buffer.count), url, encoding, options)
            }
        }
        guard let parsed else { throw .unparsable(collector.firstMessage ?? "libxml2 returned no document") }
        pointer = parsed
        depthLimitLine = collector.depthLimitLine
    }

    /// A copy of `other`'s tree: copying is a fifth of the cost of parsing the page again.
    init(copying other: HTMLDocument) throws(ExtractionError) {
        guard let copy = xmlCopyDoc(other.pointer, 1) else { throw .parserUnavailable }
        inArena = XMLArena.isActive
        pointer = copy
        depthLimitLine = other.depthLimitLine
    }

    deinit {
        if inArena { return }
        // A node detached earlier may since have been moved into another subtree, which frees it with
        // that subtree: free only the roots, found before anything is freed.
        var roots = detached.filter { $0.pointee.parent == nil }
        roots.sort()
        for (index, node) in roots.enumerated() where index == 0 || roots[index - 1] != node { xmlFreeNode(node) }
        xmlFreeDoc(pointer)
    }

    /// The `<html>` element.
    var root: DOMNode? { xmlDocGetRootElement(pointer) }

    /// The `<body>` element, if the parser made one.
    var body: DOMNode? { root?.elementChildren.first { $0.tag == "body" } }

    /// The `<head>` element, if the parser made one.
    var head: DOMNode? { root?.elementChildren.first { $0.tag == "head" } }

    /// Every element named `tag` below `root` (or the whole page), in document order.
    func elements(_ tag: String, in root: DOMNode? = nil) -> [DOMNode] {
        guard let start = root ?? self.root else { return [] }
        return start.descendants(tag)
    }

    /// Every element named in `tags` below the root, in document order: one walk where the page is asked
    /// for several names (each walk of a whole page is a measured cost).
    func elements(in tags: TagSet) -> [DOMNode] { root?.descendants(in: tags) ?? [] }

    /// Takes `node` out of the tree, keeping it alive until the document goes.
    func remove(_ node: DOMNode) {
        guard node.pointee.parent != nil || node.pointee.prev != nil || node.pointee.next != nil else { return }
        xmlUnlinkNode(node)
        detached.append(node)
    }

    /// Puts `new` where `old` is; `old` is kept alive (detached) until the document goes.
    func replace(_ old: DOMNode, with new: DOMNode) {
        xmlUnlinkNode(new)
        xmlReplaceNode(old, new)
        detached.append(old)
    }

    /// Moves `child` to the end of `parent`'s children (never merging text nodes, which would free `child`).
    func append(_ child: DOMNode, to parent: DOMNode) {
        xmlUnlinkNode(child)
        if let last = parent.pointee.last {
            last.pointee.next = child
            child.pointee.prev = last
        } else {
            parent.pointee.children = child
        }
        parent.pointee.last = child
        child.pointee.parent = parent
        child.pointee.next = nil
        if child.pointee.doc != parent.pointee.doc { xmlSetTreeDoc(child, parent.pointee.doc) }
    }

    /// Puts `child` right before `sibling`.
    func insert(_ child: DOMNode, before sibling: DOMNode) {
        xmlUnlinkNode(child)
        child.pointee.parent = sibling.pointee.parent
        child.pointee.next = sibling
        child.pointee.prev = sibling.pointee.prev
        if let prev = sibling.pointee.prev { prev.pointee.next = child } else { sibling.pointee.parent?.pointee.children = child }
        sibling.pointee.prev = child
    }

    /// A new, unattached element.
    func makeElement(_ tag: String) -> DOMNode {
        let node: DOMNode = xmlNewDocNode(pointer, nil, tag, nil)
        detached.append(node)
        return node
    }
}

/// Receives libxml2's parse errors through the structured-error context pointer.
private final class ErrorCollector {
    var firstMessage: String?
    var depthLimitLine: Int?
}
