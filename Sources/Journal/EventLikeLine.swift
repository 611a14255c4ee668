/// A line that starts with a date in some other shape than the journal's (`Mar 4`, `3/4/2026`,
/// `**2026-03-04**`, `2026-03-04T14:00`): not an event, but surely meant as one, so the reader
/// warns about it and, where the date can be made exact, offers the canonical line as a fix.
struct EventLikeLine {
    /// The date as written, for the message.
    var written: String
    /// The date, when the line gave a year.
    var date: CivilDate?
    /// Month and day, when the line gave no year (the reader picks one from the application).
    var monthDay: (month: Int, day: Int)?
    var time: ClockTime?
    /// Everything after the date, the time and the markup around them, as written.
    var rest: String

    /// The canonical body `YYYY-MM-DD [HH:MM] rest` for a date.
    func canonical(_ date: CivilDate) -> String {
        var text = date.description
        if let time { text += " " + time.description }
        if !rest.isEmpty { text += " " + rest }
        return text
    }

    /// The line of the fix: the original indentation, a `- ` bullet and the canonical body.
    static func fixLine(indentOf line: Substring, body: String) -> String {
        String(line.prefix { $0 == " " || $0 == "\t" }) + "- " + body
    }

    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",
    ]

    /// The event-like reading of `text`, or nil when it does not start with a date in any shape.
    static func detect(_ text: Substring, dayFirst: Bool) -> EventLikeLine? {
        let all = Array(text.utf8)
        var i = 0
        while i < all.count,
            markup.contains(all[i]) || all[i] == 0xE2 && i + 2 < all.count && all[i + 1] == 0x80 && all[i + 2] == 0xA2
        {
            i += all[i] == 0xE2 ? 3 : 1  // `•` is E2 80 A2
        }
        let b = Array(all[i...])
        guard let found = numericDate(b, dayFirst: dayFirst) ?? namedDate(b) else { return nil }
        var j = found.end
        var time: ClockTime?
        if found.allowsT, j < b.count, b[j] == UInt8(ascii: "T") || b[j] == UInt8(ascii: "t"),
            let token = EventLine.timeToken(b, at: j + 1)
        {
            time = token.time
            j = token.end
        }
        while j < b.count, closing.contains(b[j]) { j += 1 }
        j = EventLine.skipSeparator(b, EventLine.skipSpaces(b, j))
        if time == nil, let token = EventLine.timeToken(b, at: j), let parsed = token.time {
            time = parsed
            j = EventLine.skipSeparator(b, EventLine.skipSpaces(b, token.end))
        }
        let rest = String(decoding: b[j...], as: UTF8.self)
        let written = String(decoding: b[0..<found.end], as: UTF8.self)
        if let year = found.year {
            guard let date = CivilDate(year: year, month: found.month, day: found.day) else { return nil }
            return EventLikeLine(written: written, date: date, monthDay: nil, time: time, rest: rest)
        }
        return EventLikeLine(written: written, date: nil, monthDay: (found.month, found.day), time: time, rest: rest)
    }

    /// Characters of markup that may stand before a date (`**`, `__`, backticks, `-`, spaces).
    static let markup: Set<UInt8> = [UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "-"), 32, 9]
    /// Markup that may close around a date.
    static let closing: Set<UInt8> = [UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`")]

    struct Found {
        var year: Int?
        var month: Int
        var day: Int
        var end: Int
        var allowsT = false
    }

    static func isBoundary(_ b: [UInt8], _ i: Int) -> Bool {
        i == b.count || EventLine.isSpace(b[i]) || b[i] == EventLine.colon || b[i] == UInt8(ascii: ",")
            || closing.contains(b[i])
    }

    /// `2026-3-4`, `2026/03/04`, `3/4/2026`, `3/4/26`, `4.3.2026`.
    static func numericDate(_ b: [UInt8], dayFirst: Bool) -> Found? {
        var groups: [(value: Int, length: Int)] = []
        var separator: UInt8?
        var i = 0
        while groups.count < 3 {
            let start = i
            var value = 0
            while i < b.count, EventLine.isDigit(b[i]), i - start < 4 {
                value = value * 10 + Int(b[i] - 48)
                i += 1
            }
            guard i > start else { return nil }
            groups.append((value, i - start))
            if groups.count == 3 { break }
            guard i < b.count else { return nil }
            let sep = b[i]
            guard [EventLine.dash, UInt8(ascii: "/"), UInt8(ascii: ".")].contains(sep), separator == nil || separator == sep
            else { return nil }
            separator = sep
            i += 1
        }
        let isT = i < b.count && (b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t"))
        guard isBoundary(b, i) || isT else { return nil }
        let (a, m, c) = (groups[0], groups[1], groups[2])
        if a.length == 4 {
            guard separator != UInt8(ascii: "."), m.length <= 2, c.length <= 2 else { return nil }
            return Found(year: a.value, month: m.value, day: c.value, end: i, allowsT: separator == EventLine.dash)
        }
        guard a.length <= 2, m.length <= 2, c.length == 4 || c.length == 2, !isT else { return nil }
        let year = c.length == 2 ? 2000 + c.value : c.value
        if separator == UInt8(ascii: ".") { return Found(year: year, month: m.value, day: a.value, end: i) }
        guard separator == UInt8(ascii: "/") else { return nil }
        let monthFirst = (month: a.value, day: m.value)
        let dayFirstReading = (month: m.value, day: a.value)
        let fitsMonthFirst = CivilDate(year: year, month: monthFirst.month, day: monthFirst.day) != nil
        let fitsDayFirst = CivilDate(year: year, month: dayFirstReading.month, day: dayFirstReading.day) != nil
        let pick =
            fitsMonthFirst && fitsDayFirst
            ? (dayFirst ? dayFirstReading : monthFirst) : fitsMonthFirst ? monthFirst : dayFirstReading
        return Found(year: year, month: pick.month, day: pick.day, end: i)
    }

    /// `Mar 4`, `March 4, 2026`, `Mar. 4 2026`, `4 Mar 2026`, `4 March`.
    static func namedDate(_ b: [UInt8]) -> Found? {
        if let (month, afterMonth) = monthWord(b, at: 0) {
            var i = EventLine.skipSpaces(b, afterMonth)
            guard let (day, afterDay) = dayNumber(b, at: i) else { return nil }
            i = afterDay
            if let (year, end) = year(b, at: i) { return Found(year: year, month: month, day: day, end: end) }
            guard isBoundary(b, i) else { return nil }
            return Found(year: nil, month: month, day: day, end: i)
        }
        guard let (day, afterDay) = dayNumber(b, at: 0) else { return nil }
        let i = EventLine.skipSpaces(b, afterDay)
        guard i > afterDay, let (month, afterMonth) = monthWord(b, at: i) else { return nil }
        if let (year, end) = year(b, at: afterMonth) { return Found(year: year, month: month, day: day, end: end) }
        guard isBoundary(b, afterMonth) else { return nil }
        return Found(year: nil, month: month, day: day, end: afterMonth)
    }

    /// A month's name or its three-letter form (an optional `.` after it), followed by a space.
    static func monthWord(_ b: [UInt8], at i: Int) -> (Int, Int)? {
        var j = i
        while j < b.count, (65...90).contains(b[j]) || (97...122).contains(b[j]) { j += 1 }
        guard j - i >= 3 else { return nil }
        let word = String(decoding: b[i..<j].map(EventLine.lowerASCII), as: UTF8.self)
        guard let index = months.firstIndex(where: { $0 == word || (word.count == 3 && $0.hasPrefix(word)) }) else {
            return nil
        }
        if j < b.count, b[j] == UInt8(ascii: ".") { j += 1 }
        guard j == b.count || EventLine.isSpace(b[j]) || b[j] == UInt8(ascii: ",") else { return nil }
        return (index + 1, j)
    }

    /// One or two digits of a day, with an optional `st`, `nd`, `rd` or `th`.
    static func dayNumber(_ b: [UInt8], at i: Int) -> (Int, Int)? {
        var j = i
        var value = 0
        while j < b.count, EventLine.isDigit(b[j]), j - i < 2 {
            value = value * 10 + Int(b[j] - 48)
            j += 1
        }
        guard j > i, (1...31).contains(value), j == b.count || !EventLine.isDigit(b[j]) else { return nil }
        if j + 1 < b.count {
            let suffix = String(decoding: [EventLine.lowerASCII(b[j]), EventLine.lowerASCII(b[j + 1])], as: UTF8.self)
            if ["st", "nd", "rd", "th"].contains(suffix) { j += 2 }
        }
        return (value, j)
    }

    /// `, 2026` or ` 2026` after a day, ending at a boundary.
    static func year(_ b: [UInt8], at i: Int) -> (Int, Int)? {
        var j = i
        if j < b.count, b[j] == UInt8(ascii: ",") { j += 1 }
        let start = EventLine.skipSpaces(b, j)
        guard start > i || j > i else { return nil }
        var k = start
        var value = 0
        while k < b.count, EventLine.isDigit(b[k]), k - start < 4 {
            value = value * 10 + Int(b[k] - 48)
            k += 1
        }
        guard k - start == 4, isBoundary(b, k) else { return nil }
        return (value, k)
    }

    /// The year that puts a month and day nearest to the nearest of `dates`; nil when there are no
    /// dates, or two years are equally near.
    static func year(month: Int, day: Int, near dates: [CivilDate]) -> Int? {
        guard !dates.isEmpty else { return nil }
        let years = Set(dates.map(\.components.year))
        var best: (year: Int, distance: Int)?
        var tie = false
        for candidate in Set(years.flatMap { [$0 - 1, $0, $0 + 1] }).sorted() {
            guard let date = CivilDate(year: candidate, month: month, day: day) else { continue }
            let distance = dates.map { abs($0.days(to: date)) }.min() ?? Int.max
            if let current = best {
                if distance < current.distance {
                    best = (candidate, distance)
                    tie = false
                } else if distance == current.distance {
                    tie = true
                }
            } else {
                best = (candidate, distance)
            }
        }
        return tie ? nil : best?.year
    }
}

/// Dates as spreadsheets and trackers write them, for `followup import`: the same shapes the
/// reader recognises in event-like lines, with an optional time after a space or a comma.
public enum DateText {
    /// The date and time of a whole cell (`2026-03-04`, `3/4/26, 9:41 AM`, `March 4, 2026 14:00`),
    /// or nil when the cell holds anything else, or a date without a year.
    public static func cell(_ text: String, dayFirst: Bool) -> (date: CivilDate, time: ClockTime?)? {
        let trimmed = text.trimmingWhitespace
        guard let found = EventLikeLine.detect(Substring(trimmed), dayFirst: dayFirst), let date = found.date else { return nil }
        guard trimmed.first.map({ $0.isNumber || $0.isLetter }) ?? false else { return nil }
        // Nothing may follow but a time, after a space (which `detect` took) or a comma.
        var rest = found.rest.trimmingWhitespace
        if rest.isEmpty { return (date, found.time) }
        guard found.time == nil, rest.hasPrefix(",") else { return nil }
        rest = String(rest.dropFirst()).trimmingWhitespace
        let bytes = Array(rest.utf8)
        guard let token = EventLine.timeToken(bytes, at: 0), token.end == bytes.count, let time = token.time else { return nil }
        return (date, time)
    }
}
