/// The micro-syntax of one event: `YYYY-MM-DD [HH:MM] kind[: note]`, read from the text of a list
/// item's first paragraph as written. (The Markdown structure around it comes from cmark-gfm.)
///
/// Tolerant where people are hurried: a `:` or ` - ` after the date or time, times like `2pm`,
/// `3:15 PM` or `14:00-15:00`, and the multi-word aliases of `EventKind`.
struct EventLine {
    var date: CivilDate
    var time: ClockTime?
    var kind: EventKind
    var writtenKind: String
    var note: String

    /// A warning about a line that is still an event, with an optional in-line replacement as its fix.
    struct Warning {
        var offset: Int
        var message: String
        var hint: String?
        /// Replace `length` bytes at `offset` of the text with `text`.
        var replace: (offset: Int, length: Int, text: String)?
    }

    enum Outcome {
        /// Not an event (no ISO date at the start); the reader checks whether it looks like one.
        case none
        case event(EventLine, warnings: [Warning])
        /// An impossible date or time: an error at the given byte offset (0-based) of the text.
        case invalid(offset: Int, message: String)
    }

    /// Whether `text` starts with the shape `DDDD-DD-DD` followed by a space, a `:` or the end.
    static func startsWithISODate(_ text: Substring) -> Bool {
        let b = Array(text.utf8.prefix(11))
        guard b.count >= 10 else { return false }
        for i in 0..<10 where i != 4 && i != 7 {
            guard isDigit(b[i]) else { return false }
        }
        return b[4] == dash && b[7] == dash && (b.count == 10 || isSpace(b[10]) || b[10] == colon)
    }

    /// What a dated line starts with: its date, optional time and where the rest begins.
    enum Dated {
        case none
        case invalid(offset: Int, message: String)
        case dated(CivilDate, ClockTime?, rest: Substring)
    }

    /// The date and time at the start of `text` (with the separators after them skipped).
    static func parseDated(_ text: Substring) -> Dated {
        let bytes = Array(text.utf8)
        guard startsWithISODate(text) else { return .none }
        let dateText = String(decoding: bytes[0..<10], as: UTF8.self)
        guard let date = CivilDate(iso: dateText) else {
            return .invalid(offset: 0, message: "invalid date '\(dateText)'")
        }
        var i = skipSeparator(bytes, skipSpaces(bytes, 10))
        var time: ClockTime?
        if let token = timeToken(bytes, at: i) {
            guard let parsed = token.time else {
                let timeText = String(decoding: bytes[i..<token.end], as: UTF8.self)
                return .invalid(offset: i, message: "invalid time '\(timeText)' (use 00:00 to 23:59, or 1am to 12pm)")
            }
            time = parsed
            i = skipSeparator(bytes, skipSpaces(bytes, token.end))
        }
        return .dated(date, time, rest: Substring(text.utf8.dropFirst(i)))
    }

    static func parse(_ text: Substring) -> Outcome {
        let date: CivilDate
        let time: ClockTime?
        let restText: Substring
        switch parseDated(text) {
        case .none: return .none
        case .invalid(let offset, let message): return .invalid(offset: offset, message: message)
        case .dated(let d, let t, let r): (date, time, restText) = (d, t, r)
        }
        let i = text.utf8.count - restText.utf8.count
        let bytes = Array(text.utf8)
        let rest = Array(bytes[i...])
        if let (name, kind) = matchKind(rest) {
            var j = skipSpaces(rest, name.utf8.count)
            if j < rest.count && rest[j] == colon { j = skipSpaces(rest, j + 1) }
            let written = String(decoding: rest[0..<name.utf8.count], as: UTF8.self)
            let note = String(decoding: rest[j...], as: UTF8.self)
            return .event(EventLine(date: date, time: time, kind: kind, writtenKind: written, note: note), warnings: [])
        }
        let whole = String(decoding: rest, as: UTF8.self)
        let wordBytes = rest.prefix { $0 != colon && !isSpace($0) }
        let word = String(decoding: wordBytes, as: UTF8.self)
        let line = EventLine(date: date, time: time, kind: .note, writtenKind: "", note: whole)
        return .event(line, warnings: [unknownKindWarning(word, at: i)])
    }

    /// The warning for a word that names no kind: a near kind suggested (and fixed when it is
    /// surely a typo), a time in another shape fixed, else the list of kinds.
    static func unknownKindWarning(_ word: String, at offset: Int) -> Warning {
        if word.isEmpty {
            return Warning(offset: offset, message: "event has no kind (known: \(EventKind.knownList)); kept as a note")
        }
        if let fixed = otherTimeShape(word) {
            return Warning(
                offset: offset, message: "'\(word)' is not a time in the form HH:MM; the event is kept as a note",
                replace: (offset, word.utf8.count, fixed))
        }
        if let near = EventKind.nearest(to: word) {
            let letters = word.unicodeScalars.filter { $0.properties.isAlphabetic }.count
            let fixable = near.distance == 1 && letters >= 5
            return Warning(
                offset: offset, message: "unknown event kind '\(word)' (did you mean '\(near.name)'?); kept as a note",
                replace: fixable ? (offset, word.utf8.count, near.name) : nil)
        }
        return Warning(
            offset: offset, message: "unknown event kind '\(word)' (known: \(EventKind.knownList)); kept as a note")
    }

