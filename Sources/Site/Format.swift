import Analytics
import Journal

/// How figures and dates read on the pages: short, with their counts.
enum Format {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Mar 12"
    static func short(_ date: CivilDate) -> String {
        let c = date.components
        return "\(months[c.month - 1]) \(c.day)"
    }

    /// "Mar 12, 2026"
    static func long(_ date: CivilDate) -> String {
        let c = date.components
        return "\(months[c.month - 1]) \(c.day), \(c.year)"
    }

    /// "March 2026"-style month label for grouping.
    static func month(_ date: CivilDate) -> String {
        let names = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        let c = date.components
        return "\(names[c.month - 1]) \(c.year)"
    }

    static func percent(_ value: Double?) -> String {
        guard let value else { return "–" }
        return "\(Int((value * 100).rounded()))%"
    }

    /// "6 days", "6.5 days", "1 day", "–"
    static func days(_ value: Double?) -> String {
        guard let value else { return "–" }
        let rounded = (value * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return text + (text == "1" ? " day" : " days")
    }

    static func days(_ value: Int?) -> String { days(value.map(Double.init)) }

    /// "9 of 13 (69%)", or just the counts for small groups where a percentage would mislead.
    static func share(_ part: Int, of whole: Int, smallBelow: Int = 5) -> String {
        guard whole > 0 else { return "none yet" }
        if whole < smallBelow { return "\(part) of \(whole)" }
        return "\(part) of \(whole) (\(percent(Double(part) / Double(whole))))"
    }

    /// "in 3 days", "today", "3 days ago"
    static func relative(_ date: CivilDate, today: CivilDate) -> String {
        let d = today.days(to: date)
        switch d {
        case 0: return "today"
        case 1: return "tomorrow"
        case -1: return "yesterday"
        case let n where n > 1: return "in \(n) days"
        default: return "\(-d) days ago"
        }
    }

    /// "10:00" or ""
    static func time(_ event: Event) -> String { event.time?.description ?? "" }

    static func kindLabel(_ kind: EventKind) -> String {
        switch kind {
        case .thankYou: return "thank-you"
        case .followUp: return "follow-up"
        case .feedbackRequest: return "feedback request"
        case .expect: return "answer promised"
        default: return kind.rawValue
        }
    }

    static func statusLabel(_ status: Status) -> String { status.rawValue }
}
