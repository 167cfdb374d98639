import CLibXML2
import Foundation

// Reading and walking libxml2 nodes with DOM-like names, so the extraction code reads like the DOM
// algorithms it follows. Element names from libxml2's HTML parser are already lower case.
extension UnsafeMutablePointer where Pointee == xmlNode {
    var isElement: Bool { pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointee.type == XML_TEXT_NODE || pointee.type == XML_CDATA_SECTION_NODE }

    /// The element's name in lower case; "" for anything that is not an element.
    var tag: String {
        guard isElement, let name = pointee.name else { return "" }
        return String(cString: name)
    }

    /// Whether this is an element named `name` (lower case), without making a String.
    func isTag(_ name: StaticString) -> Bool {
        guard isElement, let own = pointee.name else { return false }
        return strcmp(UnsafeRawPointer(own).assumingMemoryBound(to: CChar.self),
                      UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    var parent: DOMNode? {
        guard let parent = pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return parent
    }

    var firstChild: DOMNode? { pointee.children }
    var nextSibling: DOMNode? { pointee.next }

    var childNodes: [DOMNode] {
        var result: [DOMNode] = []
        var child = pointee.children
        while let current = child {
            result.append(current)
            child = current.pointee.next
        }
        return result
    }

    var elementChildren: [DOMNode] { childNodes.filter(\.isElement) }

    var firstElementChild: DOMNode? {
        var child = pointee.children
        while let current = child, !current.isElement { child = current.pointee.next }
        return child
    }

    var nextElementSibling: DOMNode? {
        var next = pointee.next
        while let current = next, !current.isElement { next = current.pointee.next }
        return next
    }

    var previousElementSibling: DOMNode? {
        var previous = pointee.prev
        while let current = previous, !current.isElement { previous = current.pointee.prev }
        return previous
    }

    /// The value of attribute `name`, or nil when it is absent.
    func attribute(_ name: String) -> String? {
        guard isElement, let attribute = findAttribute(name) else { return nil }
        // The usual attribute holds one text node: read it in place instead of through xmlGetProp's copy,
        // which with its free was a measured share of every extraction.
        if let value = Self.singleTextValue(attribute) { return String(cString: value) }
        guard let value = xmlGetProp(self, name) else { return nil }
        defer { broadsheet_xmlFree(value) }
        return String(cString: value)
    }

    /// The text of an attribute made of one text node, without copying; nil for anything else.
    private static func singleTextValue(_ attribute: xmlAttrPtr) -> UnsafePointer<xmlChar>? {
        guard attribute.pointee.type == XML_ATTRIBUTE_NODE, let child = attribute.pointee.children,
              child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE, let content = child.pointee.content
        else { return nil }
        return UnsafePointer(content)
    }

    /// Appends attribute `name`'s value as ASCII-lower-cased UTF-8 (other bytes as they are).
    private func appendLowercased(_ name: StaticString, to bytes: inout [UInt8]) {
        guard let attribute = name.withUTF8Buffer({ findAttribute(bytes: $0) }) else { return }
        if let value = Self.singleTextValue(attribute) {
            var index = 0
            while value[index] != 0 {
                let byte = value[index]
                bytes.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
                index += 1
            }
        } else if let value = attribute.pointee.children.flatMap({ xmlNodeListGetString(pointee.doc, $0, 1) }) {
            var index = 0
            while value[index] != 0 {
                let byte = value[index]
                bytes.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
                index += 1
            }
            broadsheet_xmlFree(value)
        }
    }

    /// Attribute `name`'s value as ASCII-lower-cased UTF-8, empty when absent, for `ClassHints`.
    func lowercasedAttribute(_ name: StaticString) -> [UInt8] {
        var bytes: [UInt8] = []
        if isElement { appendLowercased(name, to: &bytes) }
        return bytes
    }

    func hasAttribute(_ name: String) -> Bool { isElement && findAttribute(name) != nil }

    /// The attribute named `name`, found by walking the element's own attributes. `xmlHasProp` also looks
    /// each missing name up among the DTD's declared defaults, which an HTML page never has, and the
    /// heuristics ask for many absent attributes on every element.
    func findAttribute(_ name: String) -> xmlAttrPtr? {
        var name = name
        return name.withUTF8 { findAttribute(bytes: $0) }
    }

    /// `findAttribute` for a name given as UTF-8 (a `StaticString`'s, which would cost a String to pass).
    private func findAttribute(bytes name: UnsafeBufferPointer<UInt8>) -> xmlAttrPtr? {
        var attribute = pointee.properties
        while let current = attribute {
            if Self.hasName(current.pointee.name, name) { return current }
            attribute = current.pointee.next
        }
        return nil
    }

    /// Whether the C string `own` spells `name` exactly.
    @inline(__always)
    private static func hasName(_ own: UnsafePointer<xmlChar>?, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let own else { return false }
        for index in 0..<name.count where own[index] != name[index] { return false }
        return own[name.count] == 0
    }

    func setAttribute(_ name: String, _ value: String) { xmlSetProp(self, name, value) }

    func removeAttribute(_ name: String) {
        if let attribute = xmlHasProp(self, name) { xmlRemoveProp(attribute) }
    }

    /// Every attribute as (name, value), in source order.
    var attributes: [(name: String, value: String)] {
        var result: [(String, String)] = []
        var attribute = pointee.properties
        while let current = attribute {
            result.append((String(cString: current.pointee.name), value(of: current)))
            attribute = current.pointee.next
        }
        return result
    }

    /// The value of one of this element's attributes ("" when it has none).
    func value(of attribute: xmlAttrPtr) -> String {
        if let value = Self.singleTextValue(attribute) { return String(cString: value) }
        guard let text = xmlNodeListGetString(pointee.doc, attribute.pointee.children, 1) else { return "" }
        defer { broadsheet_xmlFree(text) }
        return String(cString: text)
    }

    /// `class` and `id` joined as readability-style heuristics read them, as ASCII-lower-cased UTF-8:
    /// the heuristics ask this of every element several times per page, so it builds no String.
    var classAndID: [UInt8] {
        var bytes: [UInt8] = []
        appendClassAndID(to: &bytes)
        return bytes
    }

    /// Appends `classAndID`, for callers that read it for many elements into one buffer.
    func appendClassAndID(to bytes: inout [UInt8]) {
        guard isElement else {
            bytes.append(32)
            return
        }
        appendLowercased("class", to: &bytes)
        bytes.append(32)
        appendLowercased("id", to: &bytes)
    }

    /// The text of this node and everything below it, as the DOM's `textContent` gives it.
    var textContent: String {
        var bytes: [UInt8] = []
        appendText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the raw UTF-8 text below this node; bytes, not Strings, because this runs for every
    /// candidate node of every page.
    func appendText(to bytes: inout [UInt8]) {
        if isText {
            if let content = pointee.content {
                bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content)
                    .assumingMemoryBound(to: CChar.self))))
            }
            return
        }
        guard isElement || pointee.type == XML_DOCUMENT_NODE || pointee.type == XML_HTML_DOCUMENT_NODE else { return }
        var child = pointee.children
        while let current = child {
            current.appendText(to: &bytes)
            child = current.pointee.next
        }
    }

    /// Every element below this one named `tag` ("*" for all), in document order.
    func descendants(_ tag: String) -> [DOMNode] {
        var result: [DOMNode] = []
        if tag == "*" {
            collect(nil, into: &result)
        } else {
            tag.withCString { name in
                UnsafeRawPointer(name).withMemoryRebound(to: xmlChar.self, capacity: 1) { collect($0, into: &result) }
            }
        }
        return result
    }

    /// Compares names as C strings: a String per element visited was a measured cost of every query.
    private func collect(_ tag: UnsafePointer<xmlChar>?, into result: inout [DOMNode]) {
        var child = pointee.children
        while let current = child {
            if current.isElement {
                if tag == nil || Self.sameName(current.pointee.name, tag!) { result.append(current) }
                current.collect(tag, into: &result)
            }
            child = current.pointee.next
        }
    }

    /// C-string equality inlined: the call into libxml2's `xmlStrEqual` for every element of every query
    /// was a measured cost on its own.
    @inline(__always)
    private static func sameName(_ name: UnsafePointer<xmlChar>?, _ other: UnsafePointer<xmlChar>) -> Bool {
        guard let name else { return false }
        var index = 0
        while name[index] == other[index] {
            if name[index] == 0 { return true }
            index += 1
        }
        return false
    }

    /// Every element below this one whose name is in `tags`, in document order.
    func descendants(in tags: TagSet) -> [DOMNode] {
        var result: [DOMNode] = []
        forEachDescendant { node in
            if node.isElement, let name = node.pointee.name, tags.contains(name: name) { result.append(node) }
        }
        return result
    }

    /// Calls `body` with every node below this one (elements, text, comments), in document order,
    /// walking with a stack rather than recursion (pages nest deeply).
    func forEachDescendant(_ body: (DOMNode) -> Void) {
        var stack: [DOMNode] = []
        var child = pointee.children
        while true {
            while let current = child {
                body(current)
                if current.isElement, current.pointee.children != nil {
                    stack.append(current)
                    child = current.pointee.children
                    continue
                }
                child = current.pointee.next
            }
            guard let last = stack.popLast() else { break }
            child = last.pointee.next
        }
    }

    /// The first element below this one, in document order, that passes `test`; the walk stops there
    /// instead of listing the whole subtree first.
    func firstDescendant(where test: (DOMNode) -> Bool) -> DOMNode? {
        var stack: [DOMNode] = []
        var child = pointee.children
        while true {
            while let current = child {
                if current.isElement {
                    if test(current) { return current }
                    if current.pointee.children != nil {
                        stack.append(current)
                        child = current.pointee.children
                        continue
                    }
                }
                child = current.pointee.next
            }
            guard let last = stack.popLast() else { return nil }
            child = last.pointee.next
        }
    }

    /// The last element below this one, in document order, that passes `test`: found walking back
    /// from the end, so a test that holds near the end (as "has text" does) looks at a few nodes
    /// instead of listing the whole subtree first.
    func lastDescendant(where test: (DOMNode) -> Bool) -> DOMNode? {
        func deepestLast(_ node: DOMNode) -> DOMNode {
            var node = node
            while let last = node.pointee.last { node = last }
            return node
        }
        guard var node = pointee.last.map(deepestLast) else { return nil }
        // Reverse document order: a node's subtree (from its end) before the node itself.
        while true {
            if node.isElement, test(node) { return node }
            if let previous = node.pointee.prev {
                node = deepestLast(previous)
            } else if let parent = node.pointee.parent, parent != self {
                node = parent
            } else {
                return nil
            }
        }
    }

    /// Whether any element below this one is named in `tags`: `!descendants(in: tags).isEmpty`, stopping
    /// at the first instead of collecting them all (it is asked of whole article bodies).
    func hasDescendant(in tags: TagSet) -> Bool {
        firstDescendant { element in element.pointee.name.map { tags.contains(name: $0) } ?? false } != nil
    }

    /// Counts the elements below this one named `tag`.
    func count(_ tag: String) -> Int { descendants(tag).count }

    /// The ancestors of this node, nearest first, up to `maxDepth` (0: all).
    func ancestors(maxDepth: Int = 0) -> [DOMNode] {
        var result: [DOMNode] = []
        var node = self
        while let parent = node.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE {
            result.append(parent)
            if maxDepth > 0, result.count == maxDepth { break }
            node = parent
        }
        return result
    }

    /// Whether an ancestor within `maxDepth` levels (≤ 0: any) is a `tag` element passing `filter`.
    func hasAncestor(_ tag: String, maxDepth: Int = 3, where filter: ((DOMNode) -> Bool)? = nil) -> Bool {
        // Names compared as C strings: this runs for every element the body search visits.
        tag.withCString { name in
            var depth = 0
            var node = self
            while let parent = node.parent {
                if maxDepth > 0, depth > maxDepth { return false }
                if strcmp(UnsafeRawPointer(parent.pointee.name).assumingMemoryBound(to: CChar.self), name) == 0,
                   filter?(parent) ?? true { return true }
                node = parent
                depth += 1
            }
            return false
        }
    }

    /// Renames an element in place, keeping its attributes and children (the DOM has to copy; libxml2 need not).
    func rename(_ tag: String) { xmlNodeSetName(self, tag) }
}
