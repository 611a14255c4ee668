import Foundation
import Journal

/// The thank-you rule: a note within H hours of each interview, judged against its deadline.
public enum ThankYouRule {
    public enum Verdict: Sendable, Hashable {
        case withinDeadline, late, missing
        /// No thank-you yet, and the deadline has not passed: not counted.
        case pending
    }

    /// The deadline of one interview, as a local date and (when the interview had a time) a time.
    public struct Deadline: Sendable, Hashable {
        public var date: CivilDate
        public var minutes: Int?
    }

    /// One interview's verdict, with the index (in `facts.past`) of its matching thank-you.
    public struct Check: Sendable {
        public var interviewIndex: Int
        public var thankYouIndex: Int?
        public var deadline: Deadline
        public var verdict: Verdict
    }

    /// The deadline: the interview's time plus H real hours in the site's time zone, or, for an
    /// untimed interview, the end of the day ⌈H/24⌉ days after it.
    public static func deadline(for interview: Event, hours: Int, timeZone: TimeZone) -> Deadline {
        guard let time = interview.time else {
            return Deadline(date: interview.date.adding(days: (hours + 23) / 24), minutes: nil)
        }
        let local = interview.date.dayNumber * 86400 + time.minutes * 60
        let instant = LocalClock.instant(localSeconds: local, timeZone: timeZone) + hours * 3600
        let after = LocalClock.localSeconds(instant: instant, timeZone: timeZone)
        let day = Int((Double(after) / 86400).rounded(.down))
        return Deadline(date: CivilDate(dayNumber: day), minutes: (after - day * 86400) / 60)
    }

    /// Every interview dated on or before today, judged.
    public static func checks(_ facts: ApplicationFacts, policy: Policy, timeZone: TimeZone, today: CivilDate) -> [Check] {
        let past = facts.past
        var result: [Check] = []
        for index in past.indices where past[index].kind == .interview {
            let interview = past[index]
            let next = past[(index + 1)...].firstIndex { $0.kind == .interview } ?? past.count
            let match = past[(index + 1)..<next].firstIndex { $0.kind == .thankYou }
            let deadline = deadline(for: interview, hours: policy.thankYouWithinHours, timeZone: timeZone)
            let verdict: Verdict
            if let match {
                let note = past[match]
                if let limit = deadline.minutes, let sent = note.time, interview.time != nil {
                    verdict = (note.date, sent.minutes) <= (deadline.date, limit) ? .withinDeadline : .late
                } else {
                    verdict = note.date <= deadline.date ? .withinDeadline : .late
                }
            } else {
                verdict = deadline.date < today ? .missing : .pending
            }
            result.append(Check(interviewIndex: index, thankYouIndex: match, deadline: deadline, verdict: verdict))
        }
        return result
    }
}

/// Converts between local wall-clock seconds and instants for a time zone (Foundation knows the rules).
public enum LocalClock {
    public static func localSeconds(instant: Int, timeZone: TimeZone) -> Int {
        instant + timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
    }

    /// The instant a local time names; in a gap or overlap, the offset in force just before it.
    public static func instant(localSeconds local: Int, timeZone: TimeZone) -> Int {
        let guess = local - timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local)))
        return local - timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(guess)))
    }
}
