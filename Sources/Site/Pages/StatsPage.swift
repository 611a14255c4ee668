import Analytics
import Journal
import Templates

/// Every figure of docs/statistics.md, with its charts and a line on how it is computed.
enum StatsPage {
    static let path = "stats/index.html"

    static func context(_ model: SiteModel) -> TemplateValue {
        let path = Self.path
        let s = model.stats
        var context = model.frame(path: path, title: "Statistics", kind: "stats")
        context["figures"] = Figures.value(model.statsJSON)
        scope(
            ScopeFigures(
                applications: s.applications, byStatus: s.byStatus, firstResponse: s.firstResponse, decision: s.decision,
                funnel: s.funnel, breakdowns: s.breakdowns), model, into: &context)
        context["sankey"] = Sankey.chart(s.flows).context
        let e = s.expectations
        let judged = e.met + e.late + e.missed
        context["expectations"] = [
            "hasAny": .bool(e.set > 0), "set": .int(e.set), "met": .int(e.met), "late": .int(e.late),
            "missed": .int(e.missed), "pending": .int(e.pending),
            "kept": .string(
                judged == 0
                    ? "No promised date has passed yet."
                    : "Employers who named a date kept it \(e.met) of \(judged) times (\(e.late) answered late, \(e.missed) not at all)."
            ),
        ]
        context["periods"] = .array(
            s.periods.map { p in
                [
                    "name": .string(p.period.name), "href": .string(SitePath.link(from: path, to: periodPath(p.period))),
                    "range": .string(range(p.period)),
                    "applications": .string(counted(p.figures.applications, "application")),
                ]
            })
        context["hasPeriods"] = .bool(!s.periods.isEmpty)
        context["followUp"] = followUp(s)
        context["followArticles"] = .array(
            (model.articles(about: "follow-up").prefix(SiteModel.adviceLimit)
                + model.articles(about: "move-on").prefix(SiteModel.adviceLimit)).map {
                    ["href": .string(SitePath.link(from: path, to: SitePath.article($0.slug))), "title": .string($0.title)]
                })
        context["thankYou"] = [
            "interviews": .int(s.thankYou.interviews), "within": .int(s.thankYou.withinDeadline),
            "late": .int(s.thankYou.late), "missing": .int(s.thankYou.missing),
        ]
        context["silence"] = StatisticsCharts.silence(s.silence).context
        context["weekly"] = StatisticsCharts.weekly(s.weekly, weeks: 52, id: "weekly-chart").context
        return .object(context)
    }

    static func periodPath(_ period: SearchPeriod) -> String { "stats/\(period.slug)/index.html" }

    static func range(_ period: SearchPeriod) -> String {
        "\(Format.long(period.from)) to \(period.to.map(Format.long) ?? "today")"
    }

    /// A search period's page: the figures of its applications.
    static func period(_ figures: PeriodFigures, _ model: SiteModel) -> TemplateValue {
        let path = periodPath(figures.period)
        var context = model.frame(path: path, title: "Statistics: \(figures.period.name)", kind: "stats")
        scope(figures.figures, model, into: &context)
        context["name"] = .string(figures.period.name)
        context["range"] = .string(range(figures.period))
        context["statsHref"] = .string(SitePath.link(from: path, to: Self.path))
        return .object(context)
    }

    /// The sections the statistics page and each period page share: status, funnel, waits and breakdowns.
    static func scope(_ s: ScopeFigures, _ model: SiteModel, into context: inout TemplateObject) {
        let policy = model.journal.config.policy
        context["today"] = .string(Format.long(model.today))
        context["applications"] = .int(s.applications)
        context["applicationsText"] = .string(counted(s.applications, "application"))
        context["policy"] = [
            "silentAfterDays": .int(policy.silentAfterDays), "thankYouWithinHours": .int(policy.thankYouWithinHours),
            "countAcknowledgements": .bool(policy.countAcknowledgements),
        ]
        context["byStatus"] = .array(
            Status.allCases.map { ["status": .string($0.rawValue), "count": .int(s.byStatus[$0] ?? 0)] })
        context["funnel"] = StatisticsCharts.funnel(s.funnel).context
        context["breakdowns"] = .array(
            [
                ("source", "By source", "Source", s.breakdowns.source), ("tag", "By tag", "Tag", s.breakdowns.tag),
                ("month", "By month applied", "Month", s.breakdowns.month),
                ("weekday", "By weekday applied", "Weekday", s.breakdowns.weekday),
            ].map { breakdown($0.0, title: $0.1, column: $0.2, $0.3) })
        context["waits"] = [
            waits(
                s.firstResponse, id: "first-response", title: "Time to a first answer", rateLabel: "answered",
                what: "applications", histogramTitle: "Days to the first answer",
                answered: "applications answered", unanswered: "have no answer yet",
                method:
                    "From the first 'applied' to the first answer from the employer dated on or after it. Applications without an answer are counted as still waiting until today (or until you withdrew), so the Kaplan–Meier median includes them; the mean and median above it use answered applications only."
            ),
            waits(
                s.decision, id: "decision", title: "Time to a decision after meeting", rateLabel: "decided",
                what: "meetings", histogramTitle: "Days from the last meeting to a decision",
                answered: "decisions", unanswered: "are still waiting for a decision",
                method:
                    "From the last screen or interview before the first offer or rejection that followed a meeting. Without a decision the wait runs until today, or until you withdrew, declined or accepted."
            ),
        ]
    }

