/// The redirect maps of a mirror, for hosts that can use one: a page whose old address had a query
/// (`/article.php?id=3`) lives at a file of its own (`/article.php@id=3.html`), and a static host
/// serves the old address only through such a map.
public enum RedirectMap {
    /// `_redirects` in the Netlify format (query parameters matched as `name=value` after the
    /// path) and `redirects.nginx.conf`, an nginx `map` of `$request_uri`; none when there is
    /// nothing to redirect.
    public static func pages(_ redirects: [(from: String, to: String)]) -> [Page] {
        guard !redirects.isEmpty else { return [] }
        var netlify = "# Old addresses with a query, to their mirrored pages (Netlify _redirects format).\n"
        var nginx = """
        # Old addresses with a query, to their mirrored pages. In nginx's http block:
        #   include redirects.nginx.conf;
        # and in the server block:
        #   if ($broadsheet_redirect) { return 301 $broadsheet_redirect; }
        map $request_uri $broadsheet_redirect {
            default "";

        """
        for (from, to) in redirects {
            let (path, query) = split(from)
            let parameters = query.split(separator: "&").map { $0.replacing(" ", with: "%20") }.joined(separator: " ")
            netlify += "\(escaped(path)) \(parameters) \(escaped(to)) 301\n"
            nginx += "    \"\(quoted(escaped(from)))\" \"\(quoted(escaped(to)))\";\n"
        }
        nginx += "}\n"
        let (netlifyBytes, nginxBytes) = (Array(netlify.utf8), Array(nginx.utf8))
        return [Page(file: "_redirects", kind: .machine, content: .bytes({ _ in netlifyBytes }), articles: []),
                Page(file: "redirects.nginx.conf", kind: .machine, content: .bytes({ _ in nginxBytes }), articles: [])]
    }

    private static func split(_ address: String) -> (String, String) {
        guard let mark = address.firstIndex(of: "?") else { return (address, "") }
        return (String(address[..<mark]), String(address[address.index(after: mark)...]))
    }

    /// A path as a request line carries it: bytes outside ASCII, spaces and quotes percent-encoded.
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
