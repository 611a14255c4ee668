import Journal

/// stats.json: the exact schema of statistics.md, shared by `followup stats --json` and the site.
public enum StatsJSON {
    public static func value(_ stats: Statistics) -> JSONValue {
        .object([
            ("today", .string(stats.today.description)),
            ("applications", .int(stats.applications)),
            ("by_status", .object(Status.allCases.map { ($0.rawValue, .int(stats.byStatus[$0] ?? 0)) })),
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
