import CLibXML2

/// Captions that a CMS writes as a `div` beside its picture (`<div class="PhotoCMS_Caption">`,
/// `<p class="wp-caption-text">`, `<span class="image-caption">`) become what they are: the
/// picture's wrapper a `<figure>`, the caption its `<figcaption>`. Readers, feeds and screen readers
/// then know the text belongs to the picture, and the theme can style it as one.
enum Captions {
    /// Whether an element's class names it a caption (a word holding `caption`, any case). Scans the
    /// attribute's bytes in place: every element of every page is asked.
    static func isCaption(_ node: DOMNode) -> Bool {
        guard let attribute = node.findAttribute("class"), let text = attribute.pointee.children,
              text.pointee.next == nil, let value = text.pointee.content else { return false }
        var index = 0
        while value[index] != 0 {
            if value[index] | 0x20 == UInt8(ascii: "c"), matchesAption(value, at: index + 1) { return true }
            index += 1
        }
        return false
    }

    private static func matchesAption(_ value: UnsafePointer<xmlChar>, at start: Int) -> Bool {
        for (offset, letter) in "aption".utf8.enumerated() {
            let byte = value[start + offset]
            guard byte != 0, byte | 0x20 == letter else { return false }
        }
        return true
    }

    /// Makes figures of the captions found: each caption's nearest wrapper (up to three levels up)
    /// that holds exactly one picture and little text besides the caption becomes a `figure`, and
    /// the caption its `figcaption`. A caption with no such wrapper, one too long to be a caption,
    /// or one holding the picture itself, is left as it is.
    static func markFigures(_ captions: [DOMNode], in document: HTMLDocument) {
        for caption in captions where caption.pointee.parent != nil && !caption.isTag("figcaption") {
            // A wrapper named `wp-caption` holds the picture: the caption is the text beside it.
            let length = caption.textContent.utf8.count
            guard length <= maximumBytes, caption.descendants("img").isEmpty else { continue }
            var candidate = caption.parent
            for _ in 0..<3 {
                guard let wrapper = candidate, wrappers.contains(wrapper) else { break }
                let pictures = wrapper.descendants("img").count
                if pictures > 1 { break }
                if pictures == 1 {
                    // A wrapper with text of its own besides the caption is a part of the article.
                    guard wrapper.textContent.utf8.count - length <= maximumBytes / 4 else { break }
                    if !wrapper.isTag("figure") { wrapper.rename("figure") }
                    if caption.isTag("p") {
                        // Kept a paragraph inside the caption: the body search counts paragraphs, and
                        // a list of captioned pictures must not lose them.
                        let figcaption = document.makeElement("figcaption")
                        document.replace(caption, with: figcaption)
                        document.append(caption, to: figcaption)
                    } else {
                        caption.rename("figcaption")
                    }
                    break
                }
                candidate = wrapper.parent
            }
        }
    }

    /// Elements a CMS wraps a picture and its caption in.
    static let wrappers: TagSet = ["div", "p", "span", "section", "figure", "a"]
    /// Bytes of text a caption has at most: more is a paragraph that happens to carry the class.
    static let maximumBytes = 1_200
}
