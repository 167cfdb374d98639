import CLibXML2

/// One pass of the body search over one copy of the page.
struct BodyPass {
    let document: HTMLDocument
    let flags: BodyExtractor.Flags
    let articleTitle: String
    let hasMetadataByline: Bool
    var byline: String?
    var scores: [DOMNode: Double] = [:]
    var dataTables: Set<DOMNode> = []

    init(document: HTMLDocument, flags: BodyExtractor.Flags, articleTitle: String, hasMetadataByline: Bool) {
        self.document = document
        self.flags = flags
        self.articleTitle = articleTitle
        self.hasMetadataByline = hasMetadataByline
    }

    static let tagsToScore: TagSet = ["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"]
    static let unlikelyRoles: Set<String> = ["menu", "menubar", "complementary", "navigation", "alert", "alertdialog",
                                             "dialog"]
    static let emptyRemovable: TagSet = ["div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6"]

    mutating func run() -> DOMNode? {
        guard let body = document.body else { return nil }
        let elementsToScore = prepareAndCollect()
        let candidates = score(elementsToScore)
        let (top, parentOfTop) = chooseTopCandidate(candidates, body: body)
        let lead = lead(before: top)
        let content = gatherSiblings(of: top, in: parentOfTop)
        prepend(lead, to: content)
        prepareArticle(content)
        return content
    }

    // MARK: - Pass 1: drop what is unlikely, turn text-only divs into paragraphs

    /// Walks the whole page (head included, as the reader view does) and returns the elements to score.
    mutating func prepareAndCollect() -> [DOMNode] {
        var elementsToScore: [DOMNode] = []
        var shouldRemoveTitleHeader = true
        // Every element's names go through one reused buffer, not an array each.
        var matchString: [UInt8] = []
        var node: DOMNode? = document.root
        while let current = node {
            matchString.removeAll(keepingCapacity: true)
            current.appendClassAndID(to: &matchString)
            if !Self.isProbablyVisible(current)
                || (current.attribute("aria-modal") == "true" && current.attribute("role") == "dialog") {
                node = removeAndGetNext(current)
                continue
            }
            if checkByline(current, matchString) {
                node = removeAndGetNext(current)
                continue
            }
            if shouldRemoveTitleHeader, headerDuplicatesTitle(current) {
                shouldRemoveTitleHeader = false
                node = removeAndGetNext(current)
                continue
            }
            if flags.contains(.stripUnlikelys) {
                if ClassHints.isUnlikely(matchString), !ClassHints.isMaybeCandidate(matchString),
                   !current.hasAncestor("table"), !current.hasAncestor("code"), !current.isTag("body"), !current.isTag("html"),
                   !current.isTag("a") {
                    node = removeAndGetNext(current)
                    continue
                }
                if let role = current.attribute("role"), Self.unlikelyRoles.contains(role) {
                    node = removeAndGetNext(current)
                    continue
                }
            }
            if Self.emptyRemovable.contains(current), Self.isElementWithoutContent(current) {
                node = removeAndGetNext(current)
                continue
            }
            if Self.tagsToScore.contains(current) { elementsToScore.append(current) }
            var next = current
            if current.isTag("div") {
                wrapPhrasingRuns(in: current)
                if Self.hasSingleTagInside(current, "p"), TextMeasure.linkDensity(current) < 0.25 {
                    let paragraph = current.firstElementChild!
                    Self.keepNames(of: current, on: paragraph)
                    document.replace(current, with: paragraph)
                    next = paragraph
                    elementsToScore.append(paragraph)
                } else if !Self.hasChildBlockElement(current) {
                    current.rename("p")
                    elementsToScore.append(current)
                }
            }
            node = Self.nextNode(next)
        }
        return elementsToScore
    }

    /// Gives `paragraph` the `class` and `id` of the `div` it replaces, where it has none of its own: the
    /// later steps read a box's kind from its names (`<div class="disclaimer"><p>…</p></div>`).
    static func keepNames(of div: DOMNode, on paragraph: DOMNode) {
        for name in ["class", "id"] where paragraph.attribute(name) == nil {
            if let value = div.attribute(name) { paragraph.setAttribute(name, value) }
        }
    }

