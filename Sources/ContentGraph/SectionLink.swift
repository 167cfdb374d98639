import Foundation
import Infrastructure

/// A link to a section of an article (`../kinh-te/gia-xang.md#gia-dau`, or `#gia-dau` within the
/// same article) and where it is written. A fragment that names no id on the target's page opens
/// the page at its top without a word, so it is reported (`link.anchor`), as a warning: the link
/// still leads to the right article.
struct SectionLink: Sendable {
    /// The article linked to; nil for the article the link is written in.
    var target: Int?
    /// The fragment after `#`, percent-decoded: ids are compared as the browser compares them.
    var fragment: String
    /// The link as written.
    var written: String
    /// 1-based line of the link in its source file, 0 when unknown (a link in raw HTML).
    var line: Int
    /// 1-based column, 0 when unknown.
    var column: Int

    /// Whether the link lands on a page whose body has the ids `anchors` (see `HeadingAnchors`).
    func lands(in anchors: Set<String>) -> Bool {
        // An empty fragment and `top` (in any case) scroll to the top of every page: HTML's
        // "find a potential indicated element" and "scroll to the fragment".
        fragment.isEmpty || fragment.lowercased() == "top" || anchors.contains(fragment)
    }

    /// The warning for a link in the article at `path` that does not land; `targetPath` is the
    /// linked article's source path, nil for the article itself.
    func diagnostic(in path: String, targetPath: String?) -> Diagnostic {
        let page = targetPath ?? "this article"
        return Diagnostic(path: path, line: line, column: column, severity: .warning, code: "link.anchor",
                          message: "link to '\(written)' leads to no section: \(page) has no heading or id '\(fragment)'")
    }

    /// The fragment of a link target, without `#`; nil when it has none.
    static func fragment(of target: String) -> String? {
        // Found among the bytes: searching by `Character` was 3% of a build, on every link of every body.
        guard let mark = target.utf8.firstIndex(of: UInt8(ascii: "#")) else { return nil }
        let fragment = Substring(target.utf8[target.utf8.index(after: mark)...])
        return fragment.containsByte(UInt8(ascii: "%")) ? fragment.removingPercentEncoding ?? String(fragment) : String(fragment)
    }

    /// Checks links to sections of other articles, once every body is rewritten: each linked
    /// article's ids are worked out once, however many links point at it. Each warning goes to
    /// the linking article's diagnostics, and every linked article is marked, so that an edit of
    /// it is not patched in alone (see `GraphBuilder.patch`).
    static func check(_ links: [(source: Int, links: [SectionLink])], in articles: inout [Article]) -> [Diagnostic] {
        var anchors: [Int: Set<String>] = [:]
        var diagnostics: [Diagnostic] = []
        for (source, list) in links {
            for link in list {
                guard let target = link.target else { continue }
                articles[target].hasIncomingSectionLinks = true
                let ids = anchors[target] ?? HeadingAnchors.anchors(in: articles[target].body.bytes)
                anchors[target] = ids
                guard !link.lands(in: ids) else { continue }
                let diagnostic = link.diagnostic(in: articles[source].id, targetPath: articles[target].id)
                articles[source].diagnostics.append(diagnostic)
                diagnostics.append(diagnostic)
            }
        }
        return diagnostics
    }
}
