/// Reads a value from JSON (or any decoder): objects, arrays, strings, booleans, null, and numbers
/// as `.int` when whole and in range, else `.double`. Used by `broadsheet template render --data`.
extension TemplateValue: Decodable {
    /// Decodes whichever JSON kind the decoder holds.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Int.self) {
            self = .int(number)
        } else if let number = try? container.decode(Double.self) {
            let whole = number.rounded(.towardZero) == number && abs(number) < 9.0e15
            self = whole ? .int(Int(number)) : .double(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([TemplateValue].self) {
            self = .list(items)
        } else {
            self = .object(try container.decode([String: TemplateValue].self))
        }
    }
}
