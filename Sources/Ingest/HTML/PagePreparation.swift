import CLibXML2

/// Readies a parsed page for the body search: scripts, styles, comments and `<noscript>` copies go,
/// runs of `<br>` become paragraphs, `<font>` becomes `<span>`, `<amp-img>` becomes `<img>`, and a
/// picture's caption written as a `div` becomes a `figcaption` in a `figure` (`Captions`).
enum PagePreparation {
    static func prepare(_ document: HTMLDocument) {
        guard let root = document.root else { return }
        // One walk finds the elements to drop, the comments and the elements to rename, where the page was
        // walked four times, once making an array of children for every element.
        var dropped: [DOMNode] = []
        var comments: [DOMNode] = []
        var renamed: [DOMNode] = []
        var captions: [DOMNode] = []
        root.forEachDescendant { current in
            if current.pointee.type == XML_COMMENT_NODE {
                comments.append(current)
            } else if current.isElement {
                if droppedTags.contains(current) { dropped.append(current) }
                if current.isTag("font") || current.isTag("amp-img") { renamed.append(current) }
                if Captions.isCaption(current) { captions.append(current) }
            }
        }
        // Last first, so an element inside another that goes is taken out of it before its container.
        for node in dropped.reversed() {
            if node.isTag("noscript"), holdsThePage(node, in: document) {
                unwrap(node, in: document)
            } else {
                document.remove(node)
            }
        }
        // Comments carry no content, but would split the text around them into separate paragraphs.
        for comment in comments { document.remove(comment) }
        if let body = document.body { replaceLineBreakRuns(in: body, document: document) }
        // AMP pages show their pictures through a custom element that carries an ordinary `src`. (An element
        // inside one that was dropped is renamed too, to no effect.)
        for element in renamed { element.rename(element.isTag("font") ? "span" : "img") }
        Captions.markFigures(captions, in: document)
    }

    /// The shortest text of a `<noscript>` that may hold the page: the copies of pictures, tracking pixels
    /// and "enable JavaScript" notes that such elements hold are shorter.
    static let swallowedPageLength = 200

    /// Whether `noscript` holds most of the page's text: an element left open inside it
    /// (`<noscript><div></noscript>`) made the parser put the rest of the page in it, which a browser
    /// running scripts shows. The page is measured only for a `<noscript>` with that much text.
    static func holdsThePage(_ noscript: DOMNode, in document: HTMLDocument) -> Bool {
        guard let body = document.body, !TextMeasure.textLength(noscript, isAtMost: swallowedPageLength) else { return false }
        return TextMeasure.textLength(noscript) * 2 > TextMeasure.textLength(body)
    }

    /// Puts the children of `node` in its place.
    static func unwrap(_ node: DOMNode, in document: HTMLDocument) {
        for child in node.childNodes { document.insert(child, before: node) }
        document.remove(node)
    }

    static let droppedTags: TagSet = ["script", "noscript", "style", "template"]

    /// `a<br><br>b` becomes `a<p>b</p>`: two or more `<br>` in a row mark a paragraph break on old pages.
    static func replaceLineBreakRuns(in root: DOMNode, document: HTMLDocument) {
        for lineBreak in root.descendants("br") where lineBreak.pointee.parent != nil {
            var next = nextNonBlank(lineBreak.nextSibling)
            var replaced = false
            while let current = next, current.isTag("br") {
                replaced = true
                let after = current.nextSibling
                document.remove(current)
                next = nextNonBlank(after)
            }
            guard replaced else { continue }
            let paragraph = document.makeElement("p")
            document.replace(lineBreak, with: paragraph)
            var sibling = paragraph.nextSibling
            while let current = sibling {
                if current.isTag("br"), let following = nextNonBlank(current.nextSibling), following.isTag("br") { break }
                guard BodyPass.isPhrasingContent(current) else { break }
                sibling = current.nextSibling
                document.append(current, to: paragraph)
            }
            while let last = paragraph.pointee.last, BodyPass.isWhitespace(last) { document.remove(last) }
            if let parent = paragraph.parent, parent.isTag("p") { parent.rename("div") }
        }
    }

    /// The node itself or the first sibling after it that is an element or non-blank text.
    static func nextNonBlank(_ node: DOMNode?) -> DOMNode? {
        var current = node
        while let candidate = current, !candidate.isElement, TextMeasure.isBlank(node: candidate) {
            current = candidate.nextSibling
        }
        return current
    }
}
