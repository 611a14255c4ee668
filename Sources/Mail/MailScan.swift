import Analytics
import Foundation
import Journal

/// `followup mail`: every message of the mailboxes read, matched and classified, with the
/// suggestions the journal does not already hold.
public struct MailScan: Sendable {
    public var suggestions: [MailSuggestion] = []
    public var read = 0
    public var matched = 0
    public var skipped = 0
    public var problems: [String] = []

    public static func run(paths: [String], journal: Journal, today: CivilDate, since: CivilDate? = nil) -> MailScan {
        let facts = journal.applications.map { ApplicationFacts($0, today: today, policy: journal.config.policy) }
        let matcher = MailMatcher(facts: facts, me: journal.config.me, timeZone: journal.config.timeZone)
        let bySlug = Dictionary(uniqueKeysWithValues: journal.applications.map { ($0.slug, $0) })
        var scan = MailScan()
        var reader = MailboxReader()
        reader.forEachMessage(in: paths) { data, _ in
            scan.read += 1
            guard let message = MailMessage.parse(data) else {
                scan.skipped += 1
                return
            }
            guard let suggestion = matcher.suggestion(for: message) else { return }
            if let since, suggestion.date < since { return }
            scan.matched += 1
            guard let app = bySlug[suggestion.application] else { return }
            // Already written within a day (or suggested from another message): nothing new.
            let near = { (date: CivilDate) in abs(date.days(to: suggestion.date)) <= 1 }
            if app.events.contains(where: { $0.kind == suggestion.kind && near($0.date) }) { return }
            if scan.suggestions.contains(where: {
                $0.application == suggestion.application && $0.kind == suggestion.kind && near($0.date)
            }) {
                return
            }
            scan.suggestions.append(suggestion)
        }
        scan.skipped += reader.oversized
        scan.problems = reader.problems
        scan.suggestions.sort {
            ($0.date, $0.time?.minutes ?? 0, $0.application) < ($1.date, $1.time?.minutes ?? 0, $1.application)
        }
        return scan
    }
}
