/// Why a page could not be read at all. A page that parses but has no recognizable article is not an
/// error: it yields an `ExtractedPage` with an empty body and a warning.
public enum ExtractionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libxml2 could not make a parser context (out of memory).
    case parserUnavailable
    /// libxml2 produced no document; the message is its first complaint.
    case unparsable(String)
    /// The input was empty.
    case empty

    /// A one-line explanation for the command line.
    public var description: String {
        switch self {
        case .parserUnavailable: return "the HTML parser could not be created"
        case .unparsable(let message): return "the page could not be parsed: \(message)"
        case .empty: return "the page is empty"
        }
    }
}
