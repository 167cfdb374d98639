import ContentGraph
import Foundation
import Infrastructure
import Templating
import Yams

/// A theme as files: templates by name, static assets, and UI strings per language. Loaded
/// from a site's `Templates/` folder, or the default theme built into the binary.
public struct Theme: Sendable {
    /// Template sources by name (path without `.mustache`, e.g. `partials/header`).
    public var templates: [String: String]
    /// Files copied to `assets/` in the output, by path below `assets/`.
    public var assets: [String: [UInt8]]
    /// UI strings by language, then key.
    public var strings: [String: [String: String]]

    /// Makes a theme from its files: paths relative to the theme folder and their bytes.
    public init(files: [String: [UInt8]]) throws(ThemeError) {
        var templates: [String: String] = [:]
        var assets: [String: [UInt8]] = [:]
        var strings: [String: [String: String]] = [:]
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
            if path.hasPrefix("assets/") {
                assets[String(path.dropFirst("assets/".count))] = bytes
            } else if path.hasSuffix(".mustache") {
                guard let source = String(validating: bytes, as: UTF8.self) else {
                    throw ThemeError(path: path, message: "template is not valid UTF-8")
                }
                templates[String(path.dropLast(".mustache".count))] = source
            } else if path.hasPrefix("i18n/"), path.hasSuffix(".yml") || path.hasSuffix(".yaml") {
                let language = String(path.dropFirst("i18n/".count).prefix { $0 != "." })
                strings[language] = try Self.readStrings(bytes, path: path)
            }
        }
        self.templates = templates
        self.assets = assets
        self.strings = strings
    }

    /// A hash of every file of the theme: pages are rendered again when it changes.
    public var fingerprint: UInt64 {
        var hasher = StableHasher()
        for (name, source) in templates.sorted(by: { $0.key < $1.key }) { hasher.combine(name); hasher.combine(source) }
        for (path, bytes) in assets.sorted(by: { $0.key < $1.key }) { hasher.combine(path); hasher.combine(bytes) }
        for (language, strings) in strings.sorted(by: { $0.key < $1.key }) {
            hasher.combine(language)
            for (key, text) in strings.sorted(by: { $0.key < $1.key }) { hasher.combine(key); hasher.combine(text) }
        }
        return hasher.value
    }

    /// The theme built into the binary (the repository's `Templates/`), so that a folder with
    /// only `Content/` builds.
    public static func builtIn() throws(ThemeError) -> Theme {
        try Theme(files: DefaultThemeFiles.files.mapValues { Array($0.utf8) })
    }

    /// The theme's templates compiled, with the host's filters: `slug`, and dates in the site's
    /// language.
    public func templateLibrary(language: String) throws(TemplateError) -> TemplateLibrary {
        var filters = FilterRegistry.standard
        if language.hasPrefix("vi") { filters.dateLanguage = .vietnamese }
        filters.register("slug", TemplateFilter { value, _ in
            guard case .string(let text) = value else { return value }
            return .string(Slug.fold(text))
        })
        return try TemplateLibrary(sources: templates, filters: filters)
    }

    private static func readStrings(_ bytes: [UInt8], path: String) throws(ThemeError) -> [String: String] {
        do {
            // Read as text: Yams' default resolver would compile seven regular expressions for nothing.
            guard let node = try Yams.compose(yaml: String(decoding: bytes, as: UTF8.self), .basic) else { return [:] }
            guard let mapping = node.mapping else { throw ThemeError(path: path, message: "UI strings must be a mapping of key: text") }
            var strings: [String: String] = [:]
            for (key, value) in mapping {
                if let key = key.string, let text = value.string { strings[key] = text }
            }
            return strings
        } catch let error as ThemeError {
            throw error
        } catch let error as YamlError {
            if case .scanner(_, let problem, let mark, _) = error {
                throw ThemeError(path: path, line: mark.line, column: mark.column, message: problem)
            }
            if case .parser(_, let problem, let mark, _) = error {
                throw ThemeError(path: path, line: mark.line, column: mark.column, message: problem)
            }
            throw ThemeError(path: path, message: "\(error)")
        } catch {
            throw ThemeError(path: path, message: "\(error)")
        }
    }
}

/// A theme that cannot be used: one of its files, and where in it when known.
public struct ThemeError: Error, Sendable, CustomStringConvertible {
    /// The file, relative to the theme folder.
    public var path: String
    /// 1-based line, 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column, 0 when unknown.
    public var column: Int
    /// What is wrong.
    public var message: String

    /// Makes an error.
    public init(path: String, line: Int = 0, column: Int = 0, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// The error as the build reports it, from the site folder.
    public var diagnostic: Diagnostic {
        Diagnostic(path: path, line: line, column: column, severity: .error, code: "theme.invalid", message: message)
    }

    /// `path:line:column: error: message`.
    public var description: String { diagnostic.description }
}
