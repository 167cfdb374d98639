import Foundation
import Infrastructure

/// Reads a front-matter date written in the ISO 8601 shape Hugo and Jekyll sites use
/// (`2021-11-30`, `2021-11-30T22:58`, `2021-11-30 22:58:00.5 +07:00`, `…Z`, `…+0700`, `…+7`)
/// strictly: every part must be in range and nothing may follow. `DateParser` finds dates in free
/// text and skips what it cannot read, which is right for a page and wrong for a value someone
/// typed: `25:61:61` became midnight and `+99:00` the site's zone without a word.
enum ISODateReader {
    /// What a text in that shape holds.
    enum Outcome: Equatable {
        /// The text is not in the ISO shape (it starts with no `YYYY-MM-DD`): read it otherwise.
        case notISO
        /// A date, with the offset written (nil: none, the site's zone applies).
        case date(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, fraction: Double, offset: Int?, hasTime: Bool)
        /// An ISO date with a part out of range or something after it.
        case invalid(String)
    }

    /// Reads `text`.
    static func read(_ text: String) -> Outcome {
        var scanner = Scanner(Array(text.utf8))
        guard let year = scanner.digits(4), scanner.take("-"), let month = scanner.digits(2), scanner.take("-"),
              let day = scanner.digits(2) else { return .notISO }
        guard (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: year)).contains(day) else {
            return .invalid("\(year)-\(month < 10 ? "0" : "")\(month) has no day \(day)")
        }
        guard !scanner.atEnd else { return .date(year: year, month: month, day: day, hour: 0, minute: 0, second: 0, fraction: 0, offset: nil, hasTime: false) }
        guard scanner.take("T") || scanner.take("t") || scanner.take(" ") else { return .invalid("unexpected text after the day") }
        scanner.skipSpaces()
        guard let hour = scanner.digits(2), scanner.take(":"), let minute = scanner.digits(2) else {
            return .invalid("a time is written hh:mm or hh:mm:ss")
        }
        var second = 0
        var fraction = 0.0
        if scanner.take(":") {
            guard let seconds = scanner.digits(2) else { return .invalid("seconds are written with two digits") }
            second = seconds
            if scanner.take(".") || scanner.take(",") {
                // Digits past the ninth (nanoseconds) are read and dropped: their value would overflow.
                guard let (value, count) = scanner.anyDigits(upTo: 9), count > 0 else { return .invalid("a fraction of a second needs digits") }
                fraction = Double(value) / pow(10, Double(count))
                _ = scanner.anyDigits(upTo: .max)
            }
        }
        guard hour < 24, minute < 60, second < 60 else {
            return .invalid("\(hour):\(minute < 10 ? "0" : "")\(minute):\(second < 10 ? "0" : "")\(second) is not a time of day")
        }
        scanner.skipSpaces()
        var offset: Int?
        if scanner.take("Z") || scanner.take("z") {
            offset = 0
        } else if let sign = scanner.sign() {
            guard let (value, count) = scanner.anyDigits(), [1, 2, 4].contains(count) else {
                return .invalid("an offset is written +07:00, +0700 or +7")
            }
            var hours = value
            var minutes = 0
            if count == 4 {
                (hours, minutes) = (value / 100, value % 100)
            } else if scanner.take(":") {
                guard let written = scanner.digits(2) else { return .invalid("an offset is written +07:00, +0700 or +7") }
                minutes = written
            }
            guard hours <= 14, minutes < 60, hours * 60 + minutes <= 14 * 60 else { return .invalid("offset beyond ±14:00") }
            offset = sign * (hours * 3600 + minutes * 60)
        }
        scanner.skipSpaces()
        guard scanner.atEnd else { return .invalid("unexpected text after the time") }
        return .date(year: year, month: month, day: day, hour: hour, minute: minute, second: second, fraction: fraction,
                     offset: offset, hasTime: true)
    }

    /// A cursor over the text's bytes.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
        }

        var atEnd: Bool { index == bytes.count }

        mutating func take(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(character.value) else { return false }
            index += 1
            return true
        }

        mutating func skipSpaces() {
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        }

        /// Exactly `count` digits, not followed by another digit.
        mutating func digits(_ count: Int) -> Int? {
            guard let (value, found) = anyDigits(upTo: count + 1), found == count else { return nil }
            return value
        }

        /// A run of digits (at most `limit`), its value and length; nil when there is none.
        mutating func anyDigits(upTo limit: Int = 18) -> (Int, Int)? {
            let start = index
            var value = 0
            while index < bytes.count, index - start < limit, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                index += 1
            }
            return index > start ? (value, index - start) : nil
        }

        /// `+1`, `-1` (also the typographic minus), or nil.
        mutating func sign() -> Int? {
            if take("+") { return 1 }
            if take("-") { return -1 }
            let minus: [UInt8] = [0xE2, 0x88, 0x92]
            if index + 3 <= bytes.count, Array(bytes[index..<(index + 3)]) == minus {
                index += 3
                return -1
            }
            return nil
        }
    }
}
