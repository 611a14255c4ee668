/// The micro-syntax of one event: `YYYY-MM-DD [HH:MM] kind[: note]`, read from the text of a list
/// item's first paragraph as written. (The Markdown structure around it comes from cmark-gfm.)
struct EventLine {
    var date: CivilDate
    var time: ClockTime?
    var kind: EventKind
    var writtenKind: String
    var note: String

    enum Outcome {
        /// Not an event (no date at the start).
        case none
        /// Starts with something date-like in another shape: not an event, and a warning.
        case misshapenDate(String)
        case event(EventLine, warnings: [(column: Int, message: String)])
        /// An impossible date or time: an error at the given byte offset (0-based) of the text.
        case invalid(offset: Int, message: String)
    }

    /// Whether `text` starts with the shape `DDDD-DD-DD` followed by a space or the end.
    static func startsWithISODate(_ text: Substring) -> Bool {
        let b = Array(text.utf8.prefix(11))
        guard b.count >= 10 else { return false }
        for i in 0..<10 where i != 4 && i != 7 {
            guard isDigit(b[i]) else { return false }
        }
        return b[4] == dash && b[7] == dash && (b.count == 10 || isSpace(b[10]))
    }

    static func parse(_ text: Substring) -> Outcome {
        let bytes = Array(text.utf8)
        guard startsWithISODate(text) else {
            if let token = misshapenDateToken(bytes) { return .misshapenDate(token) }
            return .none
        }
        let dateText = String(decoding: bytes[0..<10], as: UTF8.self)
        guard let date = CivilDate(iso: dateText) else {
            return .invalid(offset: 0, message: "invalid date '\(dateText)'")
        }
        var i = skipSpaces(bytes, 10)
        var time: ClockTime?
        if let (end, hour, minute) = timeToken(bytes, at: i) {
            let timeText = String(decoding: bytes[i..<end], as: UTF8.self)
            guard let parsed = ClockTime(hour: hour, minute: minute) else {
                return .invalid(offset: i, message: "invalid time '\(timeText)' (use 00:00 to 23:59)")
            }
            time = parsed
            i = skipSpaces(bytes, end)
        }
        let rest = Array(bytes[i...])
        if let (name, kind) = matchKind(rest) {
            var j = skipSpaces(rest, name.utf8.count)
            if j < rest.count && rest[j] == UInt8(ascii: ":") { j = skipSpaces(rest, j + 1) }
            let written = String(decoding: rest[0..<name.utf8.count], as: UTF8.self)
            let note = String(decoding: rest[j...], as: UTF8.self)
            return .event(EventLine(date: date, time: time, kind: kind, writtenKind: written, note: note), warnings: [])
        }
        let whole = String(decoding: rest, as: UTF8.self)
        let word = String(decoding: rest.prefix { $0 != UInt8(ascii: ":") && !isSpace($0) }, as: UTF8.self)
        let message =
            word.isEmpty
            ? "event has no kind (known: \(EventKind.knownList)); kept as a note"
            : "unknown event kind '\(word)' (known: \(EventKind.knownList)); kept as a note"
        return .event(
            EventLine(date: date, time: time, kind: .note, writtenKind: "", note: whole),
            warnings: [(i, message)])
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
            if rest.count == n.count || rest[n.count] == UInt8(ascii: ":") || isSpace(rest[n.count]) {
                return (name, kind)
            }
        }
        return nil
    }

    /// `H:MM` or `HH:MM` followed by a space or the end.
    static func timeToken(_ b: [UInt8], at i: Int) -> (end: Int, hour: Int, minute: Int)? {
        var j = i
        var hour = 0
        while j < b.count && j - i < 2 && isDigit(b[j]) {
            hour = hour * 10 + Int(b[j] - 48)
            j += 1
        }
        guard j > i, j + 2 < b.count, b[j] == UInt8(ascii: ":"), isDigit(b[j + 1]), isDigit(b[j + 2]) else {
            return nil
        }
        let end = j + 3
        guard end == b.count || isSpace(b[end]) else { return nil }
        return (end, hour, Int(b[j + 1] - 48) * 10 + Int(b[j + 2] - 48))
    }

    /// A date in another shape at the start: `2026-3-03`, `03/01/2026`, `2026.03.01`.
    static func misshapenDateToken(_ b: [UInt8]) -> String? {
        var groups = 0
        var i = 0
        var separator: UInt8?
        while i < b.count {
            let start = i
            while i < b.count && isDigit(b[i]) && i - start < 4 { i += 1 }
            let length = i - start
            guard length >= 1 else { return nil }
            groups += 1
            if groups == 3 {
                guard i == b.count || isSpace(b[i]) || b[i] == UInt8(ascii: ":") else { return nil }
                return String(decoding: b[0..<i], as: UTF8.self)
            }
            guard i < b.count else { return nil }
            let sep = b[i]
            guard sep == dash || sep == UInt8(ascii: "/") || sep == UInt8(ascii: "."), separator == nil || separator == sep
            else { return nil }
            separator = sep
            i += 1
        }
        return nil
    }

    static let dash = UInt8(ascii: "-")
    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 }
    static func lowerASCII(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
    static func skipSpaces(_ b: [UInt8], _ from: Int) -> Int {
        var i = from
        while i < b.count && isSpace(b[i]) { i += 1 }
        return i
    }
}
