import CLibXML2

/// `TextMeasure.textLength` and `TextMeasure.linkDensity` of chosen elements, all from one walk of the page.
///
/// Choosing the top candidate asks the link density of every scored ancestor, and each answer walked the
/// ancestor's whole subtree: these subtrees nest, so the page was read several times over (a tenth of an
/// extraction). One walk keeps the running counts of `TextMeasure.LengthCounter` and reads each element's
/// share off them. Valid until the page changes.
struct LinkDensityTable {
    private var densities: [DOMNode: Double] = [:]

    /// Measures the elements of `wanted` below `root`.
    init(root: DOMNode, wanted: Set<DOMNode>) {
        var walker = Walker(wanted: wanted)
        walker.visit(root)
        for record in walker.records where record.isWanted {
            densities[record.node] = record.total > 0
                ? (Double(record.linked) + record.linkedInPage) / Double(record.total) : 0
        }
    }

    /// The link density of `node`, as `TextMeasure.linkDensity` gives it (measured on the spot when it
    /// was not below the root, as in a subtree taken out of the page).
    func linkDensity(_ node: DOMNode) -> Double { densities[node] ?? TextMeasure.linkDensity(node) }

    private struct Record {
        let node: DOMNode
        let isWanted: Bool
        let startLength: Int
        /// The page's run count just after this element's first non-space character (-1: none yet).
        var runsAtFirstText = -1
        var total = 0
        /// Link text inside the element at full weight, and in-page (`#`) links at their lower weight,
        /// kept apart so the common page without in-page links sums exactly as `linkDensity` does.
        var linked = 0
        var linkedInPage = 0.0
    }

    /// `LengthCounter` over the whole page, with a stack of the elements open around the current node.
    /// An element's length is the characters read while it was open plus the runs counted after its first
    /// character: before that, its own counter would not have seen text yet.
    private struct Walker {
        let wanted: Set<DOMNode>
        var length = 0
        var runs = 0
        var seenText = false
        var inRun = false
        var records: [Record] = []
        /// Indices into `records` of the open elements measured for themselves or as links.
        var open: [Int] = []
        /// The tail of `open` whose first character has not been read yet.
        var pendingFrom = 0

        init(wanted: Set<DOMNode>) { self.wanted = wanted }

        mutating func visit(_ node: DOMNode) {
            if node.isText {
                add(TextNodeSummary(node))
                return
            }
            guard node.isElement else { return }
            let isLink = node.isTag("a")
            let isWanted = wanted.contains(node)
            let measured = isLink || isWanted
            if measured {
                open.append(records.count)
                records.append(Record(node: node, isWanted: isWanted, startLength: length))
            }
            var child = node.pointee.children
            while let current = child {
                visit(current)
                child = current.pointee.next
            }
            guard measured, let index = open.popLast() else { return }
            pendingFrom = min(pendingFrom, open.count)
            let record = records[index]
            let total = record.runsAtFirstText < 0 ? 0 : length - record.startLength + runs - record.runsAtFirstText
            records[index].total = total
            guard isLink, total > 0 else { return }
            let href = node.attribute("href") ?? ""
            let inPage = href.count > 1 && href.hasPrefix("#")
            for outer in open {
                if inPage { records[outer].linkedInPage += Double(total) * 0.3 } else { records[outer].linked += total }
            }
        }

        /// `LengthCounter.add`, also noting the run count at the first character of the elements opened
        /// since the last text.
        mutating func add(_ text: TextNodeSummary) {
            guard text.hasText else {
                if text.startsWithSpace { inRun = true }
                return
            }
            if inRun || text.startsWithSpace, seenText { runs += 1 }
            seenText = true
            if pendingFrom < open.count {
                for position in pendingFrom..<open.count { records[open[position]].runsAtFirstText = runs }
                pendingFrom = open.count
            }
            runs += text.runsInside
            length += text.units
            inRun = text.endsWithSpace
        }
    }
}
