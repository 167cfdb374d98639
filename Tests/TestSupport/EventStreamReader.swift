import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A page's view of a preview server's live-reload stream (`text/event-stream`), read off a raw
/// socket: a test waits for an event by name, for a few seconds at most.
public final class EventStreamReader {
    /// One server-sent event.
    public struct Event {
        /// Its `event:` name.
        public var name: String
        /// Its `data:` text.
        public var data: String
    }

    private let socket: Int32
    /// Bytes received and not yet decoded from their chunks.
    private var raw: [UInt8] = []
    /// Decoded stream text not yet made into events.
    private var text = ""

    /// Connects to the stream at 127.0.0.1:`port`, `path`, and reads its head.
    public init(port: Int, path: String = "/__broadsheet/events") throws {
        socket = try LoopbackHTTP.connect(port: port, timeout: 0.2)
        try LoopbackHTTP.write(LoopbackHTTP.request("GET", path, port: port, headers: [:]), to: socket)
        let deadline = Date().addingTimeInterval(5)
        while LoopbackHTTP.headerEnd(raw) == nil {
            guard Date() < deadline else { throw LoopbackHTTP.Failure(description: "the event stream did not open") }
            raw += (try? LoopbackHTTP.read(from: socket)) ?? []
        }
        let end = LoopbackHTTP.headerEnd(raw)!
        let head = try LoopbackHTTP.parseHead(raw[..<end])
        guard head.status == 200, head.header("content-type")?.hasPrefix("text/event-stream") == true else {
            throw LoopbackHTTP.Failure(description: "not an event stream: \(head.status) \(head.headers)")
        }
        raw.removeFirst(end + 4)
    }

    deinit {
        close(socket)
    }

    /// The next event named `name`, skipping others; throws when none comes within `timeout`.
    public func next(_ name: String, timeout: TimeInterval = 5) throws -> Event {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            while let event = takeEvent() {
                if event.name == name { return event }
            }
            guard Date() < deadline else { throw LoopbackHTTP.Failure(description: "no '\(name)' event within \(timeout) s") }
            // Reads time out every 0.2 s, so the deadline is checked often.
            raw += (try? LoopbackHTTP.read(from: socket)) ?? []
            decodeChunks()
        }
    }

    /// Moves the complete chunks of the chunked body into `text`.
    private func decodeChunks() {
        while let lineEnd = (0..<max(0, raw.count - 1)).first(where: { raw[$0] == 13 && raw[$0 + 1] == 10 }),
              let size = String(decoding: raw[..<lineEnd], as: UTF8.self).split(separator: ";").first.flatMap({ Int($0, radix: 16) }),
              raw.count >= lineEnd + 2 + size + 2 {
            text += String(decoding: raw[(lineEnd + 2)..<(lineEnd + 2 + size)], as: UTF8.self)
            raw.removeFirst(lineEnd + 2 + size + 2)
        }
    }

    /// The first complete event of `text`, comments skipped.
    private func takeEvent() -> Event? {
        while let end = text.range(of: "\n\n") {
            let block = text[..<end.lowerBound]
            text.removeSubrange(..<end.upperBound)
            var event = Event(name: "message", data: "")
            var isEvent = false
            for line in block.split(separator: "\n") {
                if line.hasPrefix("event: ") { event.name = String(line.dropFirst(7)); isEvent = true }
                if line.hasPrefix("data: ") { event.data += String(line.dropFirst(6)); isEvent = true }
            }
            if isEvent { return event }
        }
        return nil
    }
}
