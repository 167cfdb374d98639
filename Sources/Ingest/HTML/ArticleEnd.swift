import CLibXML2
import Foundation

/// Where the article stops. The body a content score gathers often runs on past the last paragraph into
/// what sites print after an article: lists of related articles, "read more" teasers, comment sections,
/// share and tag bars, newsletter sign-ups. One decision over the trailing blocks of the body only,
/// walked from the last one back, descending into wrappers: each is taken for page furniture (a
/// semantic element or role for it, a class named for it, a label of `TrailingCues`, a block mostly of
/// links, a heading with nothing after it) or for the article's own text, where the walk stops.
///
/// The walk never reaches more than the trailing blocks, so it costs little beside the body search.
struct ArticleEnd {
    let document: HTMLDocument

    /// What a trailing block is taken for.
    enum Verdict {
        /// Page furniture: it goes, and the walk goes on before it.
        case furniture
        /// The article's own text: the walk stops.
        case article
        /// A wrapper of other blocks: the walk goes on inside it.
        case wrapper
        /// Nothing to read (an image, an empty wrapper): kept, and the walk goes on before it.
        case neutral
    }

    /// A cut that would leave less than this share of the body's text is not made: the body is then
    /// more likely a list page than an article with a tail.
    static let keptShare = 0.3

    /// Takes the trailing furniture out of `content`.
    func trim(_ content: DOMNode) {
        var cut = Cut(total: TextMeasure.textLength(content))
        _ = collect(in: content, into: &cut)
        guard !cut.marked.isEmpty, cut.keepsEnough(removing: 0) else { return }
        for node in cut.marked { document.remove(node) }
    }

    /// The blocks marked to go, and the text they hold.
    struct Cut {
        /// The text length of the whole body.
        let total: Int
        /// The blocks to remove, none inside another.
        var marked: [DOMNode] = []
        /// The text length of the marked blocks.
        var removed = 0

        mutating func mark(_ node: DOMNode) {
            marked.append(node)
            removed += TextMeasure.textLength(node)
        }

        /// Marks `nodes` in place of the marked blocks from index `start` on, which lie inside them.
        mutating func mark(_ nodes: [DOMNode], replacingFrom start: Int) {
            for node in marked[start...] { removed -= TextMeasure.textLength(node) }
            marked.removeSubrange(start...)
            for node in nodes { mark(node) }
        }

        /// Whether the body keeps enough text once `more` is removed too.
        func keepsEnough(removing more: Int) -> Bool {
            Double(total - removed - more) >= Double(total) * ArticleEnd.keptShare
        }
    }

    /// Walks the children of `node` from the last, marking furniture; true when it reached the article's text.
    /// A wrapper in which nothing but furniture and blanks was found is marked whole, its pictures with it.
    func collect(in node: DOMNode, into cut: inout Cut) -> Bool {
        var child = node.pointee.last
        while let current = child {
            child = current.pointee.prev
            if current.isText {
                if !TextMeasure.isBlank(node: current) { return true }
                continue
            }
            guard current.isElement else { continue }
            let before = cut.marked.count
            var judged = verdict(current, afterCut: !cut.marked.isEmpty)
            // A block holding most of the body is walked into, whatever its name says.
            if judged == .furniture, !cut.keepsEnough(removing: TextMeasure.textLength(current)) { judged = .wrapper }
            switch judged {
            case .furniture:
                cut.mark(current)
            case .article:
                markSection(endingWith: current, in: &cut, from: before)
                return true
            case .neutral:
                continue
            case .wrapper:
                if collect(in: current, into: &cut) {
                    markSection(endingWith: current, in: &cut, from: before)
                    return true
                }
                if cut.marked.count > before { cut.mark([current], replacingFrom: before) }
            }
        }
        return false
    }

    /// How many blocks before the article's last one are searched for the label of a trailing section.
    static let labelReach = 8

