import Infrastructure
import Templating

/// The theme's UI strings as pages receive them (`t`): those of the site's language, and those
/// of every other language the theme has, so that a page in another language — an English
/// article in a Vietnamese site — gets labels in its own. Each set is made and hashed once.
struct UIStrings: Sendable {
    /// One language's strings and the hash of the `t` field holding them.
    struct Strings: Sendable {
        var value: TemplateValue
        var fieldHash: UInt64
    }

    /// The strings of the site's language.
    let site: Strings
    /// The strings of each language the theme has a file for.
    private let byLanguage: [String: Strings]

    init(theme: Theme, siteLanguage: String) {
        // English fills the keys another language's file lacks.
        let fallback = theme.strings["en"] ?? [:]
        func strings(_ chosen: [String: String]) -> Strings {
            let value = TemplateValue.object(fallback.merging(chosen) { _, language in language }.mapValues { .string($0) })
            return Strings(value: value, fieldHash: StableHasher.field("t", value))
        }
        byLanguage = theme.strings.mapValues(strings)
        site = Self.lookUp(siteLanguage, in: byLanguage) ?? strings([:])
    }

    private init(site: Strings, byLanguage: [String: Strings]) {
        self.site = site
        self.byLanguage = byLanguage
    }

    /// The same strings, sharing no storage with these (see `TemplateValue.unshared`).
    func unshared() -> UIStrings {
        UIStrings(site: Strings(value: site.value.unshared(), fieldHash: site.fieldHash),
                  byLanguage: byLanguage.mapValues { Strings(value: $0.value.unshared(), fieldHash: $0.fieldHash) })
    }

    /// The strings of a page in `language`; the site's when the theme has no file for it.
    func page(language: String?) -> Strings {
        language.flatMap { Self.lookUp($0, in: byLanguage) } ?? site
    }

    /// `vi-VN` takes the `vi` strings when the theme has no `vi-VN` file.
    private static func lookUp(_ language: String, in byLanguage: [String: Strings]) -> Strings? {
        byLanguage[language] ?? byLanguage[String(language.prefix { $0 != "-" && $0 != "_" })]
    }
}
