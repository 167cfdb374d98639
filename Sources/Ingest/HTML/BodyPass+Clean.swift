import CLibXML2

// Cleaning the gathered body: forms, embeds, share bars, link-heavy blocks and empty paragraphs go.
extension BodyPass {
    static let videoHosts = ["//www.youtube.com", "//youtube.com", "//www.youtube-nocookie.com", "//youtube-nocookie.com",
                             "//player.vimeo.com", "//www.dailymotion.com", "//dailymotion.com", "//v.qq.com",
                             "//archive.org", "//upload.wikimedia.org", "//player.twitch.tv", "//www.v.qq.com"]

    static func isAllowedVideo(_ text: String) -> Bool {
        videoHosts.contains { text.lowercasedContains($0) }
    }

    mutating func prepareArticle(_ content: DOMNode) {
        markDataTables(content)
        LazyImages.fix(in: content, document: document)
        cleanConditionally(content, "form")
        cleanConditionally(content, "fieldset")
        // One walk finds what the next steps take out, tag by tag as before: ten walks of the body were a
        // measured cost. An element found inside one already gone goes from that detached subtree, to no
        // effect on the article.
        let cleanable = content.descendants(in: Self.cleanedTags)
        keepSurvivingForms(cleanable)
        let wrappers = articleWrappers(among: cleanable, in: content)
        clean(cleanable, "object")
        clean(cleanable, "embed")
        clean(cleanable, "footer", keeping: wrappers)
        clean(cleanable, "link")
        clean(cleanable, "aside", keeping: wrappers)
        for child in content.elementChildren {
            removeMatching(below: child) { node in
                ClassHints.isShare(node.classAndID) && TextMeasure.length(node.textContent) < 500
            }
        }
        for tag: StaticString in ["iframe", "input", "textarea", "select", "button"] { clean(cleanable, tag) }
        for heading in content.descendants(in: ["h1", "h2"]) where classWeight(heading) < 0 { document.remove(heading) }
        cleanConditionally(content, "table")
        cleanConditionally(content, "ul")
        cleanConditionally(content, "div")
        for heading in content.descendants("h1") { heading.rename("h2") }
        for paragraph in content.descendants("p").reversed()
        where TextMeasure.isBlank(node: paragraph) && !paragraph.hasDescendant(in: Self.paragraphMedia) {
            document.remove(paragraph)
        }
        for lineBreak in content.descendants("br") {
            var next = lineBreak.nextSibling
            while let current = next, !current.isElement, TextMeasure.isBlank(node: current) { next = current.nextSibling }
            if let next, next.isTag("p") { document.remove(lineBreak) }
        }
        unwrapSingleCellTables(content)
    }

    /// A form the conditional cleaning kept holds prose, not a form to fill in: a page built inside one
    /// form (as ASP.NET sites are) or a shop's product text around its order buttons. It becomes a `div`,
    /// which the sanitizer keeps, where it drops a form with all it holds; its controls go as ever.
    /// `found` holds the body's forms, those that survived, among other elements.
    func keepSurvivingForms(_ found: [DOMNode]) {
        guard flags.contains(.cleanConditionally) else { return }
        for form in found where form.isTag("form") { form.rename("div") }
    }

    /// What keeps a paragraph without text: it shows something.
    static let paragraphMedia: TagSet = ["img", "embed", "object", "iframe"]

    static let cleanedTags: TagSet = ["form", "object", "embed", "footer", "link", "aside", "iframe", "input", "textarea", "select",
                                      "button"]

    /// The asides and footers among `found` that hold more than half of the body's text: a page's
    /// misnamed wrapper of the article, not a box beside it or a line under it.
    func articleWrappers(among found: [DOMNode], in content: DOMNode) -> Set<DOMNode> {
        let boxes = found.filter { $0.isTag("aside") || $0.isTag("footer") }
        guard !boxes.isEmpty else { return [] }
        let half = TextMeasure.textLength(content) / 2
        return Set(boxes.filter { TextMeasure.textLength($0) > half })
    }

    /// Removes the `tag` elements among `found` (embeds of known video players and `keeping` excepted),
    /// last first.
    func clean(_ found: [DOMNode], _ tag: StaticString, keeping: Set<DOMNode> = []) {
        let isEmbed = ["object", "embed", "iframe"].contains(tag.description)
        for node in found.reversed() where node.isTag(tag) && !keeping.contains(node) {
            if isEmbed, node.attributes.contains(where: { Self.isAllowedVideo($0.value) }) { continue }
            document.remove(node)
        }
    }

