/// A function a template can pipe a value through: `{{ value | name: argument, … }}`.
///
/// Filters are plain values so a registry can be copied and extended per site; they must not
/// fail: given a value they cannot handle, they return it unchanged (or `.null`), and the page
/// still renders.
public struct TemplateFilter: Sendable {
    /// How many arguments the filter accepts; a template passing another count does not compile.
    public let arguments: ClosedRange<Int>
    /// True for filters that replace a missing value (`default`): a missing name piped through
    /// one is not reported as missing.
    public let suppliesDefault: Bool
    private let body: @Sendable (TemplateValue, [TemplateValue]) -> TemplateValue

    /// Makes a filter from a function of the input value and the arguments, which are literals
    /// from the template or values of names looked up when the tag renders.
    public init(
        arguments: ClosedRange<Int> = 0...0, suppliesDefault: Bool = false,
        _ body: @escaping @Sendable (_ value: TemplateValue, _ arguments: [TemplateValue]) -> TemplateValue
    ) {
        self.arguments = arguments
        self.suppliesDefault = suppliesDefault
        self.body = body
    }

    /// Runs the filter.
    public func apply(to value: TemplateValue, arguments: [TemplateValue]) -> TemplateValue {
        body(value, arguments)
    }
}
