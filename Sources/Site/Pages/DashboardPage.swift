import Analytics
import Journal

/// The dashboard: what to do today, how the search is going, what is coming up, what happened.
enum DashboardPage {
    static func context(_ model: SiteModel) -> [String: Any] {
        let path = "index.html"
        let stats = model.stats
        let today = model.today
        var context = model.frame(path: path, title: "Dashboard", kind: "dashboard")
        // Today: what needs doing, most pressing first; "move on" items are listed apart, since
        // they ask for a decision rather than a message.
        let tasks = stats.actions.filter { $0.kind != .upcoming && $0.kind != .moveOn }
        let now = tasks.filter { $0.due <= today }
        let soon = tasks.filter { $0.due > today && $0.due <= today.adding(days: 7) }
        let moveOn = stats.actions.filter { $0.kind == .moveOn && $0.due <= today }
        context["todo"] =
            [
                "overdue": now.filter(\.overdue).count, "dueToday": now.filter { !$0.overdue }.count,
                "hasNow": !now.isEmpty, "actions": now.map { model.actionContext($0, from: path) },
            ] as [String: Any]
        context["policy"] = ["silentAfterDays": model.journal.config.policy.silentAfterDays]
        context["soon"] =
            ["hasActions": !soon.isEmpty, "actions": soon.map { model.actionContext($0, from: path) }] as [String: Any]
        context["moveOn"] =
            [
                "count": moveOn.count, "hasAny": !moveOn.isEmpty,
                "articles": model.articleLinks(model.articles(about: "move-on").map(\.slug), from: path),
                "items": moveOn.map { action -> [String: Any] in
                    [
                        "company": action.company, "since": Format.short(action.due),
                        "href": SitePath.link(from: path, to: SitePath.application(action.application)),
                    ]
                },
            ] as [String: Any]

        let first = stats.firstResponse
        let offers = stats.facts.filter { $0.past.contains { $0.kind == .offer } }.count
        context["headline"] = [
            ["value": String(stats.applications), "label": "applications"],
            [
                "value": Format.percent(first.rate), "label": "answered",
                "detail": "(\(first.responded) of \(first.eligible))",
            ],
            ["value": Format.days(first.meanDays), "label": "average first answer"],
            ["value": Format.days(first.kmMedianDays), "label": "Kaplan–Meier median wait"],
            ["value": String(offers), "label": offers == 1 ? "offer" : "offers"],
        ]
        context["meanNote"] =
            "The average counts only answered applications (median \(Format.days(first.medianDays?.value))); the Kaplan–Meier median also counts the \(first.eligible - first.responded) still waiting, so it is the more honest figure."
        context["survival"] = StatisticsCharts.survival(first, id: "dash-survival", what: "applications").context
        context["funnel"] = StatisticsCharts.funnel(stats.facts, policy: model.journal.config.policy).context
        context["weekly"] = StatisticsCharts.weekly(stats.facts, today: today, weeks: 8, id: "dash-weekly").context

        let upcoming = stats.actions.filter { $0.kind == .upcoming }
        context["hasUpcoming"] = !upcoming.isEmpty
        context["upcoming"] = upcoming.map { action -> [String: Any] in
            [
                "date": action.due.description, "day": Format.short(action.due), "company": action.company,
                "href": SitePath.link(from: path, to: SitePath.application(action.application)),
                "what": action.event.map(Format.kindLabel) ?? "", "time": orNull(action.subject?.time?.description),
                "relative": Format.relative(action.due, today: today),
            ]
        }

        var recent: [(Event, Application)] = []
        for fact in stats.facts {
            for event in fact.past.suffix(5) { recent.append((event, fact.application)) }
        }
        recent.sort { a, b in
            (a.0.date, a.0.orderMinutes) > (b.0.date, b.0.orderMinutes)
        }
        context["recent"] = recent.prefix(12).map { pair -> [String: Any] in
            [
                "date": pair.0.date.description, "day": Format.short(pair.0.date), "company": pair.1.company,
                "href": SitePath.link(from: path, to: SitePath.application(pair.1.slug)),
                "what": Format.kindLabel(pair.0.kind),
            ]
        }
        return context
    }
}
