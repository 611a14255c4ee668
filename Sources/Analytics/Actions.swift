import Foundation
import Journal

/// One item of the "what to do now" queue.
public struct Action: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        case feedbackRequest = "feedback-request"
        case followUp = "follow-up"
        case moveOn = "move-on"
        case offerReply = "offer-reply"
        case thankYou = "thank-you"
        case upcoming

        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    public var kind: Kind
    /// The application's slug.
    public var application: String
    /// The application's own spelling of the company.
    public var company: String
    public var role: String
    public var due: CivilDate
    public var overdue: Bool
    /// For `upcoming`: the planned event's kind.
    public var event: EventKind?
    /// The event the action is about (the interview to thank for, the planned event, the last follow-up).
    public var subject: Event?
    /// Slugs of the articles whose topics include the action's kind.
    public var articles: [String]
    /// Position in the application's event order, the last tie-breaker.
    var order: Int
}

/// Builds the action queue of docs/statistics.md from each application's facts.
public enum ActionQueue {
    public static func actions(
        _ all: [ApplicationFacts], policy: Policy, timeZone: TimeZone, today: CivilDate, articles: [Article]
    ) -> [Action] {
        var topics: [String: [String]] = [:]
        for article in articles.sorted(by: { TextKey.precedes($0.slug, $1.slug) }) {
            for topic in Set(article.topics) { topics[topic, default: []].append(article.slug) }
        }
        // Each application's actions on every core, then one sorted list.
        let result = Parallel.map(all) { facts in
            actions(facts, policy: policy, timeZone: timeZone, today: today).map { action in
                var action = action
                action.articles = topics[action.kind.rawValue] ?? []
                return action
            }
        }.joined()
        return result.sorted { a, b in
            if a.due != b.due { return a.due < b.due }
            if a.kind != b.kind { return a.kind < b.kind }
            if a.application != b.application { return TextKey.precedes(a.application, b.application) }
            return a.order < b.order
        }
    }

    static func actions(_ facts: ApplicationFacts, policy: Policy, timeZone: TimeZone, today: CivilDate) -> [Action] {
        let app = facts.application
        let past = facts.past
        var found: [Action] = []
        // A ghosted application asks for nothing.
        if facts.status == .ghosted { return [] }
        func add(_ kind: Action.Kind, due: CivilDate, subject: Event?, order: Int, event: EventKind? = nil) {
            found.append(
                Action(
                    kind: kind, application: app.slug, company: app.company, role: app.role, due: due,
                    overdue: kind != .upcoming && due < today, event: event, subject: subject, articles: [], order: order))
        }

        // thank-you: an interview without its note, while it can still be sent.
        for check in ThankYouRule.checks(facts, policy: policy, timeZone: timeZone, today: today)
        where check.thankYouIndex == nil {
            let interview = past[check.interviewIndex]
            let ended = past[(check.interviewIndex + 1)...].contains { $0.kind.isClosing }
            if !ended && today <= interview.date.adding(days: 7) {
                add(.thankYou, due: check.deadline.date, subject: interview, order: check.interviewIndex)
            }
        }

        // follow-up after a missed `expect`: the day after the latest missed promised date, until
        // a follow-up dated after it is written.
        let missed = facts.expectations.filter { $0.state == .missed }.map(\.expected).max()
        let missedPending = missed.flatMap { date in
            past.contains { $0.kind == .followUp && $0.date > date } ? nil : date
        }
        if facts.isOpen, let missedPending {
            let subject = facts.expectations.last { $0.state == .missed && $0.expected == missedPending }?.event
            add(.followUp, due: missedPending.adding(days: 1), subject: subject, order: past.count)
        }

        // follow-up and feedback-request (a): open applications where the candidate spoke last.
        if facts.isOpen, let latest = facts.latestCountedIndex {
            let lastContact = past.lastIndex { policy.isEmployerContact($0.kind) }
            let from = lastContact ?? facts.appliedIndex
            let followUps = past.indices.filter { index in past[index].kind == .followUp && (from.map { index > $0 } ?? true) }
            let side = past[latest].kind.side
            if (side == .candidate || side == .meeting) && followUps.count < policy.maxFollowUps && missedPending == nil {
                add(
                    .followUp, due: past[latest].date.adding(days: policy.followUpAfterDays), subject: past[latest], order: latest
                )
            }
            if followUps.count >= policy.maxFollowUps, let last = followUps.last,
                !past[(last + 1)...].contains(where: { $0.kind == .feedbackRequest })
            {
                add(
                    .feedbackRequest, due: past[last].date.adding(days: policy.followUpAfterDays), subject: past[last],
                    order: last)
            }
        }

        // feedback-request (b): a rejection after a meeting, not yet asked about.
        if let rejection = past.lastIndex(where: { $0.kind == .rejected }),
            past[..<rejection].contains(where: { $0.kind.isMeeting }),
            !past[(rejection + 1)...].contains(where: { $0.kind == .feedback || $0.kind == .feedbackRequest }),
            today <= past[rejection].date.adding(days: 14)
        {
            add(.feedbackRequest, due: past[rejection].date.adding(days: 7), subject: past[rejection], order: rejection)
        }

        // move-on: silent for long enough.
        if facts.status == .silent, let latest = facts.latestCountedIndex {
            add(.moveOn, due: past[latest].date.adding(days: policy.silentAfterDays), subject: past[latest], order: latest)
        }

        // offer-reply: an offer waiting for an answer, due at the first `expect` after it, else in 7 days.
        if facts.status == .offer, let offerIndex = app.events.lastIndex(where: { $0.kind == .offer && $0.date <= today }) {
            let offer = app.events[offerIndex]
            let deadline = app.events[(offerIndex + 1)...].first { $0.kind == .expect }.flatMap { event in
                facts.expectations.first { $0.event == event }?.expected
            }
            add(.offerReply, due: deadline ?? offer.date.adding(days: 7), subject: offer, order: offerIndex)
        }

        // upcoming: every planned event, and each promised date still ahead.
        for (offset, event) in facts.planned.enumerated() {
            add(.upcoming, due: event.date, subject: event, order: past.count + offset, event: event.kind)
        }
        for (offset, promise) in facts.promisedLater.enumerated() {
            add(
                .upcoming, due: promise.expected, subject: promise.event, order: past.count + facts.planned.count + offset,
                event: .expect)
        }
        return found
    }
}
