import Journal

/// The stages of the search as counted over eligible applications (docs/statistics.md
/// section 5): each stage on its own, so an offer that came without a meeting counts in `offer`.
public struct Funnel: Sendable, Hashable {
    public var applied = 0
    public var responded = 0
    public var meeting = 0
    public var offer = 0
    public var accepted = 0

    public init(_ facts: [ApplicationFacts]) {
        for fact in facts where fact.isEligible {
            applied += 1
            if fact.firstResponse?.observed == true { responded += 1 }
            if fact.reachedMeeting { meeting += 1 }
            if fact.reachedOffer { offer += 1 }
            if fact.past.contains(where: { $0.kind == .accepted }) { accepted += 1 }
        }
    }
}

/// One ISO week of activity: `applied` events and the messages you sent (thank-you, follow-up,
/// feedback-request).
public struct WeekActivity: Sendable, Hashable {
    public var week: ISOWeek
    public var applied: Int
    public var other: Int

    /// Every week from the earliest event dated on or before today to today's week, oldest first.
    static func weeks(_ facts: [ApplicationFacts], today: CivilDate) -> [WeekActivity] {
        // Dates and kinds only: copying every event with its texts was most of the cost.
        let past = facts.flatMap { fact in fact.past.map { (date: $0.date, kind: $0.kind) } }
        guard let earliest = past.map(\.date).min() else { return [] }
        var applied: [Int: Int] = [:]
        var other: [Int: Int] = [:]
        for event in past {
            let monday = ISOWeek(event.date).monday.dayNumber
            switch event.kind {
            case .applied: applied[monday, default: 0] += 1
            case .thankYou, .followUp, .feedbackRequest: other[monday, default: 0] += 1
            default: break
            }
        }
        return ISOWeek.range(from: earliest, to: today).map { week in
            let key = week.monday.dayNumber
            return WeekActivity(week: week, applied: applied[key] ?? 0, other: other[key] ?? 0)
        }
    }
}

/// An ISO week (Monday to Sunday), named `YYYY-Www` by the ISO year of its Thursday.
public struct ISOWeek: Sendable, Hashable, CustomStringConvertible {
    public var monday: CivilDate
    public var sunday: CivilDate { monday.adding(days: 6) }

    public init(_ date: CivilDate) {
        monday = date.adding(days: 1 - date.isoWeekday)
    }

    public var description: String {
        let thursday = monday.adding(days: 3)
        let year = thursday.components.year
        let firstDay = CivilDate(year: year, month: 1, day: 1) ?? thursday
        let number = firstDay.days(to: thursday) / 7 + 1
        return "\(year)-W\(number < 10 ? "0" : "")\(number)"
    }

    /// The weeks from the one holding `from` to the one holding `to`, in order.
    public static func range(from: CivilDate, to: CivilDate) -> [ISOWeek] {
        var weeks: [ISOWeek] = []
        var week = ISOWeek(from)
        let last = ISOWeek(to).monday
        while week.monday <= last {
            weeks.append(week)
            week = ISOWeek(week.monday.adding(days: 7))
        }
        return weeks
    }
}

/// One group of a breakdown: how the eligible applications of one source, tag, month or weekday fared.
public struct BreakdownGroup: Sendable {
    /// The group's key; nil for applications without a source or tags.
    public var key: String?
    public var applications = 0
    public var responded = 0
    public var meeting = 0
    public var offer = 0
    public var waits: [Wait] = []
    public var rate: Double? { applications == 0 ? nil : Double(responded) / Double(applications) }
    public var kmMedianDays: Int? { KaplanMeier(waits).median }

    /// Groups under this size show counts only, never a bare rate (the pages' rule).
    public static let smallestRated = 5

    mutating func add(_ fact: ApplicationFacts) {
        applications += 1
        if let wait = fact.firstResponse {
            waits.append(wait)
            if wait.observed { responded += 1 }
        }
        if fact.reachedMeeting { meeting += 1 }
        if fact.reachedOffer { offer += 1 }
    }
}

/// Eligible applications grouped by source, tag, month and weekday of the first `applied`.
public struct Breakdowns: Sendable {
    public var source: [BreakdownGroup]
    public var tag: [BreakdownGroup]
    public var month: [BreakdownGroup]
    public var weekday: [BreakdownGroup]