    /// A comment section or an author's box under a label of its own (`Kommentare`, `About the
    /// author`) whose last block reads like prose: from the label on, `block` included, all goes,
    /// unless the body would keep too little. `start` is where the marks made inside `block` begin.
    func markSection(endingWith block: DOMNode, in cut: inout Cut, from start: Int) {
        var sibling = block.previousElementSibling
        for _ in 0..<Self.labelReach {
            guard let label = sibling else { return }
            if isSectionLabel(label) {
                var section: [DOMNode] = []
                var node: DOMNode? = label
                while let current = node, current != block.nextElementSibling {
                    section.append(current)
                    node = current.nextElementSibling
                }
                let inside = cut.marked[start...].reduce(0) { $0 + TextMeasure.textLength($1) }
                let more = section.reduce(0) { $0 + TextMeasure.textLength($1) } - inside
                if cut.keepsEnough(removing: more) { cut.mark(section, replacingFrom: start) }
                return
            }
            sibling = label.previousElementSibling
        }
    }

    /// A heading or a short line that labels comments or the author's box.
    func isSectionLabel(_ node: DOMNode) -> Bool {
        guard TextMeasure.textLength(node, isAtMost: TrailingCues.labelLength) else { return false }
        return TrailingCues.isLabel(TextMeasure.innerText(node).lowercased(), among: TrailingCues.sectionLabels)
    }

    /// Elements and roles HTML gives to what is not the article.
    /// (`address` holds the contact of the page's owner or author, not the article.)
    static let semanticFurniture: TagSet = ["aside", "nav", "footer", "form", "menu", "address"]
    static let furnitureRoles: Set<String> = ["complementary", "navigation", "contentinfo", "banner", "search", "form"]
    static let headings: TagSet = ["h1", "h2", "h3", "h4", "h5", "h6"]
    /// Elements that make their parent a wrapper of blocks rather than a run of text.
    static let blocks: TagSet = ["div", "section", "article", "ul", "ol", "dl", "blockquote", "table", "figure", "header",
                                 "p", "center", "main"]
    /// Blocks judged whole, never walked into: a list of references is one list, whatever its last item.
    static let wholes: TagSet = ["ul", "ol", "dl", "table"]
    static let media: TagSet = ["img", "picture", "video", "iframe", "svg", "audio", "object", "embed"]

    /// Judges one trailing block; `afterCut` says whether furniture after it was already marked.
    func verdict(_ block: DOMNode, afterCut: Bool) -> Verdict {
        if TextMeasure.isBlank(node: block) { return .neutral }
        if Self.semanticFurniture.contains(block) || Self.semanticFurniture.contains(innermost(block)) { return .furniture }
        if let role = block.attribute("role"), Self.furnitureRoles.contains(role) { return .furniture }
        if ClassHints.matches(block.classAndID, TrailingCues.classNames) || isMostlyNamedFurniture(block) { return .furniture }
        if isCueLabel(leadingLabel(of: block)) { return .furniture }
        // An article does not end on a heading: a title left last introduced a box that is gone (a
        // heading that is a sentence is a pull quote).
        if Self.headings.contains(innermost(block)), !BodyPass.hasSentenceEnd(TextMeasure.innerText(block)) {
            return .furniture
        }
        // Nor on a label that announces what follows ("Further information:") when nothing ever followed
        // (one whose list was just cut may have introduced the article's own links).
        if !afterCut, isDanglingLabel(block) { return .furniture }
        if isLinkList(block), !isAnnounced(block) { return .furniture }
        if isCoda(block) || isCallToAction(block) || isTeaser(block) || leadsOnlyToChannels(block) { return .furniture }
        if !Self.wholes.contains(block), hasBlockChildren(block) { return .wrapper }
        return .article
    }

