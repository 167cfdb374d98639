/// The filters templates may name, by name. Filters are resolved when templates compile, so a
/// template naming an unknown filter fails to compile instead of rendering wrong.
///
/// Start from `.standard` and register the host's own (Rendering registers `slug` with its
/// Vietnamese folding); a later registration under the same name replaces the earlier one.
public struct FilterRegistry: Sendable {
    private var filters: [String: TemplateFilter] = [:]

    /// The language of month and weekday names when a `date` filter does not name one.
    /// Setting it re-registers `date` with that default (replacing a host's own `date`).
    public var dateLanguage: DateLanguage = .english {
        didSet { register("date", StandardFilters.date(defaultLanguage: dateLanguage)) }
    }

    /// An empty registry: templates using it may name no filter.
    public init() {}

    /// The filters every theme can rely on:
    ///
    /// | filter | does |
    /// | --- | --- |
    /// | `date: "PATTERN"[, "vi"\|"en"]` | formats a date in its own offset (see `DatePattern`) |
    /// | `iso8601` | `2021-11-30T22:58:00+07:00` (`Z` for UTC) |
    /// | `rfc822` | `Tue, 30 Nov 2021 22:58:00 +0700`, for RSS |
    /// | `json` | JSON text, safe inside `<script>` (`<`, `>`, `&`, U+2028, U+2029 escaped) |
    /// | `url` | percent-encodes all but `A-Z a-z 0-9 - . _ ~` |
    /// | `truncate: N[, "…"]` | at most N characters, cut at a word boundary, ending in `…` |
    /// | `slug` | lowercase ASCII words joined by `-`, accents folded (hosts may replace it) |
    /// | `upper`, `lower` | case mapping |
    /// | `default: VALUE` | VALUE when the input is missing, null, empty text or an empty list |
    /// | `count` | items of a list, characters of a text, fields of an object |
    /// | `first`, `last` | first or last item of a list (character of a text) |
    ///
    /// Text filters leave `html` values alone: cutting or re-casing markup would break it.
    public static var standard: FilterRegistry {
        var registry = FilterRegistry()
        for (name, filter) in StandardFilters.all {
            registry.register(name, filter)
        }
        registry.register("date", StandardFilters.date(defaultLanguage: registry.dateLanguage))
        return registry
    }

    /// Adds a filter, or replaces the one registered under that name.
    public mutating func register(_ name: String, _ filter: TemplateFilter) {
        filters[name] = filter
    }

    /// The filter registered under a name.
    public subscript(name: String) -> TemplateFilter? {
        filters[name]
    }
}

/// The languages the `date` filter names months and weekdays in.
public enum DateLanguage: String, Sendable {
    /// `Tuesday, November 30, 2021`
    case english = "en"
    /// `Thứ Ba, 30 tháng 11, 2021`
    case vietnamese = "vi"
}
