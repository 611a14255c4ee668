import Journal

/// stats.json: the exact schema of docs/statistics.md, shared by `followup stats --json` and the site.
public enum StatsJSON {
    public static func value(_ stats: Statistics) -> JSONValue {
        .object([
            ("today", .string(stats.today.description)),
            ("applications", .int(stats.applications)),
            ("by_status", byStatus(stats.byStatus)),
            ("first_response", waits(stats.firstResponse)),
            ("decision", waits(stats.decision)),
            (
                "silence",
                .array(
                    stats.silence.map { row in
                        .object([
                            ("after_days", .int(row.afterDays)), ("still_silent", .int(row.stillSilent)),
                            ("later_replied", .int(row.laterReplied)), ("share", .optional(row.share)),
                        ])
                    })
            ),
            (
                "follow_up_effect",
                .object([
                    (
                        "after_applying",
                        .object([
                            ("with", group(stats.followUpEffect.afterApplyingWith, "responded")),
                            ("without", group(stats.followUpEffect.afterApplyingWithout, "responded")),
                        ])
                    ),
                    (
                        "after_interview",
                        .object([
                            ("with", group(stats.followUpEffect.afterInterviewWith, "decided")),
                            ("without", group(stats.followUpEffect.afterInterviewWithout, "decided")),
                        ])
                    ),
                ])
            ),
            (
                "thank_you",
                .object([
                    ("interviews", .int(stats.thankYou.interviews)), ("within_24h", .int(stats.thankYou.withinDeadline)),
                    ("late", .int(stats.thankYou.late)), ("missing", .int(stats.thankYou.missing)),
                ])
            ),
            (
                "companies",
                .array(
                    stats.companies.map { c in
                        .object([
                            ("company", .string(c.company)), ("applications", .int(c.applications)),
                            ("responded", .int(c.responded)), ("mean_response_days", .optional(c.meanResponseDays)),
                            ("median_response_days", .optional(c.medianResponseDays)), ("pending", .int(c.pending)),
                        ])
                    })
            ),
            ("actions", .array(stats.actions.map(action))),
            ("funnel", funnel(stats.funnel)),
            (
                "weekly",
                .array(
                    stats.weekly.map {
                        .object([
                            ("week", .string($0.week.description)), ("applied", .int($0.applied)), ("other", .int($0.other)),
                        ])
                    })
            ),
            ("breakdowns", breakdowns(stats.breakdowns)),
            (
                "flows",
                .array(
                    stats.flows.map {
                        .object([("from", .string($0.from)), ("to", .string($0.to)), ("applications", .int($0.applications))])
                    })
            ),
            (
                "expectations",
                .object([
                    ("set", .int(stats.expectations.set)), ("met", .int(stats.expectations.met)),
                    ("late", .int(stats.expectations.late)), ("missed", .int(stats.expectations.missed)),
                    ("pending", .int(stats.expectations.pending)),
                ])
            ),
            ("periods", .array(stats.periods.map(period))),
            ("work_search", workSearch(stats.workSearch)),
            ("feedback", .object([("asked", .int(stats.feedback.asked)), ("received", .int(stats.feedback.received))])),
        ])
    }

    static func byStatus(_ counts: [Status: Int]) -> JSONValue {
        .object(Status.allCases.map { ($0.rawValue, .int(counts[$0] ?? 0)) })
    }

    static func funnel(_ f: Funnel) -> JSONValue {
        .object([
            ("applied", .int(f.applied)), ("responded", .int(f.responded)), ("meeting", .int(f.meeting)),
            ("offer", .int(f.offer)), ("accepted", .int(f.accepted)),
        ])
    }

    static func breakdowns(_ b: Breakdowns) -> JSONValue {
        func groups(_ list: [BreakdownGroup]) -> JSONValue {
            .array(
                list.map { g in
                    .object([
                        ("key", g.key.map(JSONValue.string) ?? .null), ("applications", .int(g.applications)),
                        ("responded", .int(g.responded)), ("rate", .optional(g.rate)),
                        ("km_median_days", .optional(g.kmMedianDays)), ("meeting", .int(g.meeting)), ("offer", .int(g.offer)),
                    ])
                })
        }
        return .object([
            ("source", groups(b.source)), ("tag", groups(b.tag)), ("month", groups(b.month)), ("weekday", groups(b.weekday)),
        ])
    }

    static func period(_ p: PeriodFigures) -> JSONValue {
        .object([
            ("name", .string(p.period.name)), ("slug", .string(p.period.slug)), ("from", .string(p.period.from.description)),
            ("to", p.period.to.map { .string($0.description) } ?? .null), ("applications", .int(p.figures.applications)),
            ("by_status", byStatus(p.figures.byStatus)), ("first_response", waits(p.figures.firstResponse)),
            ("decision", waits(p.figures.decision)), ("funnel", funnel(p.figures.funnel)),
            ("breakdowns", breakdowns(p.figures.breakdowns)),
        ])
    }

    static func workSearch(_ log: WorkSearchLog) -> JSONValue {
        .object([
            (
                "weeks",
                .array(
                    log.weeks.map { w in
                        .object([
                            ("week", .string(w.week.description)), ("from", .string(w.week.monday.description)),
                            ("to", .string(w.week.sunday.description)), ("activities", .int(w.activities.count)),
                            ("days", .int(w.days)), ("short", w.short.map(JSONValue.bool) ?? .null),
                        ])
                    })
            ),
            ("minimum_per_week", log.settings.minimumPerWeek.map(JSONValue.int) ?? .null),
            ("distinct_days", .bool(log.settings.distinctDays)),
        ])
    }

    static func waits(_ figures: WaitFigures) -> JSONValue {
        .object([
            ("eligible", .int(figures.eligible)), ("responded", .int(figures.responded)), ("rate", .optional(figures.rate)),
            ("mean_days", .optional(figures.meanDays)), ("median_days", .optional(figures.medianDays)),
            ("p90_days", .optional(figures.p90Days)), ("km_median_days", .optional(figures.kmMedianDays)),
            (
                "km_survival",
                .array(figures.survival.map { .object([("day", .int($0.day)), ("still_waiting", .optional($0.stillWaiting))]) })
            ),
        ])
    }

    static func group(_ group: Group, _ answeredName: String) -> JSONValue {
        .object([
            ("applications", .int(group.applications)), (answeredName, .int(group.answered)), ("rate", .optional(group.rate)),
        ])
    }

    static func action(_ action: Action) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("kind", .string(action.kind.rawValue))]
        if let event = action.event { pairs.append(("event", .string(event.rawValue))) }
        pairs += [
            ("application", .string(action.application)), ("company", .string(action.company)),
            ("due", .string(action.due.description)), ("overdue", .bool(action.overdue)),
            ("articles", .array(action.articles.map { .string($0) })),
        ]
        return .object(pairs)
    }
}
