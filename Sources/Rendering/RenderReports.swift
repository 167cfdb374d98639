import Infrastructure
import Templating

/// Template issues of every page, turned into diagnostics once per template position.
public struct RenderReports {
    let issues: [String: [TemplateIssue]]

    /// The issues of a build's pages, by page file.
    public init(issues: [String: [TemplateIssue]]) {
        self.issues = issues
    }

    /// Unknown partials and parents are errors of the theme; missing names are reported only in
    /// strict mode, since optional fields are normal in Mustache.
    public func diagnostics(strict: Bool) -> [Diagnostic] {
        var seen = Set<String>()
        var diagnostics: [Diagnostic] = []
        for (page, pageIssues) in issues.sorted(by: { $0.key < $1.key }) {
            for issue in pageIssues {
                let kind = RenderReport.Issue.Kind(rawValue: issue.kind)
                let isMissingName = kind == .missingVariable || kind == .missingSection
                if isMissingName && !strict { continue }
                guard seen.insert("\(issue.template):\(issue.line):\(issue.column):\(issue.kind):\(issue.name)").inserted else { continue }
                let message: String
                let code: String
                switch kind {
                case .missingVariable, .missingSection:
                    (code, message) = ("template.missing-name", "'\(issue.name)' is not in the context (first seen on \(page))")
                case .unknownPartial: (code, message) = ("template.unknown-partial", "unknown partial '\(issue.name)'")
                case .unknownParent: (code, message) = ("template.unknown-parent", "unknown parent '\(issue.name)'")
                case .unknownTemplate:
                    (code, message) = ("template.unknown-template", "the theme has no template '\(issue.name)' (needed for \(page))")
                case .invalidLambdaResult: (code, message) = ("template.lambda", "\(issue.kind) '\(issue.name)'")
                case .recursionLimit:
                    (code, message) = ("template.recursion-limit",
                                       "partials, parents or lambdas nested more than \(TemplateLibrary.maximumDepth) deep at '\(issue.name)'")
                case nil: (code, message) = ("template.issue", "\(issue.kind) '\(issue.name)'")
                }
                diagnostics.append(Diagnostic(
                    path: "Templates/\(issue.template).mustache", line: issue.line, column: issue.column,
                    severity: isMissingName ? .warning : .error, code: code, message: message))
            }
        }
        return diagnostics
    }
}
