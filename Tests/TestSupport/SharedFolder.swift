import Foundation

/// The `shared/` folder beside the repository (corpora, the Mustache spec, the seed article),
/// which is not part of a clone: tests that read it skip when it is absent.
public enum SharedFolder {
    /// `$BROADSHEET_SHARED` when set, else the first `shared/` found walking up from the
    /// repository (it sits beside `shared/`); nil when there is none.
    public static var url: URL? {
        if let shared = ProcessInfo.processInfo.environment["BROADSHEET_SHARED"] {
            return URL(fileURLWithPath: shared)
        }
        var folder = Repository.root.resolvingSymlinksInPath()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("shared")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("mustache-spec").path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    /// A file or folder below `shared/`, or nil when it is not there.
    public static func url(_ relativePath: String) -> URL? {
        guard let file = url?.appendingPathComponent(relativePath),
              FileManager.default.fileExists(atPath: file.path) else { return nil }
        return file
    }
}

/// The repository this test code is part of.
public enum Repository {
    /// The repository's root folder.
    public static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// A fixture site kept on disk: `Tests/Fixtures/<name>`.
    public static func fixture(_ name: String) -> URL {
        root.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name)
    }
}
