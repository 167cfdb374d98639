/// The engine's own value tree: what a template is rendered from.
///
/// View models are built straight into this type, never through `Any` or reflection, so that
/// rendering can switch over a closed set of cases on the hot path.
public enum TemplateValue: Sendable {
    /// Nothing: falsey, renders empty.
    case null
    /// A boolean: sections render once when true, never when false.
    case bool(Bool)
    /// A whole number, rendered in decimal.
    case int(Int)
    /// A number, rendered as Swift prints it (`1.5`, `3.0`).
    case double(Double)
    /// Text: `{{name}}` escapes it, `{{{name}}}` and `{{& name}}` do not.
    case string(String)
    /// Markup that is already safe (a rendered article body): never escaped.
    case html(String)
    /// `html` as UTF-8 bytes, written out as they are: an article body read back from the build's
    /// spill file, which made a `String` would be checked byte by byte again (a fiftieth of a build).
    case htmlBytes([UInt8])
    /// An instant with the offset it is shown in; renders as ISO 8601 unless a filter formats it.
    case date(TemplateDate)
    /// A list: sections render once per item; empty lists are falsey.
    case list([TemplateValue])
    /// Named fields, looked up by dotted names.
    case object([String: TemplateValue])
    /// Code run at render time (the spec's optional lambdas).
    case lambda(TemplateLambda)
}

/// An instant and the UTC offset in which to show it (a news site shows its own zone, not UTC).
public struct TemplateDate: Sendable, Hashable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSince1970: Int64
    /// Offset from UTC, in seconds, used when the date is formatted.
    public var utcOffsetSeconds: Int

    /// Makes a date from an instant and the offset it is shown in.
    public init(secondsSince1970: Int64, utcOffsetSeconds: Int) {
        self.secondsSince1970 = secondsSince1970
        self.utcOffsetSeconds = utcOffsetSeconds
    }
}

/// A Swift closure a template can call, as the Mustache spec's lambdas.
///
/// `body` receives the raw text of the section (empty for an interpolation) and returns template
/// source, which is rendered with the current context, as the spec says: a section's result is
/// parsed with the section's delimiters, an interpolation's with the default ones (and escaped
/// by `{{name}}`). It is called again at each use; nothing is cached.
public struct TemplateLambda: Sendable {
    /// The closure: raw section text in, template source out.
    public let body: @Sendable (String) -> String

    /// Wraps a closure.
    public init(_ body: @escaping @Sendable (String) -> String) {
        self.body = body
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    /// A `.string` from a literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// A `.bool` from a literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An `.int` from a literal.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// A `.list` from a literal.
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    /// An `.object` from a literal; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    /// `.null` from `nil`.
    public init(nilLiteral: ()) { self = .null }
}
