/// One HTTP response as a test reads it off the wire.
public struct HTTPReply {
    /// The status code.
    public var status: Int
    /// Header fields by lowercased name.
    public var headers: [String: String]
    /// The body's bytes.
    public var body: [UInt8]

    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// A header's value, by any spelling of its name.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}
