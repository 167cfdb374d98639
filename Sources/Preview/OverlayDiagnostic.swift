import Foundation
import Infrastructure

/// One problem as the error overlay shows it: where, how bad, what, and the line of the source
/// it points at, read from the file, so the author sees the mistake without opening it.
struct OverlayDiagnostic: Encodable, Equatable, Sendable {
    /// `path:line:column`, from the site folder.
    let location: String
    /// The 1-based line, 0 when the problem concerns the whole file.
    let line: Int
    /// The 1-based column, 0 when unknown: the overlay marks it under the source line.
    let column: Int
    /// `error` or `warning`.
    let severity: String
    /// What is wrong.
    let message: String
    /// The line the problem is on, when the diagnostic names one and the file can be read.
    let source: String?

    /// The diagnostics with their source lines, each file read once; `site` is where their
    /// relative paths start.
    static func read(_ diagnostics: [Diagnostic], site: URL) -> [OverlayDiagnostic] {
        var files: [String: [Substring]] = [:]
        return diagnostics.map { diagnostic in
            var source: String?
            if diagnostic.line > 0 {
                let path = diagnostic.path.hasPrefix("/") ? diagnostic.path : site.appendingPathComponent(diagnostic.path).path
                if files[path] == nil {
                    // `\r\n` is one Character, and a line break like `\n`.
                    files[path] = FileManager.default.contents(atPath: path).map {
                        String(decoding: $0, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
                    } ?? []
                }
                if let lines = files[path], diagnostic.line <= lines.count {
                    source = String(lines[diagnostic.line - 1])
                }
            }
            return OverlayDiagnostic(location: diagnostic.location, line: diagnostic.line, column: diagnostic.column,
                                     severity: diagnostic.severity.rawValue, message: diagnostic.message, source: source)
        }
    }
}
