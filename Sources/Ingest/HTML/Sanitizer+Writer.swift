import CLibXML2
import Foundation
import Infrastructure

extension Sanitizer {
    /// The single walk that writes HTML and text together.
    ///
    /// Both are written as UTF-8 bytes straight from the page's text (every character escaped or folded
    /// is ASCII): a String per text node, escaped and folded through Characters, cost a tenth of an
    /// extraction.
    struct Writer {
        let sanitizer: Sanitizer
        var output = Output()
        var html: [UInt8] = []
        var textBuffer: [UInt8] = []
        /// How many links the walk is inside.
        var linkDepth = 0

        init(sanitizer: Sanitizer) { self.sanitizer = sanitizer }

        mutating func write(_ node: DOMNode, inPre: Bool) {
            if node.isText {
                guard let content = node.pointee.content else { return }
                let text = UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content)
                    .assumingMemoryBound(to: CChar.self)))
                Self.appendEscaped(text, quotes: false, to: &html)
                // Most bodies have no credit to leave out of the text: no look-up for them.
                let written = sanitizer.textCuts.isEmpty ? text
                    : sanitizer.textCuts[node].map { UnsafeBufferPointer(rebasing: text[..<$0]) } ?? text
                output.textBytes += written.count
                if linkDepth > 0 { output.linkTextBytes += written.count }
                if inPre { textBuffer.append(contentsOf: written) } else { Self.appendFolded(written, to: &textBuffer) }
                return
            }
            guard node.isElement else { return }
            if sanitizer.keepsMarkdownMarkup, node.tag == "input" {
                // A task list's checkbox, and nothing else a form could be made of.
                guard node.attribute("type")?.lowercased() == "checkbox" else { return }
                html.append(contentsOf: "<input type=\"checkbox\"".utf8)
                if node.hasAttribute("checked") { html.append(contentsOf: " checked=\"\"".utf8) }
                html.append(contentsOf: " disabled=\"\" />".utf8)
                return
            }
            if Sanitizer.droppedWithContent.contains(node) { return }
            let isBlock = Sanitizer.block.contains(node)
            if isBlock { textBuffer.append(0x0A) }
            defer { if isBlock { textBuffer.append(0x0A) } }
            guard Sanitizer.allowed.contains(node) else {
                writeChildren(node, inPre: inPre)
                return
            }
            let tag = node.tag
            guard let attributes = safeAttributes(node, tag: tag) else {
                if tag == "a" { writeChildren(node, inPre: inPre) }
                return
            }
            html.append(UInt8(ascii: "<"))
            html.append(contentsOf: tag.utf8)
            for (name, value) in attributes {
                html.append(UInt8(ascii: " "))
                html.append(contentsOf: name.utf8)
                html.append(contentsOf: "=\"".utf8)
                var value = value
                value.withUTF8 { Self.appendEscaped($0, quotes: true, to: &html) }
                html.append(UInt8(ascii: "\""))
            }
            html.append(UInt8(ascii: ">"))
            if tag == "img", let src = attributes.first(where: { $0.0 == "src" })?.1 { output.images.append(src) }
            if tag == "a", let href = attributes.first(where: { $0.0 == "href" })?.1 { output.links.append(href) }
            if Sanitizer.void.contains(node) { return }
            if tag == "a" { linkDepth += 1 }
            writeChildren(node, inPre: inPre || tag == "pre")
            if tag == "a" { linkDepth -= 1 }
            html.append(contentsOf: "</".utf8)
            html.append(contentsOf: tag.utf8)
            html.append(UInt8(ascii: ">"))
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
            // Names are checked before values are read: most attributes of a scraped page (classes, ids,
            // data-*, styles) are dropped, and reading every value was most of this function's cost.
            var attribute = node.pointee.properties
            while let current = attribute {
                attribute = current.pointee.next
                let name = String(cString: current.pointee.name).lowercased()
                guard Sanitizer.globalAttributes.contains(name) || allowedHere.contains(name)
                    || (sanitizer.keepsMarkdownMarkup && Sanitizer.markdownAttributes.contains(name) && name != "type") else { continue }
                let value = node.value(of: current)
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
                guard let src = kept.first(where: { $0.0 == "src" })?.1, URLPolicy.isAllowedEmbed(src) else { return nil }
            default: break
            }
            return kept
        }

        /// Appends `text` with `&`, `<`, `>` (and `"` in attribute values) escaped. The runs between those
        /// are copied whole, not appended a byte at a time.
        static func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, quotes: Bool, to buffer: inout [UInt8]) {
            var runStart = 0
            for index in 0..<text.count {
                let replacement: StaticString
                switch text[index] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\"") where quotes: replacement = "&quot;"
                default: continue
                }
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
                replacement.withUTF8Buffer { buffer.append(contentsOf: $0) }
                runStart = index + 1
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
        }

        /// Appends `text` with runs of white space folded to one space, as a browser renders them outside
        /// `<pre>`, and without soft hyphens (U+00AD, `&shy;`): a hint where a line may break, invisible
        /// otherwise, which split the words of the plain text for search and counting. The runs between
        /// are copied whole.
        static func appendFolded(_ text: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
            var runStart = 0
            var index = 0
            while index < text.count {
                if text[index] == 0xC2, index + 1 < text.count, text[index + 1] == 0xAD {
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
                    index += 2
                    runStart = index
                    continue
                }
                guard isFoldedSpace(text[index]) else {
                    index += 1
                    continue
                }
                if text[index] == 0x20, index + 1 == text.count || !isFoldedSpace(text[index + 1]) {
                    // A lone space is already folded: it stays in the run (most spaces of prose are).
                    index += 1
                    continue
                }
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
                buffer.append(0x20)
                index += 1
                while index < text.count, isFoldedSpace(text[index]) { index += 1 }
                runStart = index
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
        }

        @inline(__always)
        static func isFoldedSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
        }
    }
}