    public static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// Trimmed, lower-cased, runs of white space one space: how sources and tags are grouped.
    public static func key(_ text: String) -> String {
        TextKey.normalized(text).split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    public init(_ facts: [ApplicationFacts]) {
        var source: [String?: BreakdownGroup] = [:]
        var tag: [String?: BreakdownGroup] = [:]
        var month: [String: BreakdownGroup] = [:]
        var weekday: [Int: BreakdownGroup] = [:]
        // A journal has a handful of sources and tags written thousands of times: each is keyed once.
        var keys: [String: String] = [:]
        func key(_ text: String) -> String {
            if let known = keys[text] { return known }
            let made = Self.key(text)
            keys[text] = made
            return made
        }
        var monthKeys: [Int: String] = [:]
        for fact in facts where fact.isEligible {
            let app = fact.application
            let sourceKey = app.source.map(key).flatMap { $0.isEmpty ? nil : $0 }
            source[sourceKey, default: BreakdownGroup(key: sourceKey)].add(fact)
            var tags: [String] = []
            for t in app.tags.map(key) where !t.isEmpty && !tags.contains(t) { tags.append(t) }
            if tags.isEmpty {
                tag[nil, default: BreakdownGroup(key: nil)].add(fact)
            } else {
                for t in tags { tag[t, default: BreakdownGroup(key: t)].add(fact) }
            }
            if let applied = fact.appliedIndex.map({ fact.past[$0].date }) {
                let (y, m, _) = applied.components
                let monthKey =
                    monthKeys[y * 12 + m]
                    ?? {
                        let made = "\(y)-\(m < 10 ? "0" : "")\(m)"
                        monthKeys[y * 12 + m] = made
                        return made
                    }()
                month[monthKey, default: BreakdownGroup(key: monthKey)].add(fact)
                let day = applied.isoWeekday
                weekday[day, default: BreakdownGroup(key: Self.weekdayNames[day - 1])].add(fact)
            }
        }
        func bySize(_ groups: [String?: BreakdownGroup]) -> [BreakdownGroup] {
            groups.values.sorted { a, b in
                if a.applications != b.applications { return a.applications > b.applications }
                switch (a.key, b.key) {
                case let (x?, y?): return TextKey.precedes(x, y)
                case (_?, nil): return true
                default: return false
                }
            }
        }
        self.source = bySize(source)
        self.tag = bySize(tag)
        self.month = month.keys.sorted().compactMap { month[$0] }
        self.weekday = (1...7).compactMap { weekday[$0] }
    }
}

/// One link of the Sankey diagram of the search: how many applications went from one stage to the next.
public struct Flow: Sendable, Hashable {
    public var from: String
    public var to: String
    public var applications: Int

    /// The nodes in diagram order; the outcome nodes follow `offer`.
    public static let nodes = [
        "applied", "response", "meeting", "offer", "accepted", "declined", "rejected", "withdrew", "ghosted", "silent", "open",
    ]

    /// Each eligible application's walk applied → response → meeting → offer → outcome, counted per step.
    static func flows(_ facts: [ApplicationFacts]) -> [Flow] {
        var counts: [String: Int] = [:]
        for fact in facts where fact.isEligible {
            var chain = ["applied"]
            if fact.firstResponse?.observed == true { chain.append("response") }
            if fact.reachedMeeting { chain.append("meeting") }
            if fact.reachedOffer { chain.append("offer") }
            switch fact.status {
            case .accepted, .declined, .rejected, .withdrew, .ghosted, .silent: chain.append(fact.status.rawValue)
            default: chain.append("open")
            }
            for (a, b) in zip(chain, chain.dropFirst()) { counts[a + ">" + b, default: 0] += 1 }
        }
        let position = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, $0) })
        return counts.map { key, count -> Flow in
            let parts = key.split(separator: ">").map(String.init)
            return Flow(from: parts[0], to: parts[1], applications: count)
        }.sorted { a, b in
            let pa = (position[a.from] ?? 99, position[a.to] ?? 99)
            let pb = (position[b.from] ?? 99, position[b.to] ?? 99)
            return pa < pb
        }
    }
}

/// How many of the employers' promised dates were kept.
public struct ExpectationCounts: Sendable, Hashable {
    public var set = 0
    public var met = 0
    public var late = 0
    public var missed = 0
    public var pending = 0

    init(_ facts: [ApplicationFacts]) {
        for expectation in facts.flatMap(\.expectations) {
            set += 1
            switch expectation.state {
            case .met: met += 1
            case .late: late += 1
            case .missed: missed += 1
            case .pending: pending += 1
            }
        }
    }
}

/// The figures that are computed alike for the whole search and for each period.
public struct ScopeFigures: Sendable {
    public var applications: Int
    public var byStatus: [Status: Int]
    public var firstResponse: WaitFigures
    public var decision: WaitFigures
    public var funnel: Funnel
    public var breakdowns: Breakdowns

    public init(
        applications: Int, byStatus: [Status: Int], firstResponse: WaitFigures, decision: WaitFigures, funnel: Funnel,
        breakdowns: Breakdowns
    ) {
        self.applications = applications
        self.byStatus = byStatus
        self.firstResponse = firstResponse
        self.decision = decision
        self.funnel = funnel
        self.breakdowns = breakdowns
    }

    init(_ facts: [ApplicationFacts]) {
        applications = facts.count
        var byStatus: [Status: Int] = [:]
        for status in Status.allCases { byStatus[status] = 0 }
        for fact in facts { byStatus[fact.status, default: 0] += 1 }
        self.byStatus = byStatus
        firstResponse = WaitFigures(facts.compactMap(\.firstResponse))
        decision = WaitFigures(facts.compactMap(\.decision))
        funnel = Funnel(facts)
        breakdowns = Breakdowns(facts)
    }
}

/// A search period of site.yml with the figures of its applications (those whose first event falls in it).
public struct PeriodFigures: Sendable {
    public var period: SearchPeriod
    public var figures: ScopeFigures
    /// Slugs of the period's applications, in journal order.
    public var applicationSlugs: [String]

    static func all(_ periods: [SearchPeriod], facts: [ApplicationFacts]) -> [PeriodFigures] {
        periods.map { period in
            let members = facts.filter { fact in fact.firstDate.map(period.contains) ?? false }
            return PeriodFigures(
                period: period, figures: ScopeFigures(members), applicationSlugs: members.map { $0.slug })
        }
    }
}
