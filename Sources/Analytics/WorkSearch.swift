import Journal

/// One row of the work-search log: an activity on a day, of an application or on its own.
public struct WorkSearchActivity: Sendable, Hashable {
    public var date: CivilDate
    public var time: ClockTime?
    /// `applied`, `screen`, `interview`, `follow-up`, or nil for an activity of `## Activities`.
    public var kind: EventKind?
    /// The application's slug, when the activity belongs to one.
    public var application: String?
    /// What was done: the event's note, or the activity's text.
    public var text: String
}

/// One ISO week of the work-search log, with its count against the minimum.
public struct WorkSearchWeek: Sendable, Hashable {
    public var week: ISOWeek
    public var activities: [WorkSearchActivity]
    /// Different days with an activity.
    public var days: Int { Set(activities.map(\.date)).count }
    /// Below the minimum (by days when `distinct_days`), or nil when no minimum is set.
    public var short: Bool?
}

/// The weekly proof of a job search (docs/statistics.md): every `applied`, `screen`, `interview`,
/// `follow-up` and activity dated on or before today, by ISO week from the first one to today.
public struct WorkSearchLog: Sendable {
    public var weeks: [WorkSearchWeek]
    public var settings: WorkSearchSettings

    static let countedKinds: Set<EventKind> = [.applied, .screen, .interview, .followUp]

    init(_ facts: [ApplicationFacts], activities: [Activity], settings: WorkSearchSettings, today: CivilDate) {
        self.settings = settings
        var all: [WorkSearchActivity] = []
        for fact in facts {
            for event in fact.past where Self.countedKinds.contains(event.kind) {
                all.append(
                    WorkSearchActivity(
                        date: event.date, time: event.time, kind: event.kind, application: fact.slug,
                        text: event.note))
            }
        }
        for activity in activities where activity.date <= today {
            all.append(
                WorkSearchActivity(date: activity.date, time: activity.time, kind: nil, application: nil, text: activity.text))
        }
        guard let first = all.map(\.date).min() else {
            weeks = []
            return
        }
        // Stable by date and time: the rows of a week read in the order they happened.
        all = all.enumerated().sorted { a, b in
            let ka = (a.element.date, a.element.time?.minutes ?? -1, a.offset)
            let kb = (b.element.date, b.element.time?.minutes ?? -1, b.offset)
            return ka < kb
        }.map(\.element)
        var byWeek: [Int: [WorkSearchActivity]] = [:]
        for item in all { byWeek[ISOWeek(item.date).monday.dayNumber, default: []].append(item) }
        weeks = ISOWeek.range(from: first, to: today).map { week in
            var entry = WorkSearchWeek(week: week, activities: byWeek[week.monday.dayNumber] ?? [], short: nil)
            if let minimum = settings.minimumPerWeek {
                entry.short = (settings.distinctDays ? entry.days : entry.activities.count) < minimum
            }
            return entry
        }
    }
}
