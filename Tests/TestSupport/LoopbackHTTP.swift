import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// HTTP to a server of this machine over a raw socket: the request target goes out byte for byte
/// (URLSession would normalize `..` and percent-encodings away before sending), and every read
/// gives up after a few seconds, so a test never hangs on a server that does not answer.
public enum LoopbackHTTP {
    /// What went wrong talking to the server.
    public struct Failure: Error, CustomStringConvertible {
        /// What happened.
        public var description: String
    }

    /// Sends one request to 127.0.0.1:`port` and reads the whole response.
    public static func send(_ target: String, method: String = "GET", port: Int, headers: [String: String] = [:],
                            timeout: TimeInterval = 5) throws -> HTTPReply {
        let socket = try connect(port: port, timeout: timeout)
        defer { close(socket) }
        try write(request(method, target, port: port, headers: headers.merging(["Connection": "close"]) { given, _ in given }), to: socket)
        var received: [UInt8] = []
        var reply: HTTPReply?
        while true {
            if reply == nil, let end = headerEnd(received) {
                reply = try parseHead(received[..<end])
                received.removeFirst(end + 4)
            }
            if let head = reply {
                // A HEAD answer, a 304 and a 204 have no body, whatever Content-Length says.
                let length = method == "HEAD" || head.status == 304 || head.status == 204 ? 0 : head.header("content-length").flatMap { Int($0) }
                if let length, received.count >= length {
                    var complete = head
                    complete.body = Array(received.prefix(length))
                    return complete
                }
            }
            let chunk = try read(from: socket)
            if chunk.isEmpty {
                guard var complete = reply else { throw Failure(description: "the connection closed before a response") }
                complete.body = received
                return complete
            }
            received += chunk
        }
    }

    /// An open connection to 127.0.0.1:`port` whose reads and writes time out.
    static func connect(port: Int, timeout: TimeInterval) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw Failure(description: "cannot connect to 127.0.0.1:\(port): \(String(cString: strerror(errno)))")
        }
        return socket
    }

    /// The bytes of a request without a body.
    static func request(_ method: String, _ target: String, port: Int, headers: [String: String]) -> [UInt8] {
        var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        return Array((text + "\r\n").utf8)
    }

    static func write(_ bytes: [UInt8], to socket: Int32) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress!, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw Failure(description: "send: \(String(cString: strerror(errno)))") }
            sent += count
        }
    }

    /// The next bytes from the socket; empty at the end of the stream; throws on a timeout.
    static func read(from socket: Int32) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress!, $0.count, 0) }
        guard count >= 0 else { throw Failure(description: "no answer in time (\(String(cString: strerror(errno))))") }
        return Array(buffer[..<count])
    }

    /// Where the blank line ending the head starts, once it has arrived.
    static func headerEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        return (0...(bytes.count - 4)).first { bytes[$0] == 13 && bytes[$0 + 1] == 10 && bytes[$0 + 2] == 13 && bytes[$0 + 3] == 10 }
    }

    /// The status line and header fields.
    static func parseHead(_ bytes: ArraySlice<UInt8>) throws -> HTTPReply {
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = lines[0].split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure(description: "not a status line: \(lines[0])") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return HTTPReply(status: status, headers: headers, body: [])
    }
}