    /// Puts each run of inline content directly inside a `div` into its own `p`.
    func wrapPhrasingRuns(in div: DOMNode) {
        var paragraph: DOMNode?
        var child = div.firstChild
        while let current = child {
            let next = current.nextSibling
            if Self.isPhrasingContent(current) {
                if let paragraph {
                    document.append(current, to: paragraph)
                } else if !Self.isWhitespace(current) {
                    let created = document.makeElement("p")
                    document.insert(created, before: current)
                    document.append(current, to: created)
                    paragraph = created
                }
            } else if let open = paragraph {
                trimTrailingWhitespace(open)
                paragraph = nil
            }
            child = next
        }
        if let open = paragraph { trimTrailingWhitespace(open) }
    }

    func trimTrailingWhitespace(_ node: DOMNode) {
        while let last = node.pointee.last, Self.isWhitespace(last) { document.remove(last) }
    }

    mutating func checkByline(_ node: DOMNode, _ matchString: [UInt8]) -> Bool {
        guard byline == nil, !hasMetadataByline, node.isElement else { return false }
        let itemprop = node.attribute("itemprop") ?? ""
        guard node.attribute("rel") == "author" || (!itemprop.isEmpty && itemprop.contains("author"))
            || ClassHints.isByline(matchString)
        else { return false }
        guard !Self.isFormField(node) else { return false }
        let text = node.textContent.whitespaceTrimmed
        guard !text.isEmpty, TextMeasure.length(text) < 100 else { return false }
        // A byline block often holds a date or "By" too: an `itemprop=name` inside it is the name alone.
        let end = Self.nextNode(node, skippingChildren: true)
        var next = Self.nextNode(node)
        while let current = next, current != end {
            if (current.attribute("itemprop") ?? "").contains("name") {
                byline = current.textContent.whitespaceTrimmed
                return true
            }
            next = Self.nextNode(current)
        }
        byline = text
        return true
    }

    /// Whether an element named for an author is part of a form: a comment form's field for the
    /// commenter's name (`<p class="comment-form-author"><label>Name *</label><input></p>`) is no byline.
    static func isFormField(_ node: DOMNode) -> Bool {
        node.hasAncestor("form", maxDepth: 0) || node.hasDescendant(in: formFields)
    }

    static let formFields: TagSet = ["input", "label", "textarea", "select"]

    func headerDuplicatesTitle(_ node: DOMNode) -> Bool {
        guard node.isTag("h1") || node.isTag("h2") else { return false }
        return TextMeasure.similarity(articleTitle, TextMeasure.innerText(node, normalizeSpaces: false)) > 0.75
    }

    func removeAndGetNext(_ node: DOMNode) -> DOMNode? {
        let next = Self.nextNode(node, skippingChildren: true)
        document.remove(node)
        return next
    }

    // MARK: - Pass 2: score paragraphs into their ancestors

    mutating func score(_ elements: [DOMNode]) -> [DOMNode] {
        var candidates: [DOMNode] = []
        for element in elements {
            guard element.parent != nil else { continue }
            let length = TextMeasure.textLength(element)
            guard length >= 25 else { continue }
            let ancestors = element.ancestors(maxDepth: 5)
            guard !ancestors.isEmpty else { continue }
            let contentScore = 1.0 + Double(TextMeasure.commaCount(element) + 1) + Double(min(length / 100, 3))
            for (level, ancestor) in ancestors.enumerated() {
                // Readability skips an ancestor without an element parent (the <html> element).
                guard ancestor.parent != nil else { continue }
                if scores[ancestor] == nil {
                    scores[ancestor] = initialScore(ancestor)
                    candidates.append(ancestor)
                }
                let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level * 3)
                scores[ancestor, default: 0] += contentScore / divider
            }
        }
        return candidates
    }

    func initialScore(_ node: DOMNode) -> Double {
        var value = 0.0
        switch node.tag {
        case "div": value = 5
        case "pre", "td", "blockquote": value = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": value = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": value = -5
        default: break
        }
        return value + Double(classWeight(node))
    }

    func classWeight(_ node: DOMNode) -> Int {
        guard flags.contains(.weightClasses) else { return 0 }
        var weight = 0
        for value in [node.lowercasedAttribute("class"), node.lowercasedAttribute("id")] {
            guard !value.isEmpty else { continue }
            if ClassHints.isNegative(value) { weight -= 25 }
            if ClassHints.isPositive(value) { weight += 25 }
        }
        return weight
    }
}
