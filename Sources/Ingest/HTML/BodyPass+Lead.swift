import CLibXML2

// The lead a page sets apart from the article's paragraphs, in a block of its own before them.
extension BodyPass {
    /// How many levels above the top candidate the lead is looked for.
    static let leadReach = 6
    /// The shortest lead paragraph, in UTF-16 units; shorter blocks before the article are its title,
    /// its date line, its byline or a breadcrumb trail, and the search passes over them.
    static let leadLength = 100
    /// The most paragraphs a lead has; a block with more before the article is something else.
    static let leadParagraphs = 2
    /// The longest block a lead is looked for in, in UTF-16 units: a headline, a date line and a lede
    /// or two. A longer block (a menu, a column of teasers) is not read.
    static let leadBlockLength = 1500
    static let leadTags: TagSet = ["p", "h2", "h3", "h4", "h5", "h6"]

    /// The lead paragraphs of the article whose top candidate is `top`, in reading order: in the first
    /// block of some length before the top candidate or before one of its ancestors, as a page prints a
    /// lede (a `chapo`, an excerpt, a standfirst) between the headline and the article's text. A first
    /// block that is not prose ends the search: the article has no lead apart, or the block is not its.
    func lead(before top: DOMNode) -> [DOMNode] {
        var node = top
        for _ in 0..<Self.leadReach {
            var sibling = node.previousElementSibling
            while let current = sibling {
                if TextMeasure.textLength(current, isAtMost: Self.leadLength - 1) {
                    sibling = current.previousElementSibling
                    continue
                }
                return leadParagraphs(in: current)
            }
            guard let parent = node.parent, !parent.isTag("body") else { return [] }
            node = parent
        }
        return []
    }

    /// The block itself when it is a lead paragraph, else the lead paragraphs inside it, when the
    /// block is mostly prose and holds few of them.
    func leadParagraphs(in block: DOMNode) -> [DOMNode] {
        if Self.leadTags.contains(block) { return isLeadParagraph(block) ? [block] : [] }
        guard TextMeasure.textLength(block, isAtMost: Self.leadBlockLength), TextMeasure.linkDensity(block) < 0.25
        else { return [] }
        let paragraphs = block.descendants(in: Self.leadTags).filter(isLeadParagraph)
        return paragraphs.count <= Self.leadParagraphs ? paragraphs : []
    }

    /// A paragraph of prose: long enough, few links, and sentences; not a picture's caption.
    func isLeadParagraph(_ node: DOMNode) -> Bool {
        guard !node.hasAncestor("figure", maxDepth: 0) else { return false }
        let text = TextMeasure.innerText(node)
        return TextMeasure.length(text) >= Self.leadLength && TextMeasure.linkDensity(node) < 0.25
            && Self.hasSentenceEnd(text)
    }

    /// Puts `lead` at the start of `content`, but for the paragraphs the siblings search already took.
    /// A lead set as a heading becomes the paragraph it is, which a page showing the summary apart
    /// (`Lede`) then knows for the summary.
    func prepend(_ lead: [DOMNode], to content: DOMNode) {
        let first = content.firstChild
        for paragraph in lead where !paragraph.ancestors().contains(content) {
            if !paragraph.isTag("p") { paragraph.rename("p") }
            if let first { document.insert(paragraph, before: first) } else { document.append(paragraph, to: content) }
        }
    }
}
