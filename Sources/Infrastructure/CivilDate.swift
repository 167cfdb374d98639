import Foundation

/// A wall-clock date and time in some zone: what a reader sees on the page and what date
/// buckets are keyed by. Computed with integer arithmetic, not `Calendar`, on the hot path.
public struct CivilDate: Sendable, Hashable, Comparable {
    /// Year, e.g. 2021.
    public var year: Int
    /// Month, 1–12.
    public var month: Int
    /// Day of the month, 1–31.
    public var day: Int
    /// Hour, 0–23.
    public var hour: Int
    /// Minute, 0–59.
    public var minute: Int
    /// Second, 0–59.
    public var second: Int
    /// Day of the week, 0 = Sunday.
    public var weekday: Int
    /// The offset from UTC this wall time is in, in seconds.
    public var utcOffsetSeconds: Int
    /// The instant, seconds since 1970-01-01T00:00:00Z.
    public var secondsSince1970: Int64

    /// The wall time of an instant at a given offset.
    public init(secondsSince1970: Int64, utcOffsetSeconds: Int) {
        let local = secondsSince1970 + Int64(utcOffsetSeconds)
        var days = local / 86_400
        var seconds = local % 86_400
        if seconds < 0 { seconds += 86_400; days -= 1 }
        hour = Int(seconds / 3600)
        minute = Int(seconds % 3600 / 60)
        second = Int(seconds % 60)
        weekday = Int(((days % 7) + 11) % 7)  // 1970-01-01 was a Thursday
        (year, month, day) = Self.fields(daysSince1970: Int(days))
        self.utcOffsetSeconds = utcOffsetSeconds
        self.secondsSince1970 = secondsSince1970
    }

    /// The wall time of a date in a zone (the zone's offset at that instant).
    public init(_ date: Date, in zone: TimeZone) {
        self.init(secondsSince1970: Int64(date.timeIntervalSince1970.rounded(.down)),
                  utcOffsetSeconds: zone.secondsFromGMT(for: date))
    }

    // MARK: - Civil calendar (proleptic Gregorian, days since 1970-01-01)
    // The one home of this arithmetic below the template engine (which keeps its own copy, being
    // a library with no dependencies).

    /// Days in a month of a year, leap years counted.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 to a date (Howard Hinnant's `days_from_civil`).
    public static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let monthPrime = (month + 9) % 12
        let dayOfYear = (153 * monthPrime + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    public static func fields(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Orders by wall time fields.
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.hour, lhs.minute, lhs.second) < (rhs.year, rhs.month, rhs.day, rhs.hour, rhs.minute, rhs.second)
    }
}