    /// `14h00` or `14.00` as `14:00`; nil for anything else.
    static func otherTimeShape(_ word: String) -> String? {
        let b = Array(word.utf8)
        guard b.count == 4 || b.count == 5 else { return nil }
        let sep = b.count - 3
        guard b[sep] == UInt8(ascii: "h") || b[sep] == UInt8(ascii: "H") || b[sep] == UInt8(ascii: ".") else { return nil }
        guard b.indices.allSatisfy({ $0 == sep || isDigit(b[$0]) }) else { return nil }
        let hour = Int(String(decoding: b[0..<sep], as: UTF8.self)) ?? 99
        let minute = Int(String(decoding: b[(sep + 1)...], as: UTF8.self)) ?? 99
        guard let time = ClockTime(hour: hour, minute: minute) else { return nil }
        return time.description
    }

    /// Kind names and aliases with their bytes, made once.
    static let namesAsBytes = EventKind.namesLongestFirst.map { ($0.0, Array($0.0.utf8), $0.1) }

    /// The longest kind name or alias the text starts with (case-insensitively), followed by `:`,
    /// a space or the end.
    static func matchKind(_ rest: [UInt8]) -> (String, EventKind)? {
        for (name, n, kind) in namesAsBytes {
            guard rest.count >= n.count else { continue }
            var matches = true
            for k in 0..<n.count where lowerASCII(rest[k]) != n[k] {
                matches = false
                break
            }
            guard matches else { continue }
            if rest.count == n.count || rest[n.count] == colon || isSpace(rest[n.count]) {
                return (name, kind)
            }
        }
        return nil
    }

    /// A time at `i`: `H:MM`, `HH:MM`, `2pm`, `2 pm`, `2:30pm`, `3:15 PM`, optionally a range
    /// (`14:00-15:00`, whose start is kept), followed by a space, a `:` or the end. `time` is nil
    /// when the shape is right but the time impossible (`25:00`, `13pm`).
    static func timeToken(_ b: [UInt8], at i: Int) -> (end: Int, time: ClockTime?)? {
        guard let first = oneTime(b, at: i) else { return nil }
        var end = first.end
        if end < b.count, b[end] == dash, let second = oneTime(b, at: end + 1) { end = second.end }
        guard end == b.count || isSpace(b[end]) || b[end] == colon else { return nil }
        return (end, first.time)
    }

    private static func oneTime(_ b: [UInt8], at i: Int) -> (end: Int, time: ClockTime?)? {
        var j = i
        var hour = 0
        while j < b.count && j - i < 2 && isDigit(b[j]) {
            hour = hour * 10 + Int(b[j] - 48)
            j += 1
        }
        guard j > i else { return nil }
        var minute: Int?
        if j + 2 < b.count, b[j] == colon, isDigit(b[j + 1]), isDigit(b[j + 2]) {
            minute = Int(b[j + 1] - 48) * 10 + Int(b[j + 2] - 48)
            j += 3
        }
        // am / pm, straight after or after one space.
        var k = j
        if k < b.count && b[k] == space { k += 1 }
        if k + 1 < b.count, [UInt8(ascii: "a"), UInt8(ascii: "p")].contains(lowerASCII(b[k])),
            lowerASCII(b[k + 1]) == UInt8(ascii: "m"),
            k + 2 == b.count || isSpace(b[k + 2]) || b[k + 2] == colon || b[k + 2] == dash
        {
            let pm = lowerASCII(b[k]) == UInt8(ascii: "p")
            guard (1...12).contains(hour) else { return (k + 2, nil) }
            let hour24 = (hour % 12) + (pm ? 12 : 0)
            return (k + 2, ClockTime(hour: hour24, minute: minute ?? 0))
        }
        guard let minute else { return nil }
        guard j == b.count || isSpace(b[j]) || b[j] == colon || b[j] == dash else { return nil }
        return (j, ClockTime(hour: hour, minute: minute))
    }

    /// Skips a `:` or a `- ` (with the spaces after it) standing between the date, time and kind.
    static func skipSeparator(_ b: [UInt8], _ i: Int) -> Int {
        guard i < b.count else { return i }
        if b[i] == colon { return skipSpaces(b, i + 1) }
        if b[i] == dash && i + 1 < b.count && isSpace(b[i + 1]) { return skipSpaces(b, i + 1) }
        return i
    }

    static let dash = UInt8(ascii: "-")
    static let colon = UInt8(ascii: ":")
    static let space = UInt8(ascii: " ")
    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 }
    static func lowerASCII(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
    static func skipSpaces(_ b: [UInt8], _ from: Int) -> Int {
        var i = from
        while i < b.count && isSpace(b[i]) { i += 1 }
        return i
    }
}
