import CLibXML2

extension Sanitizer {
    /// The single walk that writes HTML and text together.
    struct Writer {
        let sanitizer: Sanitizer
        var output = Output()
        var textBuffer = ""

        init(sanitizer: Sanitizer) { self.sanitizer = sanitizer }

        mutating func write(_ node: DOMNode, inPre: Bool) {
            if node.isText {
                let text = node.textContent
                output.html += Self.escape(text, quotes: false)
                textBuffer += inPre ? text : Self.foldSpaces(text)
                return
            }
            guard node.isElement else { return }
            let tag = node.tag
            if Sanitizer.droppedWithContent.contains(tag) { return }
            let isBlock = Sanitizer.block.contains(tag)
            if isBlock { textBuffer += "\n" }
            defer { if isBlock { textBuffer += "\n" } }
            guard Sanitizer.allowed.contains(tag) else {
                writeChildren(node, inPre: inPre)
                return
            }
            guard let attributes = safeAttributes(node, tag: tag) else {
                if tag == "a" { writeChildren(node, inPre: inPre) }
                return
            }
            output.html += "<" + tag
            for (name, value) in attributes { output.html += " \(name)=\"\(Self.escape(value, quotes: true))\"" }
            output.html += ">"
            if tag == "img", let src = attributes.first(where: { $0.0 == "src" })?.1 { output.images.append(src) }
            if tag == "a", let href = attributes.first(where: { $0.0 == "href" })?.1 { output.links.append(href) }
            if Sanitizer.void.contains(tag) { return }
            writeChildren(node, inPre: inPre || tag == "pre")
            output.html += "</\(tag)>"
        }

        mutating func writeChildren(_ node: DOMNode, inPre: Bool) {
            var child = node.firstChild
            while let current = child {
                write(current, inPre: inPre)
                child = current.nextSibling
            }
        }

        /// The attributes to keep, or nil when the element itself must go (an image without a safe source,
        /// a frame that is not a known video player, a link whose target is unsafe).
        func safeAttributes(_ node: DOMNode, tag: String) -> [(String, String)]? {
            let allowedHere = Sanitizer.attributes[tag] ?? []
            var kept: [(String, String)] = []
            for (rawName, value) in node.attributes {
                let name = rawName.lowercased()
                guard Sanitizer.globalAttributes.contains(name) || allowedHere.contains(name) else { continue }
                if Sanitizer.urlAttributes.contains(name) {
                    guard let safe = sanitizer.safeURL(value, forImage: tag == "img" || tag == "source") else {
                        if tag == "a" && name == "href" { return nil }
                        continue
                    }
                    kept.append((name, safe))
                } else if name == "srcset" {
                    if let safe = sanitizer.safeSrcset(value) { kept.append((name, safe)) }
                } else {
                    kept.append((name, value))
                }
            }
            switch tag {
            case "img" where !kept.contains { $0.0 == "src" }:
                guard let srcset = kept.first(where: { $0.0 == "srcset" })?.1,
                      let first = srcset.split(separator: ",").first?.split(whereSeparator: \.isWhitespace).first
                else { return nil }
                kept.insert(("src", String(first)), at: 0)
            case "iframe":
                guard let src = kept.first(where: { $0.0 == "src" })?.1, BodyPass.isAllowedVideo(src) else { return nil }
            default: break
            }
            return kept
        }

        static func escape(_ text: String, quotes: Bool) -> String {
            guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || (quotes && $0 == "\"") }) else { return text }
            var result = ""
            result.reserveCapacity(text.utf8.count + 16)
            for character in text {
                switch character {
                case "&": result += "&amp;"
                case "<": result += "&lt;"
                case ">": result += "&gt;"
                case "\"" where quotes: result += "&quot;"
                default: result.append(character)
                }
            }
            return result
        }

        /// Runs of white space become one space, as a browser renders them outside `<pre>`.
        static func foldSpaces(_ text: String) -> String {
            var result = String.UnicodeScalarView()
            var lastWasSpace = false
            for scalar in text.unicodeScalars {
                if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0C}" {
                    if !lastWasSpace { result.append(" ") }
                    lastWasSpace = true
                } else {
                    result.append(scalar)
                    lastWasSpace = false
                }
            }
            return String(result)
        }
    }
}