    static func followUp(_ s: Statistics) -> TemplateValue {
        let e = s.followUpEffect
        return [
            [
                "label": "After applying: answered",
                "with": .string(Format.share(e.afterApplyingWith.answered, of: e.afterApplyingWith.applications)),
                "without": .string(Format.share(e.afterApplyingWithout.answered, of: e.afterApplyingWithout.applications)),
            ],
            [
                "label": "After a meeting: decided",
                "with": .string(Format.share(e.afterInterviewWith.answered, of: e.afterInterviewWith.applications)),
                "without": .string(Format.share(e.afterInterviewWithout.answered, of: e.afterInterviewWithout.applications)),
            ],
        ]
    }

    /// How a group's key reads: `2026-09` as "Sep 2026", no source or tag as "(none)".
    static func label(_ key: String?, _ dimension: String) -> String {
        guard let key else { return dimension == "tag" ? "(no tag)" : "(no source)" }
        if dimension == "month", let date = CivilDate(iso: key + "-01") {
            return Format.months[date.components.month - 1] + " " + String(date.components.year)
        }
        return key
    }

    /// One dimension of "where your answers come from": a row per group with its counts, a bar
    /// of answered and unanswered applications, and a rate only for groups of 5 or more.
    static func breakdown(_ id: String, title: String, column: String, _ groups: [BreakdownGroup]) -> TemplateValue {
        let widest = max(groups.map(\.applications).max() ?? 0, 1)
        return [
            "id": .string("by-\(id)"), "title": .string(title), "column": .string(column), "hasRows": .bool(!groups.isEmpty),
            "rows": .array(
                groups.map { g in
                    let rated = g.applications >= BreakdownGroup.smallestRated
                    let answered = 120.0 * Double(g.responded) / Double(widest)
                    let all = 120.0 * Double(g.applications) / Double(widest)
                    let bar =
                        "<svg class=\"cell-bar\" viewBox=\"0 0 120 12\" aria-hidden=\"true\" focusable=\"false\"><rect x=\"0\" y=\"1\" width=\"\(SVG.n(all))\" height=\"10\" class=\"track\"/><rect x=\"0\" y=\"1\" width=\"\(SVG.n(answered))\" height=\"10\" class=\"bar\"/></svg>"
                    return [
                        "key": .string(label(g.key, id)), "applications": .int(g.applications),
                        "responded": .int(g.responded),
                        "rate": .string(rated ? Format.percent(g.rate) : "–"),
                        "km": .string(Format.days(g.kmMedianDays)), "meeting": .int(g.meeting), "offer": .int(g.offer),
                        "bar": .string(bar),
                    ]
                }),
        ]
    }

    static func waits(
        _ w: WaitFigures, id: String, title: String, rateLabel: String, what: String, histogramTitle: String,
        answered: String, unanswered: String, method: String
    ) -> TemplateValue {
        [
            "id": .string(id), "title": .string(title), "rate": .string(Format.percent(w.rate)), "rateLabel": .string(rateLabel),
            "counts": .string("(\(w.responded) of \(w.eligible))"), "mean": .string(Format.days(w.meanDays)),
            "median": .string(Format.days(w.medianDays?.value)), "p90": .string(Format.days(w.p90Days)),
            "kmMedian": .string(Format.days(w.kmMedianDays)), "method": .string(method),
            "histogram": StatisticsCharts.histogram(
                w, id: "\(id)-histogram", title: histogramTitle, answered: answered, unanswered: unanswered
            ).context,
            "survival": StatisticsCharts.survival(w, id: "\(id)-survival", what: what).context,
        ]
    }
}
