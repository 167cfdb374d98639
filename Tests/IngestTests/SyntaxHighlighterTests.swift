import Foundation
@testable import Ingest
import XCTest

/// Build-time highlighting: each language's keywords, strings and comments get their class, the
/// code's text is kept byte for byte, and a language it does not know stays plain.
final class SyntaxHighlighterTests: XCTestCase {
    private func highlighted(_ code: String, _ language: String) throws -> String {
        try XCTUnwrap(SyntaxHighlighter.highlight(code, language: language), "\(language) is not known")
    }

    /// Asserts that `code` in `language` has `keyword`, `string` and `comment` in their classes.
    private func assertTokens(_ language: String, _ code: String, keyword: String, string: String, comment: String,
                              file: StaticString = #filePath, line: UInt = #line) throws {
        let html = try highlighted(code, language)
        for (token, text) in [("k", keyword), ("s", string), ("c", comment)] {
            XCTAssertTrue(html.contains("<span class=\"hl-\(token)\">\(escaped(text))</span>"),
                          "\(language): no hl-\(token) around \(text) in \(html)", file: file, line: line)
        }
    }

    private func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The text of highlighted HTML: tags removed, the four entities decoded.
    private func text(of html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" && inTag { inTag = false } else if !inTag { text.append(character) }
        }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    func testSwift() throws {
        try assertTokens("swift", "// Tổng\nlet name = \"Hà Nội\"\n/* a /* nested */ one */", keyword: "let", string: "\"Hà Nội\"",
                         comment: "// Tổng")
        XCTAssertTrue(try highlighted("/* a /* b */ c */ let", "swift").contains("<span class=\"hl-c\">/* a /* b */ c */</span>"))
    }

    func testRuby() throws {
        try assertTokens("rb", "def greet # say hi\n  puts 'xin chào'\nend", keyword: "def", string: "'xin chào'", comment: "# say hi")
    }

    func testPython() throws {
        try assertTokens("py", "def f():\n    return \"\"\"doc\n\"\"\"  # done", keyword: "def", string: "\"\"\"doc\n\"\"\"", comment: "# done")
    }

    func testJavaScriptAndTypeScript() throws {
        try assertTokens("js", "const a = `x\ny`; // end", keyword: "const", string: "`x\ny`", comment: "// end")
        try assertTokens("ts", "interface A { b: string } /* t */ let s = 'q'", keyword: "interface", string: "'q'", comment: "/* t */")
    }

    func testGo() throws {
        try assertTokens("golang", "func main() { s := `raw \\` // not a comment\n}", keyword: "func", string: "`raw \\`",
                         comment: "// not a comment")
    }

    func testRust() throws {
        try assertTokens("rs", "fn f<'a>(s: &'a str) -> String { \"x\".into() } // r", keyword: "fn", string: "\"x\"", comment: "// r")
    }

    func testCAndCpp() throws {
        try assertTokens("c", "#include <stdio.h>\nint main() { puts(\"hi\"); /* c */ }", keyword: "#include", string: "\"hi\"",
                         comment: "/* c */")
        try assertTokens("cpp", "class A { public: auto s = \"x\"; }; // c", keyword: "class", string: "\"x\"", comment: "// c")
    }

    func testShell() throws {
        try assertTokens("bash", "#!/bin/sh\nif [ $# -gt 0 ]; then echo \"$1\"; fi", keyword: "if", string: "\"$1\"", comment: "#!/bin/sh")
        // `$#` is a variable, not a comment.
        XCTAssertFalse(try highlighted("echo $# x", "sh").contains("hl-c"))
    }

    func testHTMLAndXML() throws {
        let html = try highlighted("<!-- c --><a href=\"/x\" hidden>T &amp; U</a>", "html")
        XCTAssertTrue(html.contains("<span class=\"hl-c\">&lt;!-- c --&gt;</span>"), html)
        XCTAssertTrue(html.contains("&lt;<span class=\"hl-t\">a</span> <span class=\"hl-a\">href</span>=<span class=\"hl-s\">&quot;/x&quot;</span>"), html)
        XCTAssertTrue(html.contains("<span class=\"hl-n\">&amp;amp;</span>"), html)
        let xml = try highlighted("<?xml version=\"1.0\"?>\n<feed xmlns='a'/>", "xml")
        XCTAssertTrue(xml.contains("<span class=\"hl-m\">&lt;?xml version=&quot;1.0&quot;?&gt;</span>"), xml)
        XCTAssertTrue(xml.contains("<span class=\"hl-t\">feed</span>"), xml)
    }

    func testCSS() throws {
        try assertTokens("css", "@media print { a:hover { content: \"x\"; } } /* c */", keyword: "@media", string: "\"x\"", comment: "/* c */")
        let css = try highlighted("a:hover { color: red; }", "css")
        XCTAssertTrue(css.contains("<span class=\"hl-a\">color</span>"), css)
        XCTAssertFalse(css.contains("<span class=\"hl-a\">a</span>"), css)
    }

