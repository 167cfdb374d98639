import Infrastructure
import Templating

extension TemplateError {
    /// The error as the build reports it: at the template's file below `folder` (the site's
    /// `Templates/`), line and column of the offending tag.
    public func diagnostic(folder: String = "Templates") -> Diagnostic {
        Diagnostic(path: "\(folder)/\(templateName).mustache", line: line, column: column, severity: .error,
                   code: "template.syntax", message: message)
    }
}
