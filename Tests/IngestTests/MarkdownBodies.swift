import Ingest

extension MarkdownReader {
    /// Reads `body` as `path` under a front matter of a title, a date and `extra` lines.
    func read(body: String, path: String = "bai.md", extra: String = "") -> SourceDocument {
        read(Array(("---\ntitle: t\ndate: 2021-11-30\n\(extra)---\n" + body).utf8), path: path)
    }
}

extension SourceDocument {
    /// The diagnostics of one code, each as `line:column message`.
    func messages(_ code: String) -> [String] {
        diagnostics.filter { $0.code == code }.map { "\($0.line):\($0.column) \($0.message)" }
    }
}
