import Foundation
import Infrastructure

/// A point in time read from a page or from front matter, with the wall-clock offset it was written in,
/// so that a date printed as `30/11/2021 22:58` in Hanoi is shown again as 22:58, not as 15:58 UTC.
public struct ParsedDate: Sendable, Hashable {
    /// The instant.
    public var date: Date
    /// The offset from UTC of the wall time: the text's own when it gives one, else the default zone's at that instant.
    public var utcOffsetSeconds: Int
    /// False when the text named only a day; the time is then midnight in that offset.
    public var hasTime: Bool
    /// True when the text gave no offset and the default zone's was taken: whether that zone was
    /// the right one is worth a word when the site never named one.
    public var tookDefaultZone = false

    /// Makes a parsed date from its parts.
    public init(date: Date, utcOffsetSeconds: Int, hasTime: Bool) {
        self.date = date
        self.utcOffsetSeconds = utcOffsetSeconds
        self.hasTime = hasTime
    }

    /// ISO 8601 in the date's own offset, e.g. `2021-11-30T22:58:00+07:00` (`Z` never used, so the offset survives).
    public var iso8601: String {
        let wall = Int(date.timeIntervalSince1970.rounded(.down)) + utcOffsetSeconds
        let days = Int((Double(wall) / 86_400).rounded(.down))
        let secondsOfDay = wall - days * 86_400
        let (year, month, day) = CivilDate.fields(daysSince1970: days)
        let sign = utcOffsetSeconds < 0 ? "-" : "+"
        let offset = abs(utcOffsetSeconds)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(yearText)-\(two(month))-\(two(day))T\(two(secondsOfDay / 3600)):\(two(secondsOfDay / 60 % 60)):"
            + "\(two(secondsOfDay % 60))\(sign)\(two(offset / 3600)):\(two(offset / 60 % 60))"
    }
}

