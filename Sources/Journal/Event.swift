/// One dated line of the journal: something that happened (or is planned) in an application.
public struct Event: Sendable, Hashable {
    public var date: CivilDate
    /// The time as written, if any.
    public var time: ClockTime?
    /// Minutes since midnight used for ordering: the written time, or the time inherited from the
    /// nearest timed event written above on the same day (0 when there is none).
    public var orderMinutes: Int
    public var kind: EventKind
    /// The kind word as the user wrote it ("nudge", "Phone-Screen"); empty for an unknown kind.
    public var writtenKind: String
    /// The inline Markdown after the kind (without a leading `:`), or the whole text for an unknown kind.
    public var note: String
    /// Further Markdown nested in the list item (sub-lists, more paragraphs).
    public var details: String
    public var location: SourceLocation
    /// Position among the application's events as written (0-based): the tie-breaker of event order.
    public var writtenIndex: Int
    /// The last line of the event's list item in its file (the item may hold nested notes).
    public var endLine: Int = 0

    public init(
        date: CivilDate, time: ClockTime?, kind: EventKind, writtenKind: String = "", note: String = "",
        details: String = "", location: SourceLocation, writtenIndex: Int = 0, orderMinutes: Int? = nil, endLine: Int = 0
    ) {
        self.endLine = endLine
        self.date = date
        self.time = time
        self.kind = kind
        self.writtenKind = writtenKind
        self.note = note
        self.details = details
        self.location = location
        self.writtenIndex = writtenIndex
        self.orderMinutes = orderMinutes ?? time?.minutes ?? 0
    }
}

extension Array where Element == Event {
    /// Puts events in event order (docs/journal.md): untimed events inherit the time of the
    /// nearest timed event written above them on the same day, then a stable sort by date and time.
    public func inEventOrder() -> [Event] {
        var written = self.sorted { $0.writtenIndex < $1.writtenIndex }
        var lastTimeOnDay: [Int: Int] = [:]
        for index in written.indices {
            let day = written[index].date.dayNumber
            if let time = written[index].time {
                written[index].orderMinutes = time.minutes
                lastTimeOnDay[day] = time.minutes
            } else {
                written[index].orderMinutes = lastTimeOnDay[day] ?? 0
            }
        }
        return written.enumerated().sorted { a, b in
            let ka = (a.element.date.dayNumber, a.element.orderMinutes)
            let kb = (b.element.date.dayNumber, b.element.orderMinutes)
            return ka == kb ? a.offset < b.offset : ka < kb
        }.map(\.element)
    }
}
