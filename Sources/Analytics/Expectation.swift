import Journal

/// What an employer said about when they would answer (an `expect` event), and whether they did.
///
/// docs/journal.md: the expected date is the first `YYYY-MM-DD` in the note,
/// else the event's own date; the window of answers starts at the `expect` itself when the note
/// names the date, else after the latest candidate- or meeting-side event before it.
public struct Expectation: Sendable, Hashable {
    public enum State: String, Sendable, CaseIterable {
        case met, late, missed, pending
    }

    /// The `expect` event as written.
    public var event: Event
    /// The day the employer promised to answer by.
    public var expected: CivilDate
    /// Whether the promised date stands in the note (told on one day, promised for another).
    public var dateInNote: Bool
    public var state: State
    /// The employer's first answer inside the window, when there is one.
    public var answer: Event?

    /// Every `expect` of an application's events (in event order), judged as of today.
    public static func all(_ events: [Event], policy: Policy, today: CivilDate) -> [Expectation] {
        var result: [Expectation] = []
        for (index, event) in events.enumerated() where event.kind == .expect {
            let inNote = firstISODate(in: event.note)
            let expected = inNote ?? event.date
            let windowStart: Int
            if inNote != nil {
                windowStart = index
            } else {
                windowStart = events[..<index].lastIndex { $0.kind.side == .candidate || $0.kind.side == .meeting } ?? 0
            }
            let answer = events.indices.first { i in
                i > windowStart && events[i].date <= today && events[i].kind.side == .employer
                    && policy.isEmployerContact(events[i].kind)
            }.map { events[$0] }
            let state: State
            if let answer {
                state = answer.date <= expected ? .met : .late
            } else if expected < today {
                state = .missed
            } else {
                state = .pending
            }
            result.append(Expectation(event: event, expected: expected, dateInNote: inNote != nil, state: state, answer: answer))
        }
        return result
    }

    /// The first `YYYY-MM-DD` standing as a word of `text`.
    static func firstISODate(in text: String) -> CivilDate? {
        let b = Array(text.utf8)
        guard b.count >= 10 else { return nil }
        var i = 0
        while i + 10 <= b.count {
            let before = i == 0 || !isDigit(b[i - 1])
            let after = i + 10 == b.count || !isDigit(b[i + 10])
            if before && after, (0..<10).allSatisfy({ $0 == 4 || $0 == 7 ? b[i + $0] == 45 : isDigit(b[i + $0]) }),
                let date = CivilDate(iso: String(decoding: b[i..<(i + 10)], as: UTF8.self))
            {
                return date
            }
            i += 1
        }
        return nil
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
}
