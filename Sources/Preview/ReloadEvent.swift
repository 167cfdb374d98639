import Foundation

/// What the server tells open pages after a build: one server-sent event, whose data is JSON.
enum ReloadEvent: Equatable, Sendable {
    /// Pages whose files changed reload; every page does when `all`.
    case reload(all: Bool, paths: [String])
    /// Only stylesheets changed: pages swap them in place and keep their scroll and state.
    case stylesheets(paths: [String])
    /// The build failed (or left inputs out): pages show the problems over themselves.
    case failed([OverlayDiagnostic])
    /// A build succeeded after a failure: pages remove the overlay.
    case recovered

    /// Past this many changed files, pages are told that everything changed: a theme edit on a
    /// large site rewrites tens of thousands of files, and each open page only needs to know
    /// whether it is one of them.
    static let pathLimit = 1000

    /// The event after a good build that changed `changedFiles` (paths below the output) because
    /// `sources` changed (paths below the site folder; empty when the watcher lost count); nil
    /// when no file changed. A change to the theme's templates or to `site.yml` reloads every
    /// page, whether or not its bytes changed, as the issue asks.
    static func after(changedFiles: [String], sources: Set<String>, basePath: String) -> ReloadEvent? {
        guard !changedFiles.isEmpty else { return nil }
        let paths = changedFiles.map { basePath + $0 }
        let themeChanged = sources.contains { $0.isEmpty || $0 == "site.yml" || ($0.hasPrefix("Templates/") && !$0.hasPrefix("Templates/assets/")) }
        if !themeChanged, changedFiles.allSatisfy({ $0.hasSuffix(".css") }) { return .stylesheets(paths: paths) }
        let all = themeChanged || paths.count > pathLimit
        return .reload(all: all, paths: all ? [] : paths)
    }

    /// The event in the `text/event-stream` format.
    var message: String {
        let (name, data): (String, Data?)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        switch self {
        case .reload(let all, let paths):
            (name, data) = ("reload", try? encoder.encode(Reload(all: all, paths: paths)))
        case .stylesheets(let paths):
            (name, data) = ("stylesheets", try? encoder.encode(Reload(all: false, paths: paths)))
        case .failed(let diagnostics):
            (name, data) = ("failed", try? encoder.encode(Failure(diagnostics: diagnostics)))
        case .recovered:
            (name, data) = ("recovered", Data("{}".utf8))
        }
        // JSON holds no raw line break, so the data is one `data:` line.
        return "event: \(name)\ndata: \(data.map { String(decoding: $0, as: UTF8.self) } ?? "{}")\n\n"
    }

    private struct Reload: Encodable {
        let all: Bool
        let paths: [String]
    }

    private struct Failure: Encodable {
        let diagnostics: [OverlayDiagnostic]
    }
}
