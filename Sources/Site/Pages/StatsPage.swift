import Analytics
import Journal
import Templates

/// Every figure of statistics.md, with its charts and a line on how it is computed.
enum StatsPage {
    static func context(_ model: SiteModel) -> TemplateValue {
        let path = "stats/index.html"
        let s = model.stats
        let policy = model.journal.config.policy
        var context = model.frame(path: path, title: "Statistics", kind: "stats")
        context["today"] = .string(Format.long(model.today))
        context["applications"] = .int(s.applications)
        context["policy"] = [
            "silentAfterDays": .int(policy.silentAfterDays), "thankYouWithinHours": .int(policy.thankYouWithinHours),
            "countAcknowledgements": .bool(policy.countAcknowledgements),
        ]
        context["byStatus"] = .array(
            Status.allCases.map { ["status": .string($0.rawValue), "count": .int(s.byStatus[$0] ?? 0)] })
        context["funnel"] = StatisticsCharts.funnel(s.facts, policy: policy).context
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
        context["silence"] = StatisticsCharts.silence(s.silence).context
        let e = s.followUpEffect
        context["followUp"] = [
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
        context["followArticles"] = .array(
            (model.articles(about: "follow-up").prefix(SiteModel.adviceLimit)
                + model.articles(about: "move-on").prefix(SiteModel.adviceLimit)).map {
                    ["href": .string(SitePath.link(from: path, to: SitePath.article($0.slug))), "title": .string($0.title)]
                })
        context["thankYou"] = [
            "interviews": .int(s.thankYou.interviews), "within": .int(s.thankYou.withinDeadline),
            "late": .int(s.thankYou.late), "missing": .int(s.thankYou.missing),
        ]
        context["weekly"] = StatisticsCharts.weekly(s.facts, today: model.today, weeks: 52, id: "weekly-chart").context
        return .object(context)
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