    func removeMatching(below root: DOMNode, _ shouldRemove: (DOMNode) -> Bool) {
        let end = Self.nextNode(root, skippingChildren: true)
        var next = Self.nextNode(root)
        while let current = next, current != end {
            if shouldRemove(current) {
                next = removeAndGetNext(current)
            } else {
                next = Self.nextNode(current)
            }
        }
    }

    func unwrapSingleCellTables(_ root: DOMNode) {
        for table in root.descendants("table") {
            let body = Self.hasSingleTagInside(table, "tbody") ? table.firstElementChild! : table
            guard Self.hasSingleTagInside(body, "tr"), let row = body.firstElementChild,
                  Self.hasSingleTagInside(row, "td"), let cell = row.firstElementChild else { continue }
            cell.rename(cell.childNodes.allSatisfy(Self.isPhrasingContent) ? "p" : "div")
            document.replace(table, with: cell)
        }
    }

    // MARK: - Data tables

    /// Tables that hold data rather than layout, which the cleaning must leave whole.
    mutating func markDataTables(_ root: DOMNode) {
        for table in root.descendants("table") where isDataTable(table) { dataTables.insert(table) }
    }

    func isDataTable(_ table: DOMNode) -> Bool {
        if table.attribute("role") == "presentation" || table.attribute("datatable") == "0" { return false }
        if let summary = table.attribute("summary"), !summary.isEmpty { return true }
        if let caption = table.descendants("caption").first, caption.firstChild != nil { return true }
        if !table.descendants(in: ["col", "colgroup", "tfoot", "thead", "th"]).isEmpty { return true }
        if !table.descendants("table").isEmpty { return false }
        var rows = 0, columns = 0
        for row in table.descendants("tr") {
            rows += Int(row.attribute("rowspan") ?? "") ?? 1
            var inRow = 0
            for cell in row.descendants("td") { inRow += Int(cell.attribute("colspan") ?? "") ?? 1 }
            columns = max(columns, inRow)
        }
        if rows == 1 || columns == 1 { return false }
        if rows >= 10 || columns > 4 { return true }
        return rows * columns > 10
    }

    // MARK: - Conditional cleaning

    /// `divToParagraphBlocks` with `span`, `li` and `td`.
    static let textishTags: TagSet = ["blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", "span", "li", "td"]
    static let headingTags: TagSet = ["h1", "h2", "h3", "h4", "h5", "h6"]
    static let embedTags: TagSet = ["object", "embed", "iframe"]

    /// Removes `tag` elements that look like link lists, image galleries, forms or ads rather than prose.
    func cleanConditionally(_ root: DOMNode, _ tag: String) {
        guard flags.contains(.cleanConditionally) else { return }
        for node in root.descendants(tag).reversed() where node.pointee.parent != nil && shouldRemove(node, tag) {
            document.remove(node)
        }
    }

    /// What `shouldRemove` asks about the elements below a node, gathered in one walk: a walk per question
    /// (ten per node, over nested nodes) was the largest cost of the clean-up.
    struct Census {
        var paragraphs = 0
        var images = 0
        var listItems = 0
        var inputs = 0
        var lists: [DOMNode] = []
        var tables: [DOMNode] = []
        var headings: [DOMNode] = []
        var embeds: [DOMNode] = []
        var links: [DOMNode] = []
        var textish: [DOMNode] = []

        init(_ root: DOMNode) { visitChildren(of: root) }

        mutating func visitChildren(of node: DOMNode) {
            var child = node.pointee.children
            while let current = child {
                if current.isElement {
                    if current.isTag("p") {
                        paragraphs += 1
                    } else if current.isTag("img") {
                        images += 1
                    } else if current.isTag("li") {
                        listItems += 1
                    } else if current.isTag("input") {
                        inputs += 1
                    } else if current.isTag("ul") || current.isTag("ol") {
                        lists.append(current)
                    } else if current.isTag("table") {
                        tables.append(current)
                    } else if BodyPass.headingTags.contains(current) {
                        headings.append(current)
                    } else if BodyPass.embedTags.contains(current) {
                        embeds.append(current)
                    } else if current.isTag("a") {
                        links.append(current)
                    }
                    if BodyPass.textishTags.contains(current) { textish.append(current) }
                    visitChildren(of: current)
                }
                child = current.pointee.next
            }
        }

