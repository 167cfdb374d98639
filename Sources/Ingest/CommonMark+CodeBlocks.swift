import CCmarkGFM
import Foundation

extension CommonMark {
    /// Replaces each fenced block of a language `SyntaxHighlighter` knows with the same
    /// `<pre><code class="language-x">` cmark would write, its text highlighted. The block becomes
    /// an HTML node of the tree, so the rest of the body renders as before; a block of another
    /// language, or none, is left to cmark. Called after the tree is walked (the walk counts the
    /// code's words) and before it is rendered.
    static func highlightCodeBlocks(_ blocks: [OpaquePointer]) {
        for block in blocks {
            guard let info = cmark_node_get_fence_info(block), let literal = cmark_node_get_literal(block) else { continue }
            let infoBytes = UnsafeBufferPointer(start: UnsafeRawPointer(info).assumingMemoryBound(to: UInt8.self), count: strlen(info))
            // The language is the info string's first word, as cmark takes it for the class.
            let word = UnsafeBufferPointer(rebasing: infoBytes.prefix { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") })
            guard !word.isEmpty, let table = HighlightLanguage.named(String(decoding: word, as: UTF8.self)) else { continue }
            let code = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
            var html: [UInt8] = Array(#"<pre><code class="language-"#.utf8)
            Sanitizer.Writer.appendEscaped(word, quotes: true, to: &html)
            html += Array(#"">"#.utf8)
            html += SyntaxHighlighter.highlight(code, table: table)
            html += Array("</code></pre>\n".utf8)
            html.append(0)
            guard let node = cmark_node_new(CMARK_NODE_HTML_BLOCK) else { continue }
            let set = html.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { cmark_node_set_literal(node, $0.baseAddress) }
            }
            guard set != 0, cmark_node_replace(block, node) != 0 else {
                cmark_node_free(node)
                continue
            }
            cmark_node_free(block)
        }
    }
}
