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
        guard isElement, let value = xmlGetProp(self, name) else { return nil }
        defer { broadsheet_xmlFree(value) }
        return String(cString: value)
    }

    func hasAttribute(_ name: String) -> Bool { isElement && xmlHasProp(self, name) != nil }

    func setAttribute(_ name: String, _ value: String) { xmlSetProp(self, name, value) }

    func removeAttribute(_ name: String) {
        if let attribute = xmlHasProp(self, name) { xmlRemoveProp(attribute) }
    }

    /// Every attribute as (name, value), in source order.
    var attributes: [(name: String, value: String)] {
        var result: [(String, String)] = []
        var attribute = pointee.properties
        while let current = attribute {
            let name = String(cString: current.pointee.name)
            var value = ""
            if let text = xmlNodeListGetString(pointee.doc, current.pointee.children, 1) {
                value = String(cString: text)
                broadsheet_xmlFree(text)
            }
            result.append((name, value))
            attribute = current.pointee.next
        }
        return result
    }

    /// `class` and `id` joined as readability-style heuristics read them.
    var classAndID: String { (attribute("class") ?? "") + " " + (attribute("id") ?? "") }

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
        collect(tag, into: &result)
        return result
    }

    private func collect(_ tag: String, into result: inout [DOMNode]) {
        var child = pointee.children
        while let current = child {
            if current.isElement {
                if tag == "*" || current.tag == tag { result.append(current) }
                current.collect(tag, into: &result)
            }
            child = current.pointee.next
        }
    }

    /// Every element below this one whose name is in `tags`, in document order.
    func descendants(in tags: Set<String>) -> [DOMNode] {
        var result: [DOMNode] = []
        var stack: [DOMNode] = []
        var child = pointee.children
        while true {
            while let current = child {
                if current.isElement {
                    if tags.contains(current.tag) { result.append(current) }
                    if current.pointee.children != nil {
                        stack.append(current)
                        child = current.pointee.children
                        continue
                    }
                }
                child = current.pointee.next
            }
            guard let last = stack.popLast() else { break }
            child = last.pointee.next
        }
        return result
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
        var depth = 0
        var node = self
        while let parent = node.parent {
            if maxDepth > 0, depth > maxDepth { return false }
            if parent.tag == tag, filter?(parent) ?? true { return true }
            node = parent
            depth += 1
        }
        return false
    }

    /// Renames an element in place, keeping its attributes and children (the DOM has to copy; libxml2 need not).
    func rename(_ tag: String) { xmlNodeSetName(self, tag) }
}
