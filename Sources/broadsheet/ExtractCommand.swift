import ArgumentParser
import Dispatch
import Foundation
import Ingest

/// `broadsheet extract --jsonl FILE...`: what the scraped-HTML reader makes of each page, one JSON object
/// per line, for checking extraction against a benchmark or debugging one site.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the article and its metadata from saved HTML pages.",
        discussion: """
        Examples:
          broadsheet extract --jsonl saved/*.html
          broadsheet extract --jsonl --url https://example.org/a/ saved/a.html
        """
    )

    @Flag(name: .long, help: "Print one JSON object per file on its own line (the only format for now).")
    var jsonl = false

    @Option(name: .customLong("time-zone"), help: "Time zone for dates that carry no offset.")
    var timeZone = "Asia/Ho_Chi_Minh"

    @Option(name: .customLong("url"), help: "Resolve relative links against this page URL (one file only).")
    var pageURL: String?

    @Argument(help: "HTML files to read.", completion: .file(extensions: ["html", "htm"]))
    var files: [String]

    func validate() throws {
        guard TimeZone(identifier: timeZone) != nil else { throw ValidationError("unknown time zone '\(timeZone)'") }
        if pageURL != nil, files.count > 1 { throw ValidationError("--url applies to a single file") }
    }

    func run() throws {
        let zone = TimeZone(identifier: timeZone)!
        let extractor = HTMLExtractor()
        let url = pageURL
        let files = files
        // Every page goes to whichever core is free, and each line is printed as soon as the lines before it
        // are: fixed batches left cores idle while each batch waited for its slowest page and was then
        // printed on one thread. Pages are handed out in order, so few lines wait.
        let output = OrderedOutput()
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            output.deliver(Self.line(for: files[index], extractor: extractor, pageURL: url, zone: zone), at: index)
        }
    }

    static func line(for file: String, extractor: HTMLExtractor, pageURL: String?, zone: TimeZone) -> [UInt8] {
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

/// Lines that arrive from many threads in any order and leave on standard output in index order, each as
/// soon as every line before it has.
private final class OrderedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var waiting: [Int: [UInt8]] = [:]
    private var next = 0

    func deliver(_ line: [UInt8], at index: Int) {
        lock.lock()
        defer { lock.unlock() }
        waiting[index] = line
        var ready: [UInt8] = []
        while let line = waiting.removeValue(forKey: next) {
            ready.append(contentsOf: line)
            ready.append(0x0A)
            next += 1
        }
        // Written under the lock, so lines collected by two threads cannot overtake each other.
        if !ready.isEmpty { FileHandle.standardOutput.write(Data(ready)) }
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

    func finish() -> [UInt8] { bytes + [UInt8(ascii: "}")] }

    static let hexDigits = Array("0123456789abcdef".utf8)

    /// Escapes quotes, backslashes, control characters and the two line separators JavaScript rejects.
    /// The runs between characters that need escaping are copied whole: a byte at a time, quoting the body
    /// text and HTML was a thirtieth of the command's time.
    static func quote(_ value: String, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { text in
            var runStart = 0
            var index = 0
            while index < text.count {
                let byte = text[index]
                if byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte != 0xE2 {
                    index += 1
                    continue
                }
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9; any other E2 sequence is copied as it is.
                if byte == 0xE2, !(index + 2 < text.count && text[index + 1] == 0x80
                    && (text[index + 2] == 0xA8 || text[index + 2] == 0xA9)) {
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): bytes.append(contentsOf: "\\\\".utf8)
                case 0x0A: bytes.append(contentsOf: "\\n".utf8)
                case 0x0D: bytes.append(contentsOf: "\\r".utf8)
                case 0x09: bytes.append(contentsOf: "\\t".utf8)
                case 0xE2:
                    bytes.append(contentsOf: (text[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    index += 2
                default:
                    bytes.append(contentsOf: "\\u00".utf8)
                    bytes.append(hexDigits[Int(byte >> 4)])
                    bytes.append(hexDigits[Int(byte & 0xF)])
                }
                index += 1
                runStart = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
