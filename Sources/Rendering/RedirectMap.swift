/// The redirect maps of a mirror, for hosts that can use one: a page whose old address had a query
/// (`/article.php?id=3`) lives at a file of its own (`/article.php@id=3.html`), and a static host
/// serves the old address only through such a map.
public enum RedirectMap {
    /// `_redirects` in the Netlify format (query parameters matched as `name=value` after the
    /// path) and `redirects.nginx.conf`, an nginx `map` of `$request_uri`; none when there is
    /// nothing to redirect.
    public static func pages(_ redirects: [(from: String, to: String)]) -> [Page] {
        guard !redirects.isEmpty else { return [] }
        let (netlifyBytes, nginxBytes) = (Array(netlify(redirects).utf8), Array(nginx(redirects).utf8))
        return [Page(file: "_redirects", kind: .machine, content: .bytes({ _ in netlifyBytes }), articles: []),
                Page(file: "redirects.nginx.conf", kind: .machine, content: .bytes({ _ in nginxBytes }), articles: [])]
    }

    /// The Netlify `_redirects` text: a rule a line, `path name=value … target 301`.
    static func netlify(_ redirects: [(from: String, to: String)]) -> String {
        var text = "# Old addresses with a query, to their mirrored pages (Netlify _redirects format).\n"
        for (from, to) in redirects {
            let (path, query) = split(from)
            // Every byte that is white space or a control to the host's parser is encoded: a crawled
            // query must not add a field or a rule to the file.
            let parameters = query.split(separator: "&").map { escaped(String($0)) }.joined(separator: " ")
            text += "\(escaped(path)) \(parameters) \(escaped(to)) 301\n"
        }
        return text
    }

    /// The nginx `map` of `$request_uri` to the mirrored page.
    static func nginx(_ redirects: [(from: String, to: String)]) -> String {
        var text = """
        # Old addresses with a query, to their mirrored pages. In nginx's http block:
        #   include redirects.nginx.conf;
        # and in the server block:
        #   if ($broadsheet_redirect) { return 301 $broadsheet_redirect; }
        map $request_uri $broadsheet_redirect {
            default "";

        """
        for (from, to) in redirects { text += "    \"\(quoted(escaped(from)))\" \"\(quoted(escaped(to)))\";\n" }
        return text + "}\n"
    }

    private static func split(_ address: String) -> (String, String) {
        guard let mark = address.firstIndex(of: "?") else { return (address, "") }
        return (String(address[..<mark]), String(address[address.index(after: mark)...]))
    }

    /// A path as a request line carries it: bytes outside ASCII, spaces, controls, quotes and
    /// backslashes percent-encoded.
    private static func escaped(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            if byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded
            }
        }
        return result
    }

    /// nginx treats `$` in a quoted value as a variable.
    private static func quoted(_ text: String) -> String {
        text.replacing("$", with: "%24")
    }
}

private extension String {
    var leftPadded: String { count == 1 ? "0" + self : self }
}
