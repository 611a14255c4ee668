/// The kinds of event a journal line can name, with the side of the conversation each belongs to.
public enum EventKind: String, Sendable, CaseIterable, Hashable, Codable {
    case applied, acknowledged, reply, invited, assessment, screen, interview
    case thankYou = "thank-you"
    case followUp = "follow-up"
    case feedbackRequest = "feedback-request"
    case feedback, offer, rejected, withdrew, accepted, declined, note
    /// I stopped waiting for this one (a deciding event, cancelled by a later employer contact).
    case ghosted
    /// A date by which the employer said they would answer (or an offer's deadline).
    case expect

    /// Who acted: the reader of docs/statistics.md counts "employer contact" from this.
    public enum Side: String, Sendable {
        case candidate, employer, meeting, neutral
    }

    public var side: Side {
        switch self {
        case .applied, .thankYou, .followUp, .feedbackRequest, .withdrew, .accepted, .declined, .ghosted: return .candidate
        case .acknowledged, .reply, .invited, .assessment, .feedback, .offer, .rejected: return .employer
        case .screen, .interview: return .meeting
        case .note, .expect: return .neutral
        }
    }

    /// Other words a user may write for this kind.
    public var aliases: [String] {
        switch self {
        case .applied: return ["apply", "application", "sent application"]
        case .acknowledged: return ["ack", "confirmation", "auto-reply"]
        case .reply: return ["replied", "response", "email", "call"]
        case .invited: return ["invite", "invitation", "scheduled"]
        case .assessment: return ["take-home", "test", "challenge"]
        case .screen: return ["phone-screen", "recruiter-call", "phone screen", "recruiter call"]
        case .interview: return ["onsite", "technical", "panel", "final"]
        case .thankYou: return ["thanks", "thank-you-note", "thank you"]
        case .followUp: return ["followup", "nudge", "check-in", "follow up"]
        case .feedbackRequest: return ["asked-feedback", "feedback request", "asked for feedback"]
        case .rejected: return ["rejection", "declined-by-employer", "reject"]
        case .withdrew: return ["withdrawn", "withdraw"]
        case .ghosted: return ["moved-on", "no-response", "closed"]
        case .expect: return ["expected", "deadline", "reply-by"]
        case .feedback, .offer, .accepted, .declined, .note: return []
        }
    }

    /// Ends the process from the candidate's side or with the employer's no: the "final outcome".
    public var isClosing: Bool {
        switch self {
        case .accepted, .declined, .withdrew, .rejected: return true
        default: return false
        }
    }

    /// The kinds that decide the derived status when they are the latest of them.
    public var isOutcome: Bool { isClosing || self == .offer }

    /// A candidate's own outcome: it censors a wait.
    public var isCandidateOutcome: Bool { self == .withdrew || self == .declined || self == .accepted }

    public var isMeeting: Bool { side == .meeting }

    /// Every name and alias, longest first, lower-cased: what the longest-prefix rule tries in turn.
    public static let namesLongestFirst: [(name: String, kind: EventKind)] = {
        var all: [(String, EventKind)] = []
        for kind in allCases {
            all.append((kind.rawValue, kind))
            for alias in kind.aliases { all.append((alias, kind)) }
        }
        return all.sorted { $0.0.utf8.count > $1.0.utf8.count }
    }()

    /// The canonical names, in the table's order, for messages that list them.
    public static var knownList: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The nearest kind name or alias to a word that names none (optimal-string-alignment distance
    /// at most 2), with its distance; nil when nothing is that near.
    public static func nearest(to word: String) -> (name: String, kind: EventKind, distance: Int)? {
        let lower = Array(word.lowercased().unicodeScalars)
        var best: (String, EventKind, Int)?
        for (name, kind) in namesLongestFirst.reversed() {
            let distance = EditDistance.osa(lower, Array(name.unicodeScalars))
            if distance <= 2, best.map({ distance < $0.2 }) ?? true { best = (name, kind, distance) }
        }
        return best.map { (name: $0.0, kind: $0.1, distance: $0.2) }
    }
}
