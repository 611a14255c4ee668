import Analytics
import Journal
import Templates

/// The dashboard: what to do today, how the search is going, what is coming up, what happened.
enum DashboardPage {
    static func context(_ model: SiteModel) -> TemplateValue {
        let path = "index.html"
        let stats = model.stats
        let today = model.today
        var context = model.frame(path: path, title: "Dashboard", kind: "dashboard")
        context["figures"] = Figures.value(model.statsJSON)
        // Today: what needs doing, most pressing first; "move on" items are listed apart, since
        // they ask for a decision rather than a message.
        let tasks = stats.actions.filter { $0.kind != .upcoming && $0.kind != .moveOn }
        let now = tasks.filter { $0.due <= today }
        let soon = tasks.filter { $0.due > today && $0.due <= today.adding(days: 7) }
        let moveOn = stats.actions.filter { $0.kind == .moveOn && $0.due <= today }
        context["todo"] = [
            "overdue": .int(now.filter(\.overdue).count), "dueToday": .int(now.filter { !$0.overdue }.count),
            "hasNow": .bool(!now.isEmpty), "actions": .array(now.map { model.actionContext($0, from: path) }),
        ]
        context["policy"] = ["silentAfterDays": .int(model.journal.config.policy.silentAfterDays)]
        context["soon"] = [
            "hasActions": .bool(!soon.isEmpty), "actions": .array(soon.map { model.actionContext($0, from: path) }),
        ]
        context["moveOn"] = [
            "count": .int(moveOn.count), "hasAny": .bool(!moveOn.isEmpty),
            "articles": .array(model.articleLinks(model.articles(about: "move-on").map(\.slug), from: path)),
            "items": .array(
                moveOn.map { action in
                    [
                        "company": .string(action.company), "since": .string(Format.short(action.due)),
                        "href": .string(SitePath.link(from: path, to: SitePath.application(action.application))),
                    ]
                }),
        ]

        let first = stats.firstResponse
        let offers = stats.funnel.offer
        context["headline"] = [
            [
                "value": .string(String(stats.applications)),
                "label": .string(stats.applications == 1 ? "application" : "applications"),
            ],
            [
                "value": .string(Format.percent(first.rate)), "label": "answered",
                "detail": .string("(\(first.responded) of \(first.eligible))"),
            ],
            ["value": .string(Format.days(first.meanDays)), "label": "average first answer"],
            ["value": .string(Format.days(first.kmMedianDays)), "label": "Kaplan–Meier median wait"],
            ["value": .string(String(offers)), "label": .string(offers == 1 ? "offer" : "offers")],
        ]
        context["meanNote"] = .string(
            "The average counts only answered applications (median \(Format.days(first.medianDays?.value))); the Kaplan–Meier median also counts the \(first.eligible - first.responded) still waiting, so it is the more honest figure."
        )
        context["survival"] = StatisticsCharts.survival(first, id: "dash-survival", what: "applications").context
        context["funnel"] = StatisticsCharts.funnel(stats.funnel).context
        context["weekly"] = StatisticsCharts.weekly(stats.weekly, weeks: 8, id: "dash-weekly").context
        context["calendarHref"] = .string(SitePath.link(from: path, to: "calendar.ics"))
        // The current search period, when one holds today.
        if let current = stats.periods.last(where: { $0.period.contains(today) }) {
            context["period"] = [
                "name": .string(current.period.name),
                "href": .string(SitePath.link(from: path, to: StatsPage.periodPath(current.period))),
                "applications": .string(Support.counted(current.figures.applications, "application")),
                "answered": .string(
                    Format.share(current.figures.firstResponse.responded, of: current.figures.firstResponse.eligible)),
            ]
        }
        // This week's work-search count against the minimum, when one is set (not in public builds).
        if !model.options.isPublic, let minimum = stats.workSearch.settings.minimumPerWeek, let week = stats.workSearch.weeks.last
        {
            let counted = stats.workSearch.settings.distinctDays ? week.days : week.activities.count
            context["workSearch"] = [
                "count": .string(
                    stats.workSearch.settings.distinctDays
                        ? Support.counted(counted, "day") : Support.counted(counted, "activity", plural: "activities")),
                "minimum": .int(minimum), "short": .bool(week.short == true),
                "href": .string(SitePath.link(from: path, to: ReportPage.path)),
            ]
        }

        let upcoming = stats.actions.filter { $0.kind == .upcoming }
        context["hasUpcoming"] = .bool(!upcoming.isEmpty)
        context["upcoming"] = .array(
            upcoming.map { action in
                [
                    "date": .string(action.due.description), "day": .string(Format.short(action.due)),
                    "company": .string(action.company),
                    "href": .string(SitePath.link(from: path, to: SitePath.application(action.application))),
                    "what": .string(action.event.map(Format.kindLabel) ?? ""),
                    "time": orNull(action.subject?.date == action.due ? action.subject?.time?.description : nil),
                    "relative": .string(Format.relative(action.due, today: today)),
                ]
            })

        // The twelve latest past events of the whole journal, found by position (fact, event) so
        // that no application is copied for each of its events.
        var recent: [(day: Int, minutes: Int, fact: Int, event: Int)] = []
        for (index, fact) in stats.facts.enumerated() {
            for (position, event) in fact.past.enumerated().suffix(5) {
                recent.append((event.date.dayNumber, event.orderMinutes, index, position))
            }
        }
        recent.sort { ($0.day, $0.minutes) > ($1.day, $1.minutes) }
        context["recent"] = .array(
            recent.prefix(12).map { pair in
                let app = stats.facts[pair.fact].application
                let event = stats.facts[pair.fact].past[pair.event]
                return [
                    "date": .string(event.date.description), "day": .string(Format.short(event.date)),
                    "company": .string(app.company),
                    "href": .string(SitePath.link(from: path, to: SitePath.application(app.slug))),
                    "what": .string(Format.kindLabel(event.kind)),
                ]
            })
        return .object(context)
    }
}