    /// A short line whose text lies mostly inside elements named for furniture (`<p><span class="post-ratings">…`):
    /// the name sits on the widget, and the line around it was added by the page or the body search.
    func isMostlyNamedFurniture(_ block: DOMNode) -> Bool {
        guard TextMeasure.textLength(block, isAtMost: Self.codaLength) else { return false }
        let total = TextMeasure.textLength(block)
        guard total > 0 else { return false }
        var named = 0
        var next = BodyPass.nextNode(block)
        let end = BodyPass.nextNode(block, skippingChildren: true)
        while let current = next, current != end {
            if ClassHints.matches(current.classAndID, TrailingCues.classNames) {
                named += TextMeasure.textLength(current)
                next = BodyPass.nextNode(current, skippingChildren: true)
            } else {
                next = BodyPass.nextNode(current)
            }
        }
        return Double(named) >= Double(total) * Self.namedShare
    }

    /// The share of a line's text that elements named for furniture must hold for the line to be theirs.
    static let namedShare = 0.8

    /// The element a block only wraps (`<p><h2>…</h2></p>`), down through wrappers without text of their own.
    func innermost(_ block: DOMNode) -> DOMNode {
        var node = block
        while let only = node.firstElementChild, only.nextElementSibling == nil,
              !node.childNodes.contains(where: { $0.isText && !TextMeasure.isBlank(node: $0) }) {
            node = only
        }
        return node
    }

    /// Whether the node's text is one of the cues. Its length is counted first, without building the text:
    /// a wrapper holding the whole article comes here too.
    func isCueLabel(_ node: DOMNode) -> Bool {
        TextMeasure.textLength(node, isAtMost: TrailingCues.labelLength)
            && TrailingCues.isLabel(TextMeasure.innerText(node).lowercased())
    }

    /// The block's first heading when it opens with one (a box's title), else the block itself.
    func leadingLabel(of block: DOMNode) -> DOMNode {
        var first = block.firstElementChild
        while let current = first, TextMeasure.isBlank(node: current) { first = current.nextElementSibling }
        if let first, Self.headings.contains(first) { return first }
        return block
    }

    /// Text that is nearly all links: a list of other pages, or a "back" link. A picture with a word or
    /// two of linked text is a picture with its credit.
    func isLinkList(_ block: DOMNode) -> Bool {
        if TextMeasure.textLength(block, isAtMost: Self.creditLength), block.hasDescendant(in: Self.media) {
            return false
        }
        // A link standing as a block of its own ("More stories", a button) is all link.
        let links = block.isTag("a") ? [block] : block.descendants("a")
        guard block.isTag("a") || TextMeasure.linkDensity(block) >= TrailingCues.linkListDensity else { return false }
        // Links that print their own address are the article's sources, not teasers for other pages.
        return !links.allSatisfy { Self.printsAddress(TextMeasure.innerText($0)) }
    }

