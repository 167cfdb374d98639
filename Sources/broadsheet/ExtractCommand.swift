import ArgumentParser
import Dispatch
import Foundation
import Ingest

/// `broadsheet extract --jsonl FILE...`: what the scraped-HTML reader makes of each page, one JSON object
/// per line, for checking extraction against a benchmark or debugging one site.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the article and its metadata from saved HTML pages."
    )

    @Flag(name: .long, help: "Print one JSON object per file on its own line (the only format for now).")
    var jsonl = false

    @Option(name: .customLong("time-zone"), help: "Time zone for dates that carry no offset.")
    var timeZone = "Asia/Ho_Chi_Minh"

    @Option(name: .customLong("url"), help: "Resolve relative links against this page URL (one file only).")
    var pageURL: String?

    @Argument(help: "HTML files to read.")
    var files: [String]

    func validate() throws {
        guard TimeZone(identifier: timeZone) != nil else { throw ValidationError("unknown time zone '\(timeZone)'") }
        if pageURL != nil, files.count > 1 { throw ValidationError("--url applies to a single file") }
    }

    func run() throws {
        let zone = TimeZone(identifier: timeZone)!
        let extractor = HTMLExtractor()
        let url = pageURL
        // Pages are read in parallel in batches, and each batch is printed in the order given, so a long list
        // streams out without holding every result in memory.
        let batchSize = 256
        var start = 0
        while start < files.count {
            let batch = Array(files[start..<min(start + batchSize, files.count)])
            let lines = LineSlots(count: batch.count)
            DispatchQueue.concurrentPerform(iterations: batch.count) { index in
                lines.set(index, Self.line(for: batch[index], extractor: extractor, pageURL: url, zone: zone))
            }
            var output = lines.all.joined(separator: "\n")
            output += "\n"
            FileHandle.standardOutput.write(Data(output.utf8))
            start += batchSize
        }
    }

    static func line(for file: String, extractor: HTMLExtractor, pageURL: String?, zone: TimeZone) -> String {
        var json = JSONLineWriter()
        json.field("file", file)
        guard let data = FileManager.default.contents(atPath: file) else {
            json.field("error", "cannot read file")
            return json.finish()
        }
        do {
            let page = try extractor.extract([UInt8](data), pageURL: pageURL, defaultTimeZone: zone)
            json.field("title", page.title)
            json.field("byline", page.byline)
            json.field("published", page.published?.iso8601)
            json.field("modified", page.modified?.iso8601)
            json.field("section", page.section)
            json.field("tags", page.tags)
            json.field("canonical", page.canonical)
            json.field("image", page.image)
            json.field("description", page.description)
            json.field("lang", page.lang)
            json.field("site", page.site)
            json.field("text", page.text)
            json.field("html", page.html)
            if !page.warnings.isEmpty { json.field("warnings", page.warnings) }
        } catch {
            json.field("error", error.description)
        }
        return json.finish()
    }
}

/// Result slots filled from many threads, each index by exactly one.
private final class LineSlots: @unchecked Sendable {
    private var lines: [String]
    private let lock = NSLock()

    init(count: Int) { lines = Array(repeating: "", count: count) }

    func set(_ index: Int, _ line: String) {
        lock.lock()
        lines[index] = line
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}

/// One JSON object written field by field in a fixed order (JSONSerialization would reorder keys).
private struct JSONLineWriter {
    private var text = "{"

    mutating func field(_ key: String, _ value: String?) {
        append(key, value.map(Self.quote) ?? "null")
    }

    mutating func field(_ key: String, _ values: [String]) {
        append(key, "[" + values.map(Self.quote).joined(separator: ",") + "]")
    }

    private mutating func append(_ key: String, _ raw: String) {
        if text.count > 1 { text += "," }
        text += Self.quote(key) + ":" + raw
    }

    func finish() -> String { text + "}" }

    static func quote(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
