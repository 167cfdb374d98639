/// A date format pattern, with the letters of Unicode's date patterns (as `DateFormatter` reads
/// them) that a news site needs:
///
/// | letters | gives |
/// | --- | --- |
/// | `yyyy`, `yy` | year (`2021`), two-digit year (`21`) |
/// | `MMMM`, `MMM`, `MM`, `M` | month name, short name, `11`, `11` (`M` unpadded) |
/// | `dd`, `d` | day of the month, padded or not |
/// | `EEEE`, `EEE` | weekday name, short name |
/// | `HH`, `H`, `hh`, `h`, `a` | 24-hour, 12-hour, AM/PM (`SA`/`CH` in Vietnamese) |
/// | `mm`, `ss` | minutes, seconds |
/// | `Z`, `xx`, `xxx`, `XXX` | offset `+0700`, `+0700`, `+07:00`, `+07:00` (`Z` in UTC) |
/// | `'text'` | literal text (`''` for a quote); other letters are copied as they are |
///
/// Names in Vietnamese follow CLDR: `EEEE` gives `Thứ Ba`, `MMMM` gives `tháng 11`.
struct DatePattern {
    private enum Piece {
        case literal(String)
        case field(Character, count: Int)
    }

    private let pieces: [Piece]

    init(_ pattern: String) {
        var pieces: [Piece] = []
        var literal = ""
        var characters = pattern[...]
        while let character = characters.first {
            if character == "'" {
                characters.removeFirst()
                if characters.first == "'" {
                    literal.append("'")
                    characters.removeFirst()
                    continue
                }
                while let quoted = characters.popFirst() {
                    if quoted == "'" {
                        if characters.first == "'" { literal.append("'"); characters.removeFirst(); continue }
                        break
                    }
                    literal.append(quoted)
                }
            } else if "yMdEHhamsZxX".contains(character) {
                let count = characters.prefix(while: { $0 == character }).count
                characters.removeFirst(count)
                if !literal.isEmpty { pieces.append(.literal(literal)); literal = "" }
                pieces.append(.field(character, count: count))
            } else {
                literal.append(character)
                characters.removeFirst()
            }
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        self.pieces = pieces
    }

    func format(_ date: CivilDate, language: DateLanguage) -> String {
        let names = DateNames.of(language)
        var text = ""
        for piece in pieces {
            switch piece {
            case .literal(let literal):
                text += literal
            case .field(let letter, let count):
                format(letter, count: count, date: date, names: names, into: &text)
            }
        }
        return text
    }

    private func format(_ letter: Character, count: Int, date: CivilDate, names: DateNames, into text: inout String) {
        switch letter {
        case "y" where count == 2: date.append(date.year % 100, width: 2, to: &text)
        case "y": date.append(date.year, width: count, to: &text)
        case "M" where count >= 4: text += names.months[date.month - 1]
        case "M" where count == 3: text += names.shortMonths[date.month - 1]
        case "M": date.append(date.month, width: count, to: &text)
        case "d": date.append(date.day, width: count, to: &text)
        case "E" where count >= 4: text += names.weekdays[date.weekday]
        case "E": text += names.shortWeekdays[date.weekday]
        case "H": date.append(date.hour, width: count, to: &text)
        case "h": date.append(date.hour % 12 == 0 ? 12 : date.hour % 12, width: count, to: &text)
        case "a": text += date.hour < 12 ? names.am : names.pm
        case "m": date.append(date.minute, width: count, to: &text)
        case "s": date.append(date.second, width: count, to: &text)
        case "X" where date.utcOffsetSeconds == 0: text += "Z"
        case "X", "x": text += date.offset(separator: count >= 3 ? ":" : "")
        default: text += date.offset(separator: "")  // Z
        }
    }
}

/// Month and weekday names of one language.
struct DateNames {
    let months: [String]
    let shortMonths: [String]
    /// Sunday first.
    let weekdays: [String]
    let shortWeekdays: [String]
    let am: String
    let pm: String

    static func of(_ language: DateLanguage) -> DateNames {
        switch language {
        case .english: english
        case .vietnamese: vietnamese
        }
    }

    static let english = DateNames(
        months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                 "November", "December"],
        shortMonths: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        weekdays: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        shortWeekdays: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
        am: "AM", pm: "PM")

    static let vietnamese = DateNames(
        months: (1...12).map { "tháng \($0)" },
        shortMonths: (1...12).map { "thg \($0)" },
        weekdays: ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"],
        shortWeekdays: ["CN", "T2", "T3", "T4", "T5", "T6", "T7"],
        am: "SA", pm: "CH")
}
