import Foundation
import Infrastructure

extension Diagnostic {
    /// The diagnostic as a GitHub Actions workflow command, which the run's page and a pull
    /// request's files show at the line: `::error file=Content/a.md,line=3,col=5,title=front-matter.syntax::message`.
    /// `file` is the path as Actions reads it, from the workspace (see `AnnotationPaths`); a line
    /// or column of 0 (unknown) is left out.
    func workflowCommand(file: String) -> String {
        var properties = "file=" + Self.escapeProperty(file)
        if line > 0 {
            properties += ",line=\(line)"
            if column > 0 { properties += ",col=\(column)" }
        }
        properties += ",title=" + Self.escapeProperty(code)
        let command = switch severity {
        case .note: "notice"
        case .warning: "warning"
        case .error: "error"
        }
        return "::\(command) \(properties)::\(Self.escapeData(message))"
    }

    /// The escapes of the Actions toolkit's `escapeData`: a message is one line, and `%` starts an escape.
    private static func escapeData(_ text: String) -> String {
        text.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }

    /// The toolkit's `escapeProperty`: also `:` and `,`, which end a property.
    private static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
