import CLibXML2
import Foundation

/// A CSS selector translated to XPath, for site rules: type, `*`, `.class`, `#id`, `[attr]`,
/// `[attr=v]`, `[attr~=v]`, `[attr^=v]`, `[attr$=v]`, `[attr*=v]`, descendant (` `) and child (`>`)
/// combinators, and `,` lists. Anything else makes the selector invalid rather than silently wrong.
struct CSSSelector {
    /// The XPath expression.
    let xpath: String

    init?(_ css: String) {
        var alternatives: [String] = []
        for group in css.split(separator: ",") {
            guard let path = Self.translate(String(group)) else { return nil }
            alternatives.append(path)
        }
        guard !alternatives.isEmpty else { return nil }
        xpath = alternatives.joined(separator: " | ")
    }

    static func translate(_ group: String) -> String? {
        var path = ""
        var axis = "//"
        var scanner = Substring(group.whitespaceTrimmed)
        guard !scanner.isEmpty else { return nil }
        while !scanner.isEmpty {
            if scanner.first == ">" {
                axis = "/"
                scanner = scanner.dropFirst().drop(while: \.isWhitespace)
                continue
            }
            var tag = "*"
            var conditions: [String] = []
            while let character = scanner.first, !character.isWhitespace, character != ">" {
                if character == "." || character == "#" {
                    scanner = scanner.dropFirst()
                    let name = identifier(&scanner)
                    guard !name.isEmpty else { return nil }
                    conditions.append(character == "." ? "contains(concat(' ', normalize-space(@class), ' '), ' \(name) ')"
                                                      : "@id='\(name)'")
                } else if character == "[" {
                    guard let close = scanner.firstIndex(of: "]") else { return nil }
                    let inside = scanner[scanner.index(after: scanner.startIndex)..<close]
                    scanner = scanner[scanner.index(after: close)...]
                    guard let condition = attributeCondition(String(inside)) else { return nil }
                    conditions.append(condition)
                } else if character == "*" {
                    scanner = scanner.dropFirst()
                } else {
                    let name = identifier(&scanner)
                    guard !name.isEmpty else { return nil }
                    tag = name.lowercased()
                }
            }
            path += axis + tag + conditions.map { "[\($0)]" }.joined()
            axis = "//"
            scanner = scanner.drop(while: \.isWhitespace)
        }
        return path
    }

    static func identifier(_ scanner: inout Substring) -> String {
        let name = scanner.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        scanner = scanner.dropFirst(name.count)
        return String(name)
    }

    static func attributeCondition(_ text: String) -> String? {
        for op in ["~=", "^=", "$=", "*=", "="] {
            guard let range = text.range(of: op) else { continue }
            let name = String(text[..<range.lowerBound]).whitespaceTrimmed
            var value = String(text[range.upperBound...]).whitespaceTrimmed
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            guard isAttributeName(name), !value.contains("'") else { return nil }
            switch op {
            case "~=": return "contains(concat(' ', normalize-space(@\(name)), ' '), ' \(value) ')"
            case "^=": return "starts-with(@\(name), '\(value)')"
            case "$=": return "substring(@\(name), string-length(@\(name)) - \(value.count - 1)) = '\(value)'"
            case "*=": return "contains(@\(name), '\(value)')"
            default: return "@\(name)='\(value)'"
            }
        }
        let name = text.whitespaceTrimmed
        return isAttributeName(name) ? "@\(name)" : nil
    }

    /// Only plain names reach the XPath text, so a rule cannot smuggle an expression in.
    static func isAttributeName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }

    /// The elements of `document` that match, in document order.
    func select(in document: HTMLDocument) -> [DOMNode] {
        guard let context = xmlXPathNewContext(document.pointer) else { return [] }
        defer { xmlXPathFreeContext(context) }
        guard let result = xmlXPathEvalExpression(xpath, context) else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard let set = result.pointee.nodesetval, set.pointee.nodeNr > 0 else { return [] }
        return (0..<Int(set.pointee.nodeNr)).compactMap { set.pointee.nodeTab[$0] }.filter(\.isElement)
    }
}
