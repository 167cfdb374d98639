import CLibXML2

// Choosing the top candidate and the siblings that belong with it.
extension BodyPass {
    /// The best-scoring element (after link density), moved up the tree where the content is clearly spread
    /// over its parent; the body's content wrapped in a new `div` when nothing scored.
    mutating func chooseTopCandidate(_ candidates: [DOMNode], body: DOMNode) -> (DOMNode, DOMNode) {
        var top: [DOMNode] = []
        let densities = document.root.map { LinkDensityTable(root: $0, wanted: Set(candidates)) }
        for candidate in candidates {
            let density = densities?.linkDensity(candidate) ?? TextMeasure.linkDensity(candidate)
            let adjusted = (scores[candidate] ?? 0) * (1 - density)
            scores[candidate] = adjusted
            if let index = top.firstIndex(where: { adjusted > (scores[$0] ?? 0) }) {
                top.insert(candidate, at: index)
            } else {
                top.append(candidate)
            }
            if top.count > 5 { top.removeLast() }
        }
        guard var topCandidate = top.first, !topCandidate.isTag("body") else {
            let wrapper = document.makeElement("div")
            for child in body.childNodes { document.append(child, to: wrapper) }
            document.append(wrapper, to: body)
            scores[wrapper] = initialScore(wrapper)
            return (wrapper, body)
        }
        // Several close runners-up under one ancestor: the article is that ancestor.
        let topScore = scores[topCandidate] ?? 0
        let alternatives = top.dropFirst().filter { (scores[$0] ?? 0) / topScore >= 0.75 }.map { Set($0.ancestors()) }
        if alternatives.count >= 3 {
            var parent = topCandidate.parent
            while let current = parent, !current.isTag("body") {
                if alternatives.filter({ $0.contains(current) }).count >= 3 {
                    topCandidate = current
                    break
                }
                parent = current.parent
            }
        }
        if scores[topCandidate] == nil { scores[topCandidate] = initialScore(topCandidate) }
        // A parent scoring higher than its child on the way up gathers more of the article.
        var parent = topCandidate.parent
        var lastScore = scores[topCandidate] ?? 0
        let threshold = lastScore / 3
        while let current = parent, !current.isTag("body") {
            guard let parentScore = scores[current] else {
                parent = current.parent
                continue
            }
            if parentScore < threshold { break }
            if parentScore > lastScore {
                topCandidate = current
                break
            }
            lastScore = parentScore
            parent = current.parent
        }
        // A row or a group of rows stands for its table: the cells of a long table (a list of names, of
        // addresses) can outscore the paragraphs around it, which the sibling search then gathers.
        if Self.tableParts.contains(topCandidate), let table = topCandidate.ancestors().first(where: { $0.isTag("table") }) {
            topCandidate = table
        }
        // An only child stands for its parent, so the sibling search looks one level up.
        while let current = topCandidate.parent, !current.isTag("body"), current.elementChildren.count == 1 {
            topCandidate = current
        }
        if scores[topCandidate] == nil { scores[topCandidate] = initialScore(topCandidate) }
        return (topCandidate, topCandidate.parent ?? body)
    }

    static let tableParts: TagSet = ["tr", "tbody", "thead", "tfoot"]

    /// A new `div` with the top candidate and those of its siblings that look like part of the article
    /// (a preamble, paragraphs split off by an advertisement, blocks of the top candidate's own kind).
    func gatherSiblings(of topCandidate: DOMNode, in parent: DOMNode) -> DOMNode {
        let content = document.makeElement("div")
        let topScore = scores[topCandidate] ?? 0
        let threshold = max(10, topScore * 0.2)
        let topClass = topCandidate.attribute("class") ?? ""
        for sibling in parent.elementChildren {
            var append = sibling == topCandidate
            if !append {
                var bonus = 0.0
                if !topClass.isEmpty, sibling.attribute("class") == topClass { bonus += topScore * 0.2 }
                if let score = scores[sibling], score + bonus >= threshold {
                    append = true
                } else if bonus > 0, scores[sibling] == nil, sibling.tag == topCandidate.tag,
                          TextMeasure.linkDensity(sibling) < 0.25, !TextMeasure.textLength(sibling, isAtMost: 80) {
                    // A block of the top candidate's kind whose text lies too deep to have been scored
                    // (the next post of a thread, the next part of an article) is judged as a paragraph.
                    append = true
                } else if sibling.isTag("p") || sibling.isTag("figure") {
                    // A captioned picture is judged by its caption, as a paragraph by its text.
                    let density = TextMeasure.linkDensity(sibling)
                    let text = TextMeasure.innerText(sibling)
                    let length = TextMeasure.length(text)
                    if length > 80, density < 0.25 {
                        append = true
                    } else if length < 80, length > 0, density == 0, Self.hasSentenceEnd(text) {
                        append = true
                    }
                }
            }
            guard append else { continue }
            if !["div", "article", "section", "p", "figure"].contains(sibling.tag) { sibling.rename("div") }
            document.append(sibling, to: content)
        }
        return content
    }

    /// A full stop followed by a space or the end, as in a sentence.
    static func hasSentenceEnd(_ text: String) -> Bool {
        var previousWasStop = false
        for character in text {
            if previousWasStop, character == " " { return true }
            previousWasStop = character == "."
        }
        return previousWasStop
    }
}
