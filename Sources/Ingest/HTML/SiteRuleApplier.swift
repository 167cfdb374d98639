import CLibXML2

/// Applies one `SiteRule` to a parsed page.
struct SiteRuleApplier {
    let rule: SiteRule

    /// Deletes the elements the rule names for removal.
    func removeUnwanted(in document: HTMLDocument) {
        for css in rule.remove {
            for node in CSSSelector(css)?.select(in: document).reversed() ?? [] { document.remove(node) }
        }
    }

    /// The article body the rule points at, moved into a new detached `div`.
    func content(in document: HTMLDocument) -> DOMNode? {
        guard let css = rule.content, let node = CSSSelector(css)?.select(in: document).first else { return nil }
        let wrapper = document.makeElement("div")
        document.append(node, to: wrapper)
        return wrapper
    }

    /// The text (or `datetime`/`content` value) of the first element `css` selects.
    func text(_ css: String?, in document: HTMLDocument) -> String? {
        guard let css, let node = CSSSelector(css)?.select(in: document).first else { return nil }
        let value = node.attribute("datetime") ?? node.attribute("content") ?? TextMeasure.innerText(node)
        return value.isEmpty ? nil : value
    }
}
