import ArgumentParser

/// How `build` and `check` report what they found. The diagnostics are the same in every format.
enum DiagnosticFormat: String, CaseIterable, ExpressibleByArgument {
    /// `path:line:column: severity: message` lines on standard error, for a person at a terminal.
    case text
    /// One JSON document on standard output, for tools (see docs/report.md).
    case json
    /// GitHub Actions workflow commands on standard output, which annotate the files of a pull request.
    case github
}

/// The `--format` option of the commands that report diagnostics.
struct ReportOptions: ParsableArguments {
    @Option(help: ArgumentHelp("How to report problems: text on standard error, one JSON document on standard output, "
                               + "or GitHub Actions annotations on standard output.", valueName: "text|json|github"))
    var format: DiagnosticFormat = .text
}
