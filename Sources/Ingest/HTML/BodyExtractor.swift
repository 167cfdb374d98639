import CLibXML2

/// Finds the article body of a page: a content score over the DOM in the manner of Mozilla Readability
/// (text length, commas, paragraph structure, link density, class and id hints), then the siblings of the
/// best candidate that belong with it, then a clean-up of what is left (forms, share bars, link lists,
/// empty paragraphs). When a pass keeps too little text, it runs again with fewer heuristics.
struct BodyExtractor {
    /// The title found in the metadata; a heading that repeats it is dropped from the body.
    var articleTitle: String
    /// Whether the metadata already named the author; otherwise the first byline-looking element is taken.
    var hasMetadataByline: Bool
    /// Text below this many characters counts as a failed pass.
    var charThreshold = 500

    /// What one extraction found.
    struct Result {
        /// The document the content lives in (kept alive with it).
        var document: HTMLDocument
        /// A detached `div` holding the article body.
        var content: DOMNode
        /// A byline taken out of the body, when the metadata had none.
        var byline: String?
    }

    struct Flags: OptionSet {
        let rawValue: Int
        static let stripUnlikelys = Flags(rawValue: 1)
        static let weightClasses = Flags(rawValue: 2)
        static let cleanConditionally = Flags(rawValue: 4)
        static let all: Flags = [.stripUnlikelys, .weightClasses, .cleanConditionally]
    }

    /// Runs the passes, the first over `document` itself (which must already be prepared, and which the pass
    /// changes), each later one over a fresh prepared page from `fresh`, and returns the first that keeps
    /// enough text, else the longest.
    func extract(from document: HTMLDocument, fresh: () -> HTMLDocument?) -> Result? {
        var attempts: [(result: Result, length: Int)] = []
        var unused: HTMLDocument? = document
        for flags in [Flags.all, [.weightClasses, .cleanConditionally], [.cleanConditionally], []] as [Flags] {
            guard let page = unused ?? fresh() else { return nil }
            unused = nil
            var pass = BodyPass(document: page, flags: flags, articleTitle: articleTitle,
                                hasMetadataByline: hasMetadataByline)
            guard let content = pass.run() else { continue }
            let result = Result(document: page, content: content, byline: pass.byline)
            let length = TextMeasure.textLength(content)
            if length >= charThreshold { return result }
            attempts.append((result, length))
        }
        guard let best = attempts.max(by: { $0.length < $1.length }), best.length > 0 else { return nil }
        return best.result
    }
}
