/// A `TemplateDate` broken into calendar fields in its own UTC offset.
///
/// Computed with integer arithmetic (Howard Hinnant's `civil_from_days`) instead of Foundation's
/// calendars and formatters: it is exact for the proleptic Gregorian calendar, allocation-free and
/// cheap enough to run for every date on every page.
struct CivilDate {
    var year: Int
    /// 1...12
    var month: Int
    /// 1...31
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int
    /// 0 = Sunday ... 6 = Saturday.
    var weekday: Int
    var utcOffsetSeconds: Int

    init(_ date: TemplateDate) {
        let local = Int(date.secondsSince1970) + date.utcOffsetSeconds
        let (days, secondOfDay) = Self.floorDivide(local, 86_400)
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
        second = secondOfDay % 60
        weekday = Self.floorDivide(days + 4, 7).remainder  // 1970-01-01 was a Thursday
        utcOffsetSeconds = date.utcOffsetSeconds

        let shifted = days + 719_468  // days from 0000-03-01, so leap days fall at the end of a year
        let era = Self.floorDivide(shifted, 146_097).quotient
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    private static func floorDivide(_ value: Int, _ divisor: Int) -> (quotient: Int, remainder: Int) {
        let quotient = value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
        return (quotient, value - quotient * divisor)
    }

    /// `2021-11-30T22:58:00+07:00`, or `…Z` in UTC (RFC 3339, what feeds and `datetime` want).
    var iso8601: String {
        var text = ""
        text.reserveCapacity(25)
        append(year, width: 4, to: &text)
        text += "-"
        append(month, width: 2, to: &text)
        text += "-"
        append(day, width: 2, to: &text)
        text += "T"
        append(hour, width: 2, to: &text)
        text += ":"
        append(minute, width: 2, to: &text)
        text += ":"
        append(second, width: 2, to: &text)
        text += utcOffsetSeconds == 0 ? "Z" : offset(separator: ":")
        return text
    }

    /// `Tue, 30 Nov 2021 22:58:00 +0700` (RFC 822 as RSS 2.0 uses it: English names always).
    var rfc822: String {
        DatePattern("EEE, dd MMM yyyy HH:mm:ss Z").format(self, language: .english)
    }

    /// `+07:00` or `+0700`.
    func offset(separator: String) -> String {
        var text = utcOffsetSeconds < 0 ? "-" : "+"
        let minutes = abs(utcOffsetSeconds) / 60
        append(minutes / 60, width: 2, to: &text)
        text += separator
        append(minutes % 60, width: 2, to: &text)
        return text
    }

    /// Appends a number padded with zeros to `width` digits.
    func append(_ number: Int, width: Int, to text: inout String) {
        if number < 0 { text += "-" }
        let digits = String(abs(number))
        if digits.count < width { text += String(repeating: "0", count: width - digits.count) }
        text += digits
    }
}
