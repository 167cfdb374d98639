import CLibXML2
import Foundation

/// Makes lazily loaded images real: pages put the picture in `data-src`, `data-original`, `data-srcset` or
/// a `<noscript>` copy, and a placeholder (or nothing) in `src`, leaving the image empty without script.
enum LazyImages {
    /// Whether an attribute value names an image file.
    static func looksLikeImage(_ value: String) -> Bool {
        imageExtensions.contains { value.lowercasedContains($0) }
    }

    static let imageExtensions = [".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"]

    /// Replaces placeholder images followed by a `<noscript>` holding the real one, and drops images
    /// that have no source at all. Runs on the whole page before scripts are removed; `found` holds the
    /// page's `img` and `noscript` elements (among others) in document order, from one walk, as dropping an
    /// image cannot take a `noscript` with it.
    static func unwrapNoscriptImages(_ document: HTMLDocument, found: [DOMNode]) {
        for image in found where image.isTag("img") {
            let attributes = image.attributes
            let hasSource = attributes.contains { ["src", "srcset", "data-src", "data-srcset"].contains($0.name) }
                || attributes.contains { looksLikeImage($0.value) }
            if !hasSource { document.remove(image) }
        }
        for noscript in found where noscript.isTag("noscript") && isSingleImage(noscript) {
            guard let previous = noscript.previousElementSibling, isSingleImage(previous),
                  let newImage = noscript.descendants("img").first,
                  let oldImage = previous.isTag("img") ? previous : previous.descendants("img").first else { continue }
            for (name, value) in oldImage.attributes where !value.isEmpty {
                guard name == "src" || name == "srcset" || looksLikeImage(value) else { continue }
                if newImage.attribute(name) == value { continue }
                newImage.setAttribute(newImage.hasAttribute(name) ? "data-old-" + name : name, value)
            }
            guard let replacement = noscript.firstElementChild else { continue }
            document.replace(previous, with: replacement)
        }
    }

    static func isSingleImage(_ node: DOMNode) -> Bool {
        var current: DOMNode? = node
        while let element = current {
            if element.isTag("img") { return true }
            let children = element.elementChildren
            guard children.count == 1, TextMeasure.isBlank(node: element) else { return false }
            current = children[0]
        }
        return false
    }

    /// Copies `data-*` image addresses into `src`/`srcset`, and drops tiny base64 placeholders.
    static func fix(in root: DOMNode, document: HTMLDocument) {
        for element in root.descendants(in: ["img", "picture", "figure"]) {
            if let src = element.attribute("src"), let mediaType = base64MediaType(src) {
                if mediaType == "image/svg+xml" { continue }
                let hasOther = element.attributes.contains { $0.name != "src" && looksLikeImage($0.value) }
                if hasOther, let marker = src.range(of: "base64", options: .caseInsensitive) {
                    let payload = src[marker.upperBound...].drop { $0 == "," || $0.isWhitespace }
                    if payload.utf16.count + 1 < 133 { element.removeAttribute("src") }
                }
            }
            let src = element.attribute("src") ?? ""
            let srcset = element.attribute("srcset") ?? ""
            if (!src.isEmpty || (!srcset.isEmpty && srcset != "null")),
               !(element.attribute("class") ?? "").lowercasedContains("lazy"), !isPlaceholder(src) { continue }
            for (name, value) in element.attributes where name != "src" && name != "srcset" && name != "alt" {
                let target: String
                if isSrcsetLike(value) || (name == "data-srcset" && !value.isEmpty) {
                    target = "srcset"
                } else if isSingleImageURL(value) || (lazySourceAttributes.contains(name) && looksLikeAddress(value)) {
                    target = "src"
                } else {
                    continue
                }
                if element.isTag("img") || element.isTag("picture") {
                    element.setAttribute(target, value)
                } else if element.isTag("figure"), element.descendants(in: ["img", "picture"]).isEmpty {
                    let image = document.makeElement("img")
                    image.setAttribute(target, value)
                    document.append(image, to: element)
                }
            }
        }
    }

