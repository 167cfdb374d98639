import Foundation

extension Report {
    /// The version of the JSON report's layout: raised when a key changes meaning or goes away
    /// (new keys may appear without it).
    static let jsonVersion = 1

    /// The report as one JSON document, keys in a fixed order: see docs/report.md, and
    /// docs/report.schema.json for its schema. A run that could not start still gives a whole
    /// document, with zero counts and the diagnostics that stopped it.
    var json: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512 + 160 * diagnostics.count)
        func text(_ value: String) { JSONText.quote(value, into: &bytes) }
        func raw(_ value: String) { bytes.append(contentsOf: value.utf8) }
        raw("{\"version\":\(Self.jsonVersion),\"command\":")
        text(command)
        raw(",\"site\":")
        text(site.standardizedFileURL.path)
        raw(",\"output\":")
        if let output { text(output.path) } else { raw("null") }
        raw(",\"summary\":{\"articles\":\(summary?.articles ?? 0),\"pages\":\(summary?.pages ?? 0),\"rendered\":\(summary?.rendered ?? 0),"
            + "\"written\":\(summary?.written ?? 0),\"copied\":\(summary?.copied ?? 0),\"errors\":\(errors),\"warnings\":\(warnings),"
            + "\"seconds\":\(Self.seconds(seconds)),\"exitStatus\":\(status)}")
        raw(",\"diagnostics\":[")
        for (index, diagnostic) in diagnostics.enumerated() {
            raw(index == 0 ? "{\"file\":" : ",{\"file\":")
            text(diagnostic.path)
            raw(",\"line\":\(diagnostic.line),\"column\":\(diagnostic.column),\"severity\":")
            text(diagnostic.severity.rawValue)
            raw(",\"code\":")
            text(diagnostic.code)
            raw(",\"message\":")
            text(diagnostic.message)
            raw("}")
        }
        raw("],\"timings\":[")
        for (index, phase) in (summary?.timings.phases ?? []).enumerated() {
            raw(index == 0 ? "{\"phase\":" : ",{\"phase\":")
            text(phase.name)
            raw(",\"seconds\":\(Self.seconds(phase.seconds))}")
        }
        raw("]}")
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Seconds as a JSON number, to the microsecond: never an exponent, which some readers refuse.
    private static func seconds(_ value: Double) -> String {
        String(format: "%.6f", value)
    }
}
