import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How text meant for a person is written: coloured only on a terminal, and never when `NO_COLOR`
/// is set, whatever its value (https://no-color.org), so that piped and logged output holds no
/// escape codes. The one place that rule lives: the report, the log and the progress line share it.
struct TextStyle: Sendable {
    /// Whether escape codes for colour and weight are written.
    let colours: Bool

    /// The style of standard error, where diagnostics, logs and the progress line go.
    static func standardError(environment: [String: String] = ProcessInfo.processInfo.environment) -> TextStyle {
        TextStyle(colours: standardErrorIsTerminal && environment["NO_COLOR"] == nil)
    }

    /// Whether standard error is a terminal: a person watching, rather than a pipe or a file.
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// `location: label: message` (or `label: message`), as compilers print a problem: with the
    /// location bold and the label bold red for an error, yellow for a warning, when colours are on.
    func labelled(_ label: String, isError: Bool, location: String?, message: String) -> String {
        guard colours else { return (location.map { $0 + ": " } ?? "") + "\(label): \(message)" }
        let place = location.map { "\u{1B}[1m\($0):\u{1B}[0m " } ?? ""
        return place + "\u{1B}[1;\(isError ? "31" : "33")m\(label):\u{1B}[0m \(message)"
    }
}