    /// A stand-in that lazy loaders put in `src` until script swaps the real picture in.
    static func isPlaceholder(_ src: String) -> Bool {
        let lower = src.lowercased()
        if lower.hasPrefix("data:image/gif") || (lower.hasPrefix("data:") && lower.utf8.count < 200) { return true }
        let name = lower.split(separator: "/").last.map(String.init) ?? lower
        return placeholderNames.contains { name.lowercasedContains($0) }
    }

    static let placeholderNames = ["blank.", "placeholder", "spacer.", "transparent.", "pixel.", "loading.", "lazy.",
                                   "grey.gif", "gray.gif", "1x1."]

    /// Attributes lazy loaders keep the real address in, which CDNs often serve without a file extension.
    static let lazySourceAttributes: Set<String> = ["data-src", "data-original", "data-lazy-src", "data-lazy", "data-url",
                                                    "data-hi-res-src", "data-full-src", "data-echo", "data-img-src"]

    static func looksLikeAddress(_ value: String) -> Bool {
        let token = value.whitespaceTrimmed
        guard !token.isEmpty, !token.contains(where: \.isWhitespace) else { return false }
        return token.hasPrefix("http://") || token.hasPrefix("https://") || token.hasPrefix("//") || token.hasPrefix("/")
    }

    static func base64MediaType(_ src: String) -> String? {
        let lower = src.lowercased()
        guard lower.hasPrefix("data:"), let semicolon = lower.firstIndex(of: ";") else { return nil }
        let afterSemicolon = lower[lower.index(after: semicolon)...].drop(while: \.isWhitespace)
        guard afterSemicolon.hasPrefix("base64") else { return nil }
        return String(lower[lower.index(lower.startIndex, offsetBy: 5)..<semicolon]).whitespaceTrimmed
    }

    /// `a.jpg 1x, b.jpg 2x`: an image name followed by a width or density.
    static func isSrcsetLike(_ value: String) -> Bool {
        var value = value
        let found: Bool? = value.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            // An ASCII value is read as bytes: through Foundation, this test of every image attribute was
            // half a percent of an extraction.
            for ext in [".jpg", ".jpeg", ".png", ".webp"] {
                var search = 0
                while let found = String.asciiLowercasedOffset(of: ext, in: bytes, from: search) {
                    var next = found + ext.utf8.count
                    while next < bytes.count, TextMeasure.isASCIISpace(bytes[next]) { next += 1 }
                    if next > found + ext.utf8.count, next < bytes.count, bytes[next] >= 48, bytes[next] <= 57 { return true }
                    search = found + ext.utf8.count
                }
            }
            return false
        }
        return found ?? isSrcsetLikeByCharacter(value)
    }

    static func isSrcsetLikeByCharacter(_ value: String) -> Bool {
        let lower = value.lowercased()
        for ext in [".jpg", ".jpeg", ".png", ".webp"] {
            var search = lower.startIndex..<lower.endIndex
            while let found = lower.range(of: ext, range: search) {
                let rest = lower[found.upperBound...]
                let spaces = rest.prefix(while: \.isWhitespace)
                if !spaces.isEmpty, let next = rest.dropFirst(spaces.count).first, next.isNumber { return true }
                search = found.upperBound..<lower.endIndex
            }
        }
        return false
    }

    /// One token naming an image file, with nothing else around it.
    static func isSingleImageURL(_ value: String) -> Bool {
        let token = value.whitespaceTrimmed
        guard !token.isEmpty, !token.contains(where: \.isWhitespace) else { return false }
        var bytes = token
        let found: Bool? = bytes.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return [".jpg", ".jpeg", ".png", ".webp"].contains { (String.asciiLowercasedOffset(of: $0, in: bytes, from: 0) ?? 0) > 0 }
        }
        if let found { return found }
        let lower = token.lowercased()
        for ext in [".jpg", ".jpeg", ".png", ".webp"] {
            if let found = lower.range(of: ext), found.lowerBound > lower.startIndex { return true }
        }
        return false
    }
}
