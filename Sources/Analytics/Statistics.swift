import Foundation
import Journal

/// How often feedback was asked for and given: the number of applications with a past
/// `feedback-request`, and with a past `feedback` event.
public struct FeedbackCounts: Sendable, Hashable {
    public var asked = 0
    public var received = 0

    public init(asked: Int = 0, received: Int = 0) {
        self.asked = asked
        self.received = received
    }

    init(_ facts: [ApplicationFacts]) {
        for fact in facts {
            if fact.past.contains(where: { $0.kind == .feedbackRequest }) { asked += 1 }
            if fact.past.contains(where: { $0.kind == .feedback }) { received += 1 }
        }
    }
}

/// Every figure of docs/statistics.md for one journal as of one day: what stats.json and the pages show.
public struct Statistics: Sendable {
    public var today: CivilDate
    public var applications: Int
    public var byStatus: [Status: Int]
    public var firstResponse: WaitFigures
    public var decision: WaitFigures
    public var silence: [SilenceRow]
    public var followUpEffect: FollowUpEffect
    public var thankYou: ThankYouFigures
    public var companies: [CompanyFigures]
    public var actions: [Action]
    /// Per application, in the journal's order: the facts pages draw from.
    public var facts: [ApplicationFacts]
    public var funnel: Funnel
    public var weekly: [WeekActivity]
    public var breakdowns: Breakdowns
    public var flows: [Flow]
    public var expectations: ExpectationCounts
    public var periods: [PeriodFigures]
    public var workSearch: WorkSearchLog
    /// Applications where you asked for feedback, and where feedback came (docs/statistics.md).
    public var feedback = FeedbackCounts()
}

/// Counts and durations of one kind of wait (first response or decision).
public struct WaitFigures: Sendable {
    public var eligible: Int
    public var responded: Int
    public var rate: Double?
    public var meanDays: Double?
    public var medianDays: DayFigure?
    public var p90Days: Int?
    public var kaplanMeier: KaplanMeier
    public var kmMedianDays: Int?
    /// S(t) at 7, 14, 30 and 60 days.
    public var survival: [(day: Int, stillWaiting: Double?)]
    /// Every wait, for charts.
    public var waits: [Wait]

    public static let survivalDays = [7, 14, 30, 60]

    public init(_ waits: [Wait]) {
        self.waits = waits
        let observed = waits.filter(\.observed).map(\.days)
        eligible = waits.count
        responded = observed.count
        rate = waits.isEmpty ? nil : Double(observed.count) / Double(waits.count)
        meanDays = Summary.mean(observed)
        medianDays = Summary.median(observed)
        p90Days = Summary.p90(observed)
        let km = KaplanMeier(waits)
        kaplanMeier = km
        kmMedianDays = km.median
        survival = Self.survivalDays.map { ($0, km.survival(at: $0)) }
    }
}

/// "Of your applications still silent after w days, this share later heard back."
public struct SilenceRow: Sendable, Hashable {
    public var afterDays: Int
    public var stillSilent: Int
    public var laterReplied: Int
    public var share: Double? { stillSilent == 0 ? nil : Double(laterReplied) / Double(stillSilent) }

    public static let thresholds = [7, 14, 30]
}

/// A group of applications and how many of them got the answer being measured.
public struct Group: Sendable, Hashable {
    public var applications = 0
    public var answered = 0
    public var rate: Double? { applications == 0 ? nil : Double(answered) / Double(applications) }

    /// Adds one application to the group, answered when its wait was observed.
    mutating func count(_ wait: Wait) {
        applications += 1
        if wait.observed { answered += 1 }
    }
}

/// With and without follow-ups, after applying and after a meeting.
public struct FollowUpEffect: Sendable, Hashable {
    public var afterApplyingWith = Group()
    public var afterApplyingWithout = Group()
    public var afterInterviewWith = Group()
    public var afterInterviewWithout = Group()
}

/// Thank-you notes judged against their deadlines: interviews = on time + late + missing.
public struct ThankYouFigures: Sendable, Hashable {
    public var withinDeadline = 0
    public var late = 0
    public var missing = 0
    public var interviews: Int { withinDeadline + late + missing }
}

/// Response figures for one company (companies compared trimmed, NFC, lower-cased).
public struct CompanyFigures: Sendable, Hashable {
    public var company: String
    public var key: String
    public var applications: Int
    public var responded: Int
    public var meanResponseDays: Double?
    public var medianResponseDays: DayFigure?
    public var pending: Int
    /// Slugs of the company's applications, in journal order.
    public var applicationSlugs: [String]
}