/// Reads the date forms that news pages and front matter use: ISO 8601, RFC 2822, the Vietnamese forms
/// (`30/11/2021 22:58`, `Thứ Ba, 30/11/2021 - 22:58`, `ngày 30 tháng 11 năm 2021`, `22h58`) and English
/// (`November 30, 2021`, `Nov 30, 2021 10:58 PM`, `30 November 2021`).
///
/// Written as a hand-rolled token scanner with its own civil-date arithmetic on purpose: it runs for every
/// page and every front-matter file, and `DateFormatter` is both slow to build and locale-dependent.
public enum DateParser {
    /// The date in `text`, or nil when no whole date is found. A text without an offset takes `defaultTimeZone`'s.
    public static func parse(_ text: String, defaultTimeZone: TimeZone) -> ParsedDate? {
        // Every form read here has a year in ASCII digits. The extractor asks this of many short texts of
        // a page, most without a digit, and tokenizing them was a measured share of an extraction.
        guard text.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) else { return nil }
        let tokens = tokenize(text)
        guard let found = findDate(tokens) else { return nil }
        var used = found.range
        let time = findTime(tokens, excluding: used)
        if let time { used = min(used.lowerBound, time.range.lowerBound)..<max(used.upperBound, time.range.upperBound) }
        let zoneStart = time?.range.upperBound ?? found.range.upperBound
        let offset = time == nil && found.isISO == false ? nil : findZone(tokens, from: zoneStart)
        let days = CivilDate.daysSince1970(year: found.year, month: found.month, day: found.day)
        let seconds = (time?.hour ?? 0) * 3600 + (time?.minute ?? 0) * 60 + (time?.second ?? 0)
        return date(days: days, seconds: seconds, fraction: time?.fraction ?? 0, offset: offset,
                    defaultTimeZone: defaultTimeZone, hasTime: time != nil)
    }

    /// The instant of a wall time `seconds` into day `days` (since 1970-01-01) at `offset`, or,
    /// without one, in `defaultTimeZone`.
    static func date(days: Int, seconds: Int, fraction: Double, offset: Int?, defaultTimeZone: TimeZone, hasTime: Bool) -> ParsedDate {
        let wall = Double(days * 86_400 + seconds) + fraction
        if let offset {
            return ParsedDate(date: Date(timeIntervalSince1970: wall - Double(offset)), utcOffsetSeconds: offset, hasTime: hasTime)
        }
        // The zone's offset depends on the instant; a second look settles it across a DST change.
        var guess = defaultTimeZone.secondsFromGMT(for: Date(timeIntervalSince1970: wall))
        guess = defaultTimeZone.secondsFromGMT(for: Date(timeIntervalSince1970: wall - Double(guess)))
        var parsed = ParsedDate(date: Date(timeIntervalSince1970: wall - Double(guess)), utcOffsetSeconds: guess, hasTime: hasTime)
        parsed.tookDefaultZone = true
        return parsed
    }

    // MARK: - Tokens

    enum Token: Equatable {
        case number(Int, digits: Int)
        case word(String)
        case mark(Character)
    }

    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var number = 0, digits = 0
        var word = ""
        func flush() {
            if digits > 0 { tokens.append(.number(number, digits: digits)); number = 0; digits = 0 }
            if !word.isEmpty { tokens.append(.word(word)); word = "" }
        }
        for scalar in text.lowercased().unicodeScalars {
            if scalar.value >= 48, scalar.value <= 57 {
                let digit = Int(scalar.value - 48)
                if !word.isEmpty { flush() }
                if digits < 9 { number = number * 10 + digit }
                digits += 1
            } else if scalar.properties.isAlphabetic {
                if digits > 0 { flush() }
                word.unicodeScalars.append(scalar)
            } else {
                flush()
                if !scalar.properties.isWhitespace { tokens.append(.mark(Character(scalar))) }
            }
        }
        flush()
        return tokens
    }

    // MARK: - Date

    struct FoundDate { var year: Int, month: Int, day: Int, range: Range<Int>, isISO: Bool }

    static func findDate(_ t: [Token]) -> FoundDate? {
        var i = 0
        while i < t.count {
            if let found = numericDate(t, i) ?? namedMonthDate(t, i) ?? vietnameseDate(t, i) ?? eastAsianDate(t, i) {
                return found
            }
            i += 1
        }
        return nil
    }

    /// `2021-11-30`, `2021/11/30`, `30/11/2021`, `30-11-2021`, `30.11.2021`; day first unless that is impossible.
    static func numericDate(_ t: [Token], _ i: Int) -> FoundDate? {
        guard i + 4 < t.count, case .number(let a, let da) = t[i], case .mark(let s1) = t[i + 1],
              case .number(let b, let db) = t[i + 2], case .mark(let s2) = t[i + 3], s1 == s2,
              "/-.".contains(s1), case .number(let c, let dc) = t[i + 4], db <= 2 else { return nil }
        if i > 0, case .mark(let before) = t[i - 1], before == s1 { return nil }
        if da == 4, dc <= 2 {
            return valid(year: a, month: b, day: c, range: i..<(i + 5), isISO: s1 == "-")
        }
        guard da <= 2, dc == 4 || dc == 2 else { return nil }
        let year = dc == 2 ? 2000 + c : c
        return valid(year: year, month: b, day: a, range: i..<(i + 5), isISO: false)
            ?? valid(year: year, month: a, day: b, range: i..<(i + 5), isISO: false)
    }

    /// `November 30, 2021`, `Nov. 30th 2021`, `30 November 2021`, `30 Nov 2021` (RFC 2822).
    static func namedMonthDate(_ t: [Token], _ i: Int) -> FoundDate? {
        guard case .word(let name) = t[i], let month = monthNumber(name) else { return nil }
        var j = i + 1
        if j < t.count, t[j] == .mark(".") { j += 1 }
        // Month first: `Nov 30, 2021`.
        if j < t.count, case .number(let day, let dd) = t[j], dd <= 2 {
            var k = j + 1
            if k < t.count, case .word(let w) = t[k], ["st", "nd", "rd", "th"].contains(w) { k += 1 }
            if k < t.count, t[k] == .mark(",") { k += 1 }
            if k < t.count, case .number(let year, 4) = t[k] {
                return valid(year: year, month: month, day: day, range: i..<(k + 1), isISO: false)
            }
        }
        // Day first: `30 November 2021`, `30th of November, 2021`, `30. November 2021`, `1er mars 2021`,
        // `30 de noviembre de 2021`.
        var k = i - 1
        if k >= 0, case .word(let w) = t[k], w == "of" || w == "de" { k -= 1 }
        if k >= 0, case .word(let w) = t[k], ["st", "nd", "rd", "th", "er"].contains(w) { k -= 1 }
        if k >= 0, t[k] == .mark(".") { k -= 1 }
        if k >= 0, case .number(let day, let dd) = t[k], dd <= 2 {
            var y = j
            if y < t.count, t[y] == .mark(",") || t[y] == .word("de") { y += 1 }
            if y < t.count, case .number(let year, 4) = t[y] {
                return valid(year: year, month: month, day: day, range: k..<(y + 1), isISO: false)
            }
        }
        return nil
    }

    /// `ngày 30 tháng 11 năm 2021`, `30 tháng 11, 2021`.
    static func vietnameseDate(_ t: [Token], _ i: Int) -> FoundDate? {
        guard i + 3 < t.count, case .number(let day, let dd) = t[i], dd <= 2, case .word("tháng") = t[i + 1],
              case .number(let month, _) = t[i + 2] else { return nil }
        var k = i + 3
        if k < t.count, t[k] == .mark(",") || t[k] == .word("năm") { k += 1 }
        guard k < t.count, case .number(let year, 4) = t[k] else { return nil }
        return valid(year: year, month: month, day: day, range: i..<(k + 1), isISO: false)
    }

    /// `2021年11月30日` (Chinese and Japanese pages).
    static func eastAsianDate(_ t: [Token], _ i: Int) -> FoundDate? {
        guard i + 5 < t.count, case .number(let year, 4) = t[i], t[i + 1] == .word("年"), case .number(let month, _) = t[i + 2],
              t[i + 3] == .word("月"), case .number(let day, _) = t[i + 4], t[i + 5] == .word("日") else { return nil }
        return valid(year: year, month: month, day: day, range: i..<(i + 6), isISO: false)
    }

    static func valid(year: Int, month: Int, day: Int, range: Range<Int>, isISO: Bool) -> FoundDate? {
        guard (1000...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        return FoundDate(year: year, month: month, day: day, range: range, isISO: isISO)
    }

    /// Month names in English (with their three-letter abbreviations) and, written out, in the other
    /// languages of Western Europe's news sites: German, French, Spanish, Italian, Portuguese, Dutch.
    static let months: [String: Int] = {
        var table: [String: Int] = [:]
        let english = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                       "october", "november", "december"]
        for (index, name) in english.enumerated() {
            table[name] = index + 1
            table[String(name.prefix(3))] = index + 1
        }
        table["sept"] = 9
        let others = [
            ["januar", "jänner", "janvier", "enero", "gennaio", "janeiro", "januari"],
            ["februar", "février", "febrero", "febbraio", "fevereiro", "februari"],
            ["märz", "mars", "marzo", "março", "maart"],
            ["avril", "abril", "aprile"],
            ["mai", "mayo", "maggio", "maio", "mei"],
            ["juni", "juin", "junio", "giugno", "junho"],
            ["juli", "juillet", "julio", "luglio", "julho"],
            ["août", "agosto", "augustus"],
            ["septembre", "septiembre", "setiembre", "settembre", "setembro"],
            ["oktober", "octobre", "octubre", "ottobre", "outubro"],
            ["novembre", "noviembre", "novembro"],
            ["dezember", "décembre", "diciembre", "dicembre", "dezembro"],
        ]
        for (index, names) in others.enumerated() {
            for name in names { table[name] = index + 1 }
        }
        return table
    }()

    static func monthNumber(_ word: String) -> Int? { months[word] }

    // MARK: - Time

    struct FoundTime { var hour: Int, minute: Int, second: Int, fraction: Double, range: Range<Int> }

    /// `22:58`, `22:58:07.5`, `10:58 PM`, `22h58`, `22 giờ 58`.
    static func findTime(_ t: [Token], excluding date: Range<Int>) -> FoundTime? {
        var i = 0
        while i + 2 < t.count {
            defer { i += 1 }
            if date.contains(i) { continue }
            guard case .number(var hour, let dh) = t[i], dh <= 2, case .number(let minute, 2) = t[i + 2] else { continue }
            switch t[i + 1] {
            case .mark(":"), .word("h"), .word("g"), .word("giờ"): break
            default: continue
            }
            var end = i + 3
            var second = 0, fraction = 0.0
            if t[i + 1] == .mark(":"), end + 1 < t.count, t[end] == .mark(":"), case .number(let s, 2) = t[end + 1] {
                second = s
                end += 2
                if end + 1 < t.count, t[end] == .mark(".") || t[end] == .mark(","), case .number(let f, let fd) = t[end + 1] {
                    fraction = Double(f) / pow(10, Double(min(fd, 9)))
                    end += 2
                }
            }
            if end < t.count, case .word(let w) = t[end] {
                var meridian = w
                if (w == "a" || w == "p"), end + 2 < t.count, t[end + 1] == .mark("."), t[end + 2] == .word("m") {
                    meridian = w + "m"
                    end += 2
                    if end + 1 < t.count, t[end + 1] == .mark(".") { end += 1 }
                }
                if meridian == "am" || meridian == "pm" {
                    guard (1...12).contains(hour) else { continue }
                    hour = hour % 12 + (meridian == "pm" ? 12 : 0)
                    end += 1
                }
            }
            guard hour < 24, minute < 60, second < 61 else { continue }
            return FoundTime(hour: hour, minute: minute, second: min(second, 59), fraction: fraction, range: i..<end)
        }
        return nil
    }

    // MARK: - Zone

    static let namedZones: [String: Int] = [
        "z": 0, "utc": 0, "gmt": 0, "ut": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
        "pst": -8, "pdt": -7, "ict": 7, "cet": 1, "cest": 2, "bst": 1, "ist": 5,
    ]

    /// `Z`, `+07:00`, `+0700`, `GMT+7`, `UTC`, `(GMT+07:00)` right after the time.
    static func findZone(_ t: [Token], from start: Int) -> Int? {
        var i = start
        if i < t.count, t[i] == .mark("(") { i += 1 }
        var base: Int?
        if i < t.count, case .word(let w) = t[i], let hours = namedZones[w] {
            base = hours * 3600
            i += 1
        }
        guard i + 1 < t.count, case .mark(let sign) = t[i], sign == "+" || sign == "-" || sign == "−",
              case .number(let n, let nd) = t[i + 1] else { return base }
        var seconds: Int
        if nd == 4 {
            seconds = (n / 100) * 3600 + (n % 100) * 60
        } else if nd <= 2 {
            seconds = n * 3600
            if i + 3 < t.count, t[i + 2] == .mark(":"), case .number(let m, 2) = t[i + 3] { seconds += m * 60 }
        } else {
            return base
        }
        guard seconds <= 14 * 3600 else { return base }
        return sign == "+" ? seconds : -seconds
    }
}
