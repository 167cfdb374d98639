import Templating

/// Writes JSON into one byte buffer, for the fixed shapes a build writes many times (JSON-LD on
/// every article page, JSON Feeds, the search index).
///
/// `JSONEncoder` took a tenth of a whole build here (it reflects over `Codable` and sorts keys on
/// every call), and joining strings piece by piece still cost an article page as much as the rest
/// of its context: here keys are written in the order given and strings are escaped straight
/// into the buffer, as the template engine's `json` filter escapes them (safe inside `<script>`).
public struct JSONWriter {
    /// The JSON written so far.
    public private(set) var bytes: [UInt8] = []
    /// No value has been written yet at the current level (so no comma is needed).
    private var first = true
    /// A key was just written: its value needs no comma.
    private var afterKey = false

    /// An empty writer whose buffer starts with room for `capacity` bytes.
    public init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    /// The JSON as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func startValue() {
        if afterKey {
            afterKey = false
        } else {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
        }
    }

    /// Text written as it is, between top-level JSON values (the `<script>` tags around
    /// JSON-LD): the next value starts a new document and takes no comma.
    public mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        first = true
    }

    /// A key of the object being written; the next value is its value.
    public mutating func key(_ name: String) {
        startValue()
        JSONString.append(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// A string value.
    public mutating func string(_ text: String) {
        startValue()
        JSONString.append(text, to: &bytes)
    }

    /// An integer value.
    public mutating func number(_ value: Int) {
        startValue()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// An unsigned integer value.
    public mutating func number(_ value: UInt64) {
        startValue()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A value that is already JSON.
    public mutating func json(_ value: [UInt8]) {
        startValue()
        bytes.append(contentsOf: value)
    }

    /// An object; `body` writes its keys and values.
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        nested(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), body)
    }

    /// An array; `body` writes its values.
    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        nested(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), body)
    }

    private mutating func nested(open: UInt8, close: UInt8, _ body: (inout JSONWriter) -> Void) {
        startValue()
        bytes.append(open)
        let outer = first
        first = true
        body(&self)
        first = outer
        bytes.append(close)
    }

    /// A key with a string value; nothing when the value is nil.
    public mutating func field(_ name: String, _ text: String?) {
        guard let text else { return }
        key(name)
        string(text)
    }

    /// A key with an array of strings; nothing when the array is nil.
    public mutating func field(_ name: String, strings: [String]?) {
        guard let strings else { return }
        key(name)
        array { for text in strings { $0.string(text) } }
    }
}
