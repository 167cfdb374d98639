/// The ways pages print a `CivilDate`. Each is written byte by byte into the string's own storage:
/// every card, feed entry, sitemap line and structured-data block prints dates, and building them
/// by interpolating padded pieces was 3% of a build's instructions.
extension CivilDate {
    /// `2021-11-30T22:58:00+07:00`.
    public var iso8601: String {
        ASCIIText.make { text in
            text.digits(year, width: 4)
            text.byte("-"); text.digits(month)
            text.byte("-"); text.digits(day)
            text.byte("T"); text.digits(hour)
            text.byte(":"); text.digits(minute)
            text.byte(":"); text.digits(second)
            text.offset(utcOffsetSeconds, separator: ":")
        }
    }

    /// `Tue, 30 Nov 2021 22:58:00 +0700`, as RSS 2.0 wants dates (RFC 822 with a four-digit year).
    public var rfc822: String {
        ASCIIText.make { text in
            text.word(Self.weekdayNames[weekday]); text.byte(","); text.byte(" ")
            text.digits(day); text.byte(" ")
            text.word(Self.monthNames[month - 1]); text.byte(" ")
            text.digits(year, width: 4); text.byte(" ")
            text.digits(hour); text.byte(":"); text.digits(minute); text.byte(":"); text.digits(second); text.byte(" ")
            text.offset(utcOffsetSeconds, separator: nil)
        }
    }

    /// `30/11/2021 22:58`, as Vietnamese news sites print dates.
    public var dayMonthYearTime: String {
        ASCIIText.make { text in
            text.dayMonthYear(self)
            text.byte(" "); text.digits(hour); text.byte(":"); text.digits(minute)
        }
    }

    /// `30/11/2021`.
    public var dayMonthYear: String {
        ASCIIText.make { $0.dayMonthYear(self) }
    }

    private static let weekdayNames: [StaticString] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let monthNames: [StaticString] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}

/// An ASCII string written into its storage in place, for the date formats above. Every write
/// checks the room left: fields set by hand to absurd values (a nine-digit day) cut the text short
/// rather than write past it.
private struct ASCIIText {
    /// Room for the longest format with every field in its range and a year of up to 20 characters.
    private static let capacity = 64

    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var count = 0

    private init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    static func make(_ write: (inout ASCIIText) -> Void) -> String {
        String(unsafeUninitializedCapacity: capacity) { buffer in
            var text = ASCIIText(buffer)
            write(&text)
            return text.count
        }
    }

    mutating func byte(_ character: Unicode.Scalar) {
        guard count < buffer.count else { return }
        buffer[count] = UInt8(ascii: character)
        count += 1
    }

    mutating func word(_ word: StaticString) {
        guard count + word.utf8CodeUnitCount <= buffer.count else { return }
        for offset in 0..<word.utf8CodeUnitCount { buffer[count + offset] = word.utf8Start[offset] }
        count += word.utf8CodeUnitCount
    }

    /// `value` in decimal, zeros in front up to `width` digits; a `-` before a negative one.
    mutating func digits(_ value: Int, width: Int = 2) {
        if value < 0 { byte("-") }
        var rest = value.magnitude
        var length = 1
        var power: UInt = 10
        while length < 20, rest >= power { length += 1; power = power &* 10 }
        let end = count + max(length, width)
        guard end <= buffer.count else { return }
        var index = end
        while index > count {
            index -= 1
            buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        count = end
    }

    /// `+07:00` (or `+0700` without a separator).
    mutating func offset(_ seconds: Int, separator: Unicode.Scalar?) {
        byte(seconds < 0 ? "-" : "+")
        digits(abs(seconds) / 3600)
        if let separator { byte(separator) }
        digits(abs(seconds) % 3600 / 60)
    }

    mutating func dayMonthYear(_ date: CivilDate) {
        digits(date.day); byte("/"); digits(date.month); byte("/"); digits(date.year, width: 4)
    }
}