/// Computes `Statistics` from a journal: a pure function of its applications, policy and today.
public enum Analyzer {
    public static func statistics(
        applications: [Application], articles: [Article] = [], activities: [Activity] = [], policy: Policy,
        timeZone: TimeZone = TimeZone(identifier: "UTC")!, periods: [SearchPeriod] = [],
        workSearch: WorkSearchSettings = WorkSearchSettings(), today: CivilDate, cache: FactsCache? = nil
    ) -> Statistics {
        let facts =
            cache?.facts(applications, today: today, policy: policy)
            ?? Parallel.map(applications) { ApplicationFacts($0, today: today, policy: policy) }
        let thankYouChecks = Parallel.map(facts) { ThankYouRule.checks($0, policy: policy, timeZone: timeZone, today: today) }
        var byStatus: [Status: Int] = [:]
        for status in Status.allCases { byStatus[status] = 0 }
        var effect = FollowUpEffect()
        var thankYou = ThankYouFigures()
        for (fact, checks) in zip(facts, thankYouChecks) {
            byStatus[fact.status, default: 0] += 1
            if let followed = fact.followedUpAfterApplying, let wait = fact.firstResponse {
                if followed {
                    effect.afterApplyingWith.count(wait)
                } else {
                    effect.afterApplyingWithout.count(wait)
                }
            }
            if let followed = fact.followedUpAfterMeeting, let wait = fact.decision {
                if followed {
                    effect.afterInterviewWith.count(wait)
                } else {
                    effect.afterInterviewWithout.count(wait)
                }
            }
            for check in checks {
                switch check.verdict {
                case .withinDeadline: thankYou.withinDeadline += 1
                case .late: thankYou.late += 1
                case .missing: thankYou.missing += 1
                case .pending: break
                }
            }
        }
        let firstWaits = facts.compactMap(\.firstResponse)
        let silence = SilenceRow.thresholds.map { w in
            let silent = firstWaits.filter { $0.days > w }
            return SilenceRow(afterDays: w, stillSilent: silent.count, laterReplied: silent.filter(\.observed).count)
        }
        // The figures below read the facts and nothing else: made side by side on every core.
        let parts = Figures()
        DispatchQueue.concurrentPerform(iterations: 10) { part in
            switch part {
            case 0: parts.companies = companies(facts)
            case 1:
                parts.actions = ActionQueue.actions(facts, policy: policy, timeZone: timeZone, today: today, articles: articles)
            case 2: parts.funnel = Funnel(facts)
            case 3: parts.weekly = WeekActivity.weeks(facts, today: today)
            case 4: parts.breakdowns = Breakdowns(facts)
            case 5: parts.flows = Flow.flows(facts)
            case 6: parts.expectations = ExpectationCounts(facts)
            case 7: parts.periods = PeriodFigures.all(periods, facts: facts)
            case 8:
                parts.workSearch = WorkSearchLog(facts, activities: activities, settings: workSearch, today: today)
            default:
                parts.waits = (WaitFigures(firstWaits), WaitFigures(facts.compactMap(\.decision)))
            }
        }
        return Statistics(
            today: today, applications: applications.count, byStatus: byStatus,
            firstResponse: parts.waits!.first, decision: parts.waits!.decision,
            silence: silence, followUpEffect: effect, thankYou: thankYou, companies: parts.companies!,
            actions: parts.actions!, facts: facts, funnel: parts.funnel!, weekly: parts.weekly!,
            breakdowns: parts.breakdowns!, flows: parts.flows!, expectations: parts.expectations!,
            periods: parts.periods!, workSearch: parts.workSearch!, feedback: FeedbackCounts(facts))
    }

    /// The parts of `statistics` made concurrently, each written by exactly one worker and read
    /// only after all are done.
    private final class Figures: @unchecked Sendable {
        var companies: [CompanyFigures]?
        var actions: [Action]?
        var funnel: Funnel?
        var weekly: [WeekActivity]?
        var breakdowns: Breakdowns?
        var flows: [Flow]?
        var expectations: ExpectationCounts?
        var periods: [PeriodFigures]?
        var workSearch: WorkSearchLog?
        var waits: (first: WaitFigures, decision: WaitFigures)?
    }

    /// Convenience: the statistics of a loaded journal (its policy, time zone and articles).
    public static func statistics(_ journal: Journal, today: CivilDate, cache: FactsCache? = nil) -> Statistics {
        statistics(
            applications: journal.applications, articles: journal.articles.filter { !$0.isDraft },
            activities: journal.activities, policy: journal.config.policy, timeZone: journal.config.timeZone,
            periods: journal.config.periods, workSearch: journal.config.workSearch, today: today, cache: cache)
    }

    static func companies(_ facts: [ApplicationFacts]) -> [CompanyFigures] {
        // Groups hold indexes: copying the facts of every application into groups was most of the cost.
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        let keys = Parallel.map(facts) { $0.application.companyKey }
        for (index, key) in keys.enumerated() {
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        // Applications arrive in file path order, so the first of each group gives the spelling.
        return Parallel.map(order.sorted(by: TextKey.precedes)) { key in
            let members = groups[key] ?? []
            let observed = members.compactMap { facts[$0].firstResponse }.filter(\.observed).map(\.days)
            let pending = members.filter { index in
                guard let wait = facts[index].firstResponse, !wait.observed else { return false }
                return !facts[index].isClosed && facts[index].status != .ghosted
            }.count
            return CompanyFigures(
                company: members.first.map { facts[$0].application.companyDisplay } ?? key, key: key, applications: members.count,
                responded: observed.count, meanResponseDays: Summary.mean(observed),
                medianResponseDays: Summary.median(observed), pending: pending,
                applicationSlugs: members.map { facts[$0].slug })
        }
    }
}
