import Analytics
import Journal

/// Every figure of statistics.md, with its charts and a line on how it is computed.
enum StatsPage {
    static func context(_ model: SiteModel) -> [String: Any] {
        let path = "stats/index.html"
        let s = model.stats
        let policy = model.journal.config.policy
        var context = model.frame(path: path, title: "Statistics", kind: "stats")
        context["today"] = Format.long(model.today)
        context["applications"] = s.applications
        context["policy"] =
            [
                "silentAfterDays": policy.silentAfterDays, "thankYouWithinHours": policy.thankYouWithinHours,
                "countAcknowledgements": policy.countAcknowledgements,
            ] as [String: Any]
        context["byStatus"] = Status.allCases.map { ["status": $0.rawValue, "count": s.byStatus[$0] ?? 0] as [String: Any] }
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
                "with": Format.share(e.afterApplyingWith.answered, of: e.afterApplyingWith.applications),
                "without": Format.share(e.afterApplyingWithout.answered, of: e.afterApplyingWithout.applications),
            ],
            [
                "label": "After a meeting: decided",
                "with": Format.share(e.afterInterviewWith.answered, of: e.afterInterviewWith.applications),
                "without": Format.share(e.afterInterviewWithout.answered, of: e.afterInterviewWithout.applications),
            ],
        ]
        context["followArticles"] =
            (model.articles(about: "follow-up").prefix(SiteModel.adviceLimit)
            + model.articles(about: "move-on").prefix(SiteModel.adviceLimit)).map {
                ["href": SitePath.link(from: path, to: SitePath.article($0.slug)), "title": $0.title]
            }
        context["thankYou"] = [
            "interviews": s.thankYou.interviews, "within": s.thankYou.withinDeadline, "late": s.thankYou.late,
            "missing": s.thankYou.missing,
        ]
        context["weekly"] = StatisticsCharts.weekly(s.facts, today: model.today, weeks: 52, id: "weekly-chart").context
        return context
    }

    static func waits(
        _ w: WaitFigures, id: String, title: String, rateLabel: String, what: String, histogramTitle: String,
        answered: String, unanswered: String, method: String
    ) -> [String: Any] {
        [
            "id": id, "title": title, "rate": Format.percent(w.rate), "rateLabel": rateLabel,
            "counts": "(\(w.responded) of \(w.eligible))", "mean": Format.days(w.meanDays),
            "median": Format.days(w.medianDays?.value), "p90": Format.days(w.p90Days), "kmMedian": Format.days(w.kmMedianDays),
            "method": method,
            "histogram": StatisticsCharts.histogram(
                w, id: "\(id)-histogram", title: histogramTitle, answered: answered, unanswered: unanswered
            ).context,
            "survival": StatisticsCharts.survival(w, id: "\(id)-survival", what: what).context,
        ]
    }
}
