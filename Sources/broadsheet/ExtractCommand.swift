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
///
/// Written as UTF-8 bytes: quoting the body text scalar by scalar into a String was a twentieth of the
/// whole command's time.
private struct JSONLineWriter {
    private var bytes: [UInt8] = [UInt8(ascii: "{")]

    mutating func field(_ key: String, _ value: String?) {
        startField(key)
        if let value { Self.quote(value, into: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
    }

    mutating func field(_ key: String, _ values: [String]) {
        startField(key)
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            Self.quote(value, into: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func startField(_ key: String) {
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        Self.quote(key, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    func finish() -> String { String(decoding: bytes + [UInt8(ascii: "}")], as: UTF8.self) }

    static let hexDigits = Array("0123456789abcdef".utf8)

    /// Escapes quotes, backslashes, control characters and the two line separators JavaScript rejects.
    static func quote(_ value: String, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var utf8 = value.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: "\\\\".utf8)
            case 0x0A: bytes.append(contentsOf: "\\n".utf8)
            case 0x0D: bytes.append(contentsOf: "\\r".utf8)
            case 0x09: bytes.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0xF)])
            case 0xE2:
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                guard let second = utf8.next() else {
                    bytes.append(byte)
                    break
                }
                guard second == 0x80, let third = utf8.next() else {
                    bytes.append(contentsOf: [byte, second])
                    break
                }
                if third == 0xA8 || third == 0xA9 {
                    bytes.append(contentsOf: (third == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                } else {
                    bytes.append(contentsOf: [byte, second, third])
                }
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