        /// The share of a root's text (of length `total`) that lies inside `nodes`.
        static func density(_ nodes: [DOMNode], total: Int) -> Double {
            guard total > 0 else { return 0 }
            return Double(nodes.reduce(0) { $0 + TextMeasure.textLength($1) }) / Double(total)
        }

        /// `TextMeasure.linkDensity` from the links found, for a root of text length `total`.
        func linkDensity(total: Int) -> Double {
            guard total > 0 else { return 0 }
            var linked = 0.0
            for link in links {
                let href = link.attribute("href") ?? ""
                let weight = href.count > 1 && href.hasPrefix("#") ? 0.3 : 1
                linked += Double(TextMeasure.textLength(link)) * weight
            }
            return linked / Double(total)
        }
    }

    func shouldRemove(_ node: DOMNode, _ tag: String) -> Bool {
        let contentLength = TextMeasure.textLength(node)
        let census = Census(node)
        var isList = tag == "ul" || tag == "ol"
        if !isList {
            let listLength = census.lists.reduce(0) { $0 + TextMeasure.textLength($1) }
            isList = contentLength > 0 && Double(listLength) / Double(contentLength) > 0.9
        }
        if tag == "table", dataTables.contains(node) { return false }
        if node.hasAncestor("table", maxDepth: -1, where: { dataTables.contains($0) }) { return false }
        if node.hasAncestor("code") { return false }
        if census.tables.contains(where: { dataTables.contains($0) }) { return false }
        let weight = classWeight(node)
        if weight < 0 { return true }
        guard TextMeasure.commaCount(node) < 10 else { return false }
        let paragraphs = census.paragraphs
        let images = census.images
        let listItems = census.listItems - 100
        let inputs = census.inputs
        let headingDensity = Census.density(census.headings, total: contentLength)
        var embeds = 0
        for embed in census.embeds {
            if embed.attributes.contains(where: { Self.isAllowedVideo($0.value) }) { return false }
            embeds += 1
        }
        if contentLength <= 20 {
            let lower = TextMeasure.innerText(node).lowercased()
            if Self.adWords.contains(lower) || Self.isLoadingWord(lower) { return true }
        }
        let linkDensity = census.linkDensity(total: contentLength)
        let textDensity = Census.density(census.textish, total: contentLength)
        let isFigureChild = node.hasAncestor("figure")
        var remove = false
        if !isFigureChild, images > 1, Double(paragraphs) / Double(images) < 0.5 { remove = true }
        if !isList, listItems > paragraphs { remove = true }
        if inputs > paragraphs / 3 { remove = true }
        if !isList, !isFigureChild, headingDensity < 0.9, contentLength < 25, images == 0 || images > 2, linkDensity > 0 {
            remove = true
        }
        if !isList, weight < 25, linkDensity > 0.2 { remove = true }
        if weight >= 25, linkDensity > 0.5 { remove = true }
        if (embeds == 1 && contentLength < 75) || embeds > 1 { remove = true }
        if images == 0, textDensity == 0 { remove = true }
        // A simple list of images may stay.
        if isList, remove {
            if node.elementChildren.contains(where: { $0.elementChildren.count > 1 }) { return true }
            if images == census.listItems { return false }
        }
        return remove
    }

    static let adWords: Set<String> = ["ad", "advertising", "advertisement", "pub", "publicité", "werb", "werbung", "anzeige",
                                       "广告", "реклама", "reklama", "anuncio", "quảng cáo", "advertisement:", "sponsored",
                                       "publicidad"]
    static let loadingWords: Set<String> = ["loading", "正在加载", "загрузка", "chargement", "cargando", "đang tải"]

    /// "Loading", "Loading…" or "Loading..." in one of several languages.
    static func isLoadingWord(_ text: String) -> Bool {
        // Asked of every short text of a body: one starting with an ASCII letter other than those of the
        // Latin words cannot be one (no character is canonically equal to an ASCII one).
        if let first = text.utf8.first, first < 0x80, first != UInt8(ascii: "l"), first != UInt8(ascii: "c") { return false }
        var word = Substring(text)
        if word.hasSuffix("…") { word = word.dropLast() } else if word.hasSuffix("...") { word = word.dropLast(3) }
        return loadingWords.contains(String(word))
    }
}
