import Foundation
import Rendering

extension Report {
    /// The version of the JSON report's layout: raised when a key changes meaning or goes away
    /// (new keys may appear without it).
    static let jsonVersion = 1

    /// The report as one JSON document, keys in a fixed order: see docs/report.md, and
    /// docs/report.schema.json for its schema. A run that could not start still gives a whole
    /// document, with zero counts and the diagnostics that stopped it.
    var json: String {
        var json = JSONWriter(capacity: 512 + 160 * diagnostics.count)
        json.object { report in
            report.key("version")
            report.number(Self.jsonVersion)
            report.field("command", command)
            report.field("site", site.standardizedFileURL.path)
            report.key("output")
            if let output { report.string(output.path) } else { report.json(Array("null".utf8)) }
            report.key("summary")
            report.object { counts in
                for (name, value) in [("articles", summary?.articles ?? 0), ("pages", summary?.pages ?? 0), ("rendered", summary?.rendered ?? 0),
                                      ("written", summary?.written ?? 0), ("copied", summary?.copied ?? 0), ("errors", errors),
                                      ("warnings", warnings)] {
                    counts.key(name)
                    counts.number(value)
                }
                counts.key("seconds")
                counts.json(Self.seconds(seconds))
                counts.key("exitStatus")
                counts.number(Int(status))
            }
            if let mirror = summary?.mirror {
                report.key("mirror")
                report.object { fields in
                    for (name, value) in [("pagesRead", mirror.pagesRead), ("articles", mirror.articles)] {
                        fields.key(name)
                        fields.number(value)
                    }
                    for (name, counts) in [("skipped", mirror.skipped), ("aliases", mirror.aliases)] {
                        fields.key(name)
                        fields.object { byReason in
                            for reason in counts.keys.sorted() {
                                byReason.key(reason)
                                byReason.number(counts[reason] ?? 0)
                            }
                        }
                    }
                    for (name, value) in [("imagesCopied", mirror.imagesCopied), ("imagesShared", mirror.imagesShared),
                                          ("imagesMissing", mirror.imagesMissing), ("linksRewritten", mirror.linksRewritten),
                                          ("linksToOrigin", mirror.linksToOrigin), ("otherFiles", mirror.otherFiles),
                                          ("olderCaptures", mirror.olderCaptures)] {
                        fields.key(name)
                        fields.number(value)
                    }
                }
            }
            report.key("diagnostics")
            report.array { list in
                for diagnostic in diagnostics {
                    list.object { fields in
                        fields.field("file", diagnostic.path)
                        fields.key("line")
                        fields.number(diagnostic.line)
                        fields.key("column")
                        fields.number(diagnostic.column)
                        fields.field("severity", diagnostic.severity.rawValue)
                        fields.field("code", diagnostic.code)
                        fields.field("message", diagnostic.message)
                    }
                }
            }
            report.key("timings")
            report.array { list in
                for phase in summary?.timings.phases ?? [] {
                    list.object { fields in
                        fields.field("phase", phase.name)
                        fields.key("seconds")
                        fields.json(Self.seconds(phase.seconds))
                        fields.key("cpuSeconds")
                        fields.json(Self.seconds(phase.cpuSeconds))
                    }
                }
            }
        }
        return json.text
    }

    /// Seconds as a JSON number, to the microsecond: never an exponent, which some readers refuse.
    private static func seconds(_ value: Double) -> [UInt8] {
        Array(String(format: "%.6f", value).utf8)
    }
}