    static func printsAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.")
    }

    /// The longest linked text taken for a picture's credit, in UTF-16 units.
    static let creditLength = 24

    /// A short line ending in a colon, left with nothing after it to introduce.
    func isDanglingLabel(_ block: DOMNode) -> Bool {
        guard TextMeasure.textLength(block, isAtMost: TrailingCues.labelLength) else { return false }
        let text = TextMeasure.innerText(block)
        return text.hasSuffix(":") || text.hasSuffix("：")
    }

    /// The longest text of a coda, in UTF-16 units: a line or two.
    static let codaLength = 200
    /// The longest appeal of `TrailingCues.isAppeal`, in UTF-16 units: the channels it lists (accounts,
    /// addresses, numbers) make it longer than a coda.
    static let appealLength = 300

    /// A short block set after the wrapper that holds the article's paragraphs, outside it, and of a kind
    /// (its class, or its tag when it has none) that no block before it has, nor any block in that
    /// wrapper: a note the page adds to every article (a disclaimer, a copyright line, a call to
    /// subscribe). The last part of an article split by advertisements repeats the kind of the parts
    /// before it, or of their paragraphs (a part of one paragraph comes here as that paragraph), and stays.
    func isCoda(_ block: DOMNode) -> Bool {
        guard TextMeasure.textLength(block, isAtMost: Self.codaLength) else { return false }
        let kind = block.attribute("class") ?? ""
        // A class alone makes a kind: the body search puts a lone paragraph in place of its `div`, names and all.
        func isSameKind(_ node: DOMNode) -> Bool {
            (node.attribute("class") ?? "") == kind && (!kind.isEmpty || node.tag == block.tag)
        }
        var article: DOMNode?
        var sibling = block.previousElementSibling
        while let current = sibling {
            if isSameKind(current) { return false }
            if article == nil, !TextMeasure.textLength(current, isAtMost: Self.codaLength * 4) { article = current }
            sibling = current.previousElementSibling
        }
        guard let article, hasBlockChildren(article) else { return false }
        return !article.elementChildren.contains(where: isSameKind)
    }

    /// A short line at the end that asks the reader to share, follow, subscribe or sign up: with a link
    /// to do it, the words of `TrailingCues.furniture` inside it, not only as its label; with or without
    /// one, an appeal of `TrailingCues.isAppeal` ("Follow us on …", "Download our app for iOS").
    func isCallToAction(_ block: DOMNode) -> Bool {
        guard TextMeasure.textLength(block, isAtMost: Self.appealLength) else { return false }
        let text = TextMeasure.innerText(block).lowercased()
        if TrailingCues.isAppeal(text) { return true }
        guard TextMeasure.textLength(block, isAtMost: Self.codaLength), !block.descendants("a").isEmpty else { return false }
        let spaced = " " + text
        return TrailingCues.furniture.contains { spaced.contains(" " + $0) }
    }

    /// A short block whose links all lead to app stores or social networks (`TrailingCues.channelHosts`):
    /// an app's badges, a share or follow bar, with the line that asks for it.
    func leadsOnlyToChannels(_ block: DOMNode) -> Bool {
        guard TextMeasure.textLength(block, isAtMost: Self.appealLength) else { return false }
        let links = block.isTag("a") ? [block] : block.descendants("a")
        return !links.isEmpty && links.allSatisfy { link in
            let href = (link.attribute("href") ?? "").whitespaceTrimmed.lowercased()
            return URL(string: href)?.host.map(TrailingCues.isChannelHost) ?? false
        }
    }

    /// The longest teaser, in UTF-16 units: a headline and a sentence or two.
    static let teaserLength = 400

    /// A short block of text ending in a link that reads as one of `TrailingCues.related` ("Weiterlesen",
    /// "Read more", "Lire la suite"): the excerpt of another article, with the link to it.
    func isTeaser(_ block: DOMNode) -> Bool {
        guard TextMeasure.textLength(block, isAtMost: Self.teaserLength) else { return false }
        guard let link = block.descendants("a").last, !TextMeasure.isBlank(node: link),
              TextMeasure.textLength(link, isAtMost: TrailingCues.labelLength),
              TextMeasure.textLength(link) < TextMeasure.textLength(block),
              TrailingCues.isLabel(TextMeasure.innerText(link).lowercased(), among: TrailingCues.related) else { return false }
        // The link ends the block: nothing but blanks follows it.
        var node: DOMNode? = link
        while let current = node, current != block {
            var next = current.nextSibling
            while let sibling = next {
                if !TextMeasure.isBlank(node: sibling) { return false }
                next = sibling.nextSibling
            }
            node = current.parent
        }
        return true
    }

    /// Whether the text before the block is a sentence ending in a colon, which the block's links complete
    /// ("… sign this petition: <link>"): a short label with a colon is a box's title, not a sentence.
    func isAnnounced(_ block: DOMNode) -> Bool {
        guard let previous = block.previousElementSibling else { return false }
        let text = TextMeasure.innerText(previous)
        return text.hasSuffix(":") && text.count > TrailingCues.labelLength && !TrailingCues.isLabel(text.lowercased())
    }

    func hasBlockChildren(_ block: DOMNode) -> Bool {
        var child = block.firstElementChild
        while let current = child {
            if Self.blocks.contains(current) { return true }
            child = current.nextElementSibling
        }
        return false
    }
}
