import Analytics
import Foundation
import Journal

/// calendar.ics (RFC 5545): planned events and due actions, with UIDs that survive renumbered slugs.
enum CalendarFile {
    static func ics(_ model: SiteModel) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Followup//Job search journal//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + text(model.journal.config.title),
        ]
        let stamp = compact(model.today) + "T000000Z"
        let timeZone = model.journal.config.timeZone
        for action in model.stats.actions {
            guard let fact = model.factsBySlug[action.application] else { continue }
            let app = fact.application
            let identity = [
                app.company, app.role, app.firstDate?.description ?? "", action.kind.rawValue,
                action.subject.map { "\($0.date) \($0.time?.description ?? "") \($0.kind.rawValue)" } ?? "",
            ].joined(separator: "\u{1F}")
            lines.append("BEGIN:VEVENT")
            lines.append("UID:" + uid(identity))
            lines.append("DTSTAMP:" + stamp)
            if action.kind == .upcoming, let event = action.subject, let time = event.time {
                let local = event.date.dayNumber * 86400 + time.minutes * 60
                let instant = LocalClock.instant(localSeconds: local, timeZone: timeZone)
                lines.append("DTSTART:" + utc(instant))
                lines.append("DTEND:" + utc(instant + 3600))
            } else {
                lines.append("DTSTART;VALUE=DATE:" + compact(action.due))
                lines.append("DTEND;VALUE=DATE:" + compact(action.due.adding(days: 1)))
            }
            let summary: String
            switch action.kind {
            case .upcoming where action.event == .expect: summary = "Answer promised: \(app.title)"
            case .upcoming: summary = "\(action.event.map(Format.kindLabel)?.capitalizedFirst ?? "Event"): \(app.title)"
            case .offerReply: summary = "Answer the offer: \(app.title)"
            case .thankYou: summary = "Send a thank-you note: \(app.title)"
            case .followUp: summary = "Follow up: \(app.title)"
            case .feedbackRequest: summary = "Ask for feedback: \(app.title)"
            case .moveOn: summary = "Move on: \(app.title)"
            }
            lines.append("SUMMARY:" + text(summary))
            if let note = action.subject?.note, !note.isEmpty { lines.append("DESCRIPTION:" + text(note)) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 5545 TEXT escaping: backslash, semicolon, comma and line breaks; other controls dropped.
    static func text(_ value: String) -> String {
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0x5C || $0 == 0x3B || $0 == 0x2C }) { return value }
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Lines longer than 75 octets are folded: CRLF and a space, never inside a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        if line.utf8.count <= 75 { return line }
        var out = ""
        var count = 0
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if count + size > 75 {
                out += "\r\n "
                count = 1
            }
            out.unicodeScalars.append(scalar)
            count += size
        }
        return out
    }

    static func compact(_ date: CivilDate) -> String { String(date.description.filter { $0 != "-" }) }

    static func utc(_ instant: Int) -> String {
        let day = Int((Double(instant) / 86400).rounded(.down))
        let seconds = instant - day * 86400
        let pad = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return compact(CivilDate(dayNumber: day)) + "T" + pad(seconds / 3600) + pad(seconds % 3600 / 60) + pad(seconds % 60) + "Z"
    }

    /// A stable identifier: FNV-1a (64 bit) of the identity, twice with different seeds.
    static func uid(_ identity: String) -> String {
        func fnv(_ seed: UInt64) -> UInt64 {
            var hash = seed
            for byte in identity.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100000001b3
            }
            return hash
        }
        let hex = { (n: UInt64) in String(repeating: "0", count: 16 - String(n, radix: 16).count) + String(n, radix: 16) }
        return hex(fnv(0xcbf29ce484222325)) + hex(fnv(0x84222325cbf29ce4)) + "@followup"
    }
}
