import CLibXML2

// Structural tests on nodes that the body search uses, after the DOM's content categories.
extension BodyPass {
    static let divToParagraphBlocks: TagSet = ["blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"]

    /// Phrasing content in HTML's sense, less canvas, iframe, svg and video, which rarely belong in a paragraph.
    static let phrasingTags: TagSet = [
        "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "embed", "i",
        "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output", "progress", "q",
        "ruby", "samp", "script", "select", "small", "span", "strong", "sub", "sup", "textarea", "time", "var", "wbr",
    ]

    static func isPhrasingContent(_ node: DOMNode) -> Bool {
        if node.isText { return true }
        guard node.isElement else { return false }
        if phrasingTags.contains(node) { return true }
        guard node.isTag("a") || node.isTag("del") || node.isTag("ins") else { return false }
        return node.childNodes.allSatisfy(isPhrasingContent)
    }

    static func isWhitespace(_ node: DOMNode) -> Bool {
        (node.isText && TextMeasure.isBlank(node: node)) || node.isTag("br")
    }

    /// Hidden with `display:none`, `visibility:hidden`, `hidden` or `aria-hidden` (math fallbacks excepted).
    static func isProbablyVisible(_ node: DOMNode) -> Bool {
        guard node.isElement else { return true }
        if let style = node.attribute("style"), isHidingStyle(style) { return false }
        if node.hasAttribute("hidden") { return false }
        if node.attribute("aria-hidden") == "true", !(node.attribute("class") ?? "").contains("fallback-image") {
            return false
        }
        return true
    }

    static let hidingStyles = [Array("display:none".utf8), Array("visibility:hidden".utf8)]

    /// `display:none` or `visibility:hidden`, white space and case ignored. ASCII styles (nearly all) are
    /// read as bytes, as this runs for every styled element of the page.
    static func isHidingStyle(_ style: String) -> Bool {
        guard style.utf8.allSatisfy({ $0 < 0x80 }) else {
            let compact = style.lowercased().filter { !$0.isWhitespace }
            return compact.contains("display:none") || compact.contains("visibility:hidden")
        }
        let compact = style.utf8.compactMap { byte -> UInt8? in
            TextMeasure.isASCIISpace(byte) ? nil : byte >= 65 && byte <= 90 ? byte + 32 : byte
        }
        return hidingStyles.contains { ClassHints.contains(compact, $0) }
    }

    static func isElementWithoutContent(_ node: DOMNode) -> Bool {
        guard node.isElement, TextMeasure.isBlank(node: node) else { return false }
        let children = node.elementChildren.count
        return children == 0 || children == node.count("br") + node.count("hr")
    }

    /// Exactly one element child, named `tag`, and no text beside it.
    static func hasSingleTagInside(_ node: DOMNode, _ tag: StaticString) -> Bool {
        let children = node.elementChildren
        guard children.count == 1, children[0].isTag(tag) else { return false }
        return !node.childNodes.contains { $0.isText && !TextMeasure.isBlank(node: $0) }
    }

    static func hasChildBlockElement(_ node: DOMNode) -> Bool {
        node.childNodes.contains { child in
            child.isElement && (divToParagraphBlocks.contains(child) || hasChildBlockElement(child))
        }
    }

    /// The next element in document order, after this one's children unless `skippingChildren`.
    static func nextNode(_ node: DOMNode, skippingChildren: Bool = false) -> DOMNode? {
        if !skippingChildren, let child = node.firstElementChild { return child }
        if let sibling = node.nextElementSibling { return sibling }
        var current = node.parent
        while let ancestor = current {
            if let sibling = ancestor.nextElementSibling { return sibling }
            current = ancestor.parent
        }
        return nil
    }
}