    func testJSON() throws {
        let json = try highlighted("{\"a\": \"b\", \"n\": -1.5e3, \"t\": true}", "json")
        XCTAssertTrue(json.contains("<span class=\"hl-a\">&quot;a&quot;</span>"), json)
        XCTAssertTrue(json.contains("<span class=\"hl-s\">&quot;b&quot;</span>"), json)
        XCTAssertTrue(json.contains("<span class=\"hl-n\">1.5e3</span>"), json)
        XCTAssertTrue(json.contains("<span class=\"hl-k\">true</span>"), json)
    }

    func testYAML() throws {
        try assertTokens("yml", "draft: false # not yet\ntitle: \"Tin #1\"", keyword: "false", string: "\"Tin #1\"", comment: "# not yet")
        XCTAssertTrue(try highlighted("title: x", "yaml").contains("<span class=\"hl-a\">title</span>"))
    }

    func testSQL() throws {
        try assertTokens("sql", "SELECT * FROM t WHERE a = 'x' -- c", keyword: "SELECT", string: "'x'", comment: "-- c")
        XCTAssertTrue(try highlighted("select 1", "SQL").contains("<span class=\"hl-k\">select</span>"))
    }

    func testDiff() throws {
        let diff = try highlighted("--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n+new\n same", "patch")
        XCTAssertEqual(diff, "<span class=\"hl-m\">--- a/x</span>\n<span class=\"hl-m\">+++ b/x</span>\n"
                       + "<span class=\"hl-m\">@@ -1 +1 @@</span>\n<span class=\"hl-d\">-old</span>\n<span class=\"hl-i\">+new</span>\n same")
    }

    func testAnUnknownLanguageIsNotHighlighted() {
        XCTAssertNil(SyntaxHighlighter.highlight("x", language: "brainfuck"))
    }

    func testTheTextIsKeptByteForByte() throws {
        let samples: [(String, String)] = [
            ("swift", "let s = \"a\\\"b\" // <&>\n/* open"), ("html", "<a b='c\"d' e=f>&lt;x & y</a><!-- open"),
            ("xml", "<![CDATA[ <x> ]]><y z=\"1\"/>< notatag <"), ("py", "s = 'unclosed\nx = \"\"\"open"),
            ("sh", "echo 'it''s' \"$x\" # c & <d>"), ("json", "{\"k\\\"\": [1, 2e-3, null]}"), ("css", "a{b:url(\"x\")} @media{"),
            ("diff", "+a\n-b\n\n@@"), ("sql", "select 'a''b' /* c"), ("c", "x = 1.5f + 0x1F; // ü"),
            ("js", "a = `x${y}` + \"\\\\\"; /* ñ"), ("yaml", "- k: 'v' # c\n  n: 1.0"), ("rust", "let r = \"\\u{1F600}\"; 'a'"),
        ]
        for (language, code) in samples {
            XCTAssertEqual(text(of: try highlighted(code, language)), code, language)
        }
    }

    func testAMegabyteIsReadInLinearTime() throws {
        let unit = "func f() { let s = \"a\\\"b\"; /* c */ return 0x1F } // d\n<a href='x'>&amp; <!-- c -->\n"
        let code = String(repeating: unit, count: 1_000_000 / unit.utf8.count) + "/* \" ' ` <!-- <![CDATA["
        for language in ["swift", "html", "py", "diff", "css"] {
            let start = Date()
            let html = try highlighted(code, language)
            XCTAssertGreaterThan(html.utf8.count, code.utf8.count)
            // Quadratic would take hours; a debug build on a loaded machine, seconds at most.
            XCTAssertLessThan(Date().timeIntervalSince(start), 15, language)
        }
    }

    func testFencedCodeIsHighlightedInTheArticle() {
        let document = MarkdownReader(timeZone: TimeZone(identifier: "UTC")!)
            .read(Array("---\ntitle: t\ndate: 2021-11-30\n---\n```python {linenos=true}\nprint('x')\n```\n\n```nope\nprint('x')\n```\n".utf8),
                  path: "a.md")
        XCTAssertTrue(document.bodyHTML.contains("<pre><code class=\"language-python\"><span class=\"hl-k\">print</span>"
                                                 + "(<span class=\"hl-s\">'x'</span>)\n</code></pre>"), document.bodyHTML)
        XCTAssertTrue(document.bodyHTML.contains("<pre><code class=\"language-nope\">print('x')\n</code></pre>"), document.bodyHTML)
    }

    func testTheSanitizerKeepsTheHighlightingOfABodyWithRawHTML() {
        let document = MarkdownReader(timeZone: TimeZone(identifier: "UTC")!)
            .read(Array("---\ntitle: t\ndate: 2021-11-30\n---\n<div onclick=\"x()\">raw</div>\n\n```js\nlet a = '<b>'\n```\n".utf8), path: "a.md")
        XCTAssertFalse(document.bodyHTML.contains("onclick"), document.bodyHTML)
        XCTAssertTrue(document.bodyHTML.contains("<span class=\"hl-k\">let</span> a = <span class=\"hl-s\">'&lt;b&gt;'</span>"), document.bodyHTML)
    }
}
