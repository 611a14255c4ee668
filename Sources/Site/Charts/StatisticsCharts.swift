import Analytics
import Journal

/// The charts of the statistics page and the dashboard, each from figures already computed.
enum StatisticsCharts {
    static let bins: [(label: String, range: ClosedRange<Int>)] = [
        ("0–1", 0...1), ("2–3", 2...3), ("4–7", 4...7), ("8–14", 8...14), ("15–21", 15...21), ("22–30", 22...30),
        ("31–60", 31...60), ("61+", 61...Int.max),
    ]

    /// How many days the answered applications waited, in bins.
    static func histogram(_ figures: WaitFigures, id: String, title: String, answered: String, unanswered: String) -> Chart {
        let observed = figures.waits.filter(\.observed).map(\.days)
        let counts = bins.map { bin in observed.filter { bin.range.contains($0) }.count }
        let top = max(counts.max() ?? 0, 1)
        var svg = SVG(width: 480, height: 200)
        let barWidth = 440.0 / Double(bins.count)
        svg.line(x1: 30, y1: 170, x2: 470, y2: 170, cls: "axis")
        for (i, count) in counts.enumerated() {
            let h = 140.0 * Double(count) / Double(top)
            let x = 30 + Double(i) * barWidth
            svg.rect(x: x + 4, y: 170 - h, w: barWidth - 8, h: h, cls: "bar", title: "\(bins[i].label) days: \(count)")
            if count > 0 { svg.text(String(count), x: x + barWidth / 2, y: 165 - h, cls: "value", anchor: "middle") }
            svg.text(bins[i].label, x: x + barWidth / 2, y: 188, cls: "tick", anchor: "middle")
        }
        let reading: String
        if let median = figures.medianDays {
            reading =
                "\(figures.responded) \(answered); the median is \(Format.days(median.value)). \(figures.eligible - figures.responded) \(unanswered) and are not in this chart."
        } else {
            reading = "None yet."
        }
        return Chart(
            id: id, title: title, reading: reading,
            svg: svg.svg(labelID: "\(id)-title", label: "Histogram: \(title). \(reading)", cls: "histogram"),
            tableHeader: ["Days", "Applications"], tableRows: zip(bins, counts).map { [$0.0.label, String($0.1)] })
    }

    /// The Kaplan–Meier "still waiting" curve, with a tick for each wait that has not ended.
    static func survival(_ figures: WaitFigures, id: String, what: String) -> Chart {
        let km = figures.kaplanMeier
        let horizon = max(60, min(180, km.longest ?? 60))
        var svg = SVG(width: 480, height: 220)
        // The axis starts 48 units in: room for "100%" at the larger size a phone shows it in.
        let x = { (day: Int) in 48 + 412 * Double(min(day, horizon)) / Double(horizon) }
        let y = { (s: Double) in 190 - 170 * s }
        for s in [0.0, 0.25, 0.5, 0.75, 1.0] {
            svg.line(x1: 48, y1: y(s), x2: 460, y2: y(s), cls: s == 0 ? "axis" : "grid")
            svg.text("\(Int(s * 100))%", x: 42, y: y(s) + 4, cls: "tick", anchor: "end")
        }
        for day in stride(from: 0, through: horizon, by: horizon > 90 ? 30 : 15) {
            svg.text("\(day)", x: x(day), y: 208, cls: "tick", anchor: "middle")
        }
        var d = "M\(SVG.n(x(0))) \(SVG.n(y(1)))"
        var current = 1.0
        for step in km.steps where step.day <= horizon {
            d += "H\(SVG.n(x(step.day)))V\(SVG.n(y(step.survival)))"
            current = step.survival
        }
        if figures.eligible > 0 {
            d += "H\(SVG.n(x(min(km.longest ?? 0, horizon))))"
            svg.path(d, cls: "curve")
            for wait in figures.waits where !wait.observed && wait.days <= horizon {
                let s = km.steps.last(where: { $0.day <= wait.days })?.survival ?? 1
                svg.line(x1: x(wait.days), y1: y(s) - 5, x2: x(wait.days), y2: y(s) + 5, cls: "censor")
            }
        }
        _ = current
        let reading: String
        if figures.eligible == 0 {
            reading = "Nothing to show yet."
        } else if let median = figures.kmMedianDays {
            reading = "Half of your \(what) had an answer within \(Format.days(median)), counting the ones still waiting."
        } else {
            reading = "Fewer than half of your \(what) have an answer so far; the curve has not reached 50%."
        }
        let rows = figures.survival.map { ["\($0.day) days", $0.stillWaiting.map(Format.percent) ?? "not known yet"] }
        return Chart(
            id: id, title: "Still waiting after… (\(what))", reading: reading,
            svg: svg.svg(
                labelID: "\(id)-title", label: "Kaplan–Meier curve of the share still waiting. \(reading)", cls: "survival"),
            tableHeader: ["After", "Still waiting"], tableRows: rows)
    }

    /// The funnel of stats.json: applied → answered → meeting → offer → accepted, over eligible applications.
    static func funnel(_ funnel: Funnel) -> Chart {
        let stages: [(String, Int)] = [
            ("Applied", funnel.applied), ("Answered", funnel.responded), ("Meeting", funnel.meeting),
            ("Offer", funnel.offer), ("Accepted", funnel.accepted),
        ]
        let top = max(stages.map(\.1).max() ?? 0, 1)
        var svg = SVG(width: 480, height: 40.0 * Double(stages.count) + 10)
        for (i, stage) in stages.enumerated() {
            let w = 300.0 * Double(stage.1) / Double(top)
            let yy = 10 + Double(i) * 40
            svg.text(stage.0, x: 110, y: yy + 20, cls: "label", anchor: "end")
            svg.rect(x: 120, y: yy + 4, w: w, h: 24, cls: "bar stage-\(i)", title: "\(stage.0): \(stage.1)")
            svg.text(String(stage.1), x: 126 + w, y: yy + 21, cls: "value")
        }
        let reading =
            funnel.applied == 0
            ? "No applications sent yet."
            : "Of \(counted(funnel.applied, "application")), \(funnel.responded) got an answer, \(funnel.meeting) reached a meeting, \(funnel.offer) an offer and \(funnel.accepted) \(funnel.accepted == 1 ? "was" : "were") accepted."
        return Chart(
            id: "funnel", title: "From application to offer", reading: reading,
            svg: svg.svg(labelID: "funnel-title", label: "Funnel. \(reading)", cls: "funnel"),
            tableHeader: ["Stage", "Applications"], tableRows: stages.map { [$0.0, String($0.1)] })
    }

    /// stats.json's `weekly`: applications sent and the messages you sent, per ISO week, the latest `limit` weeks.
    static func weekly(_ all: [WeekActivity], weeks limit: Int?, id: String) -> Chart {
        let shown = limit.map { Array(all.suffix($0)) } ?? Array(all.suffix(104))
        let count = max(shown.count, 1)
        let top = max(shown.map { $0.applied + $0.other }.max() ?? 0, 1)
        var svg = SVG(width: 480, height: 190)
        let slot = 440.0 / Double(count)
        svg.line(x1: 30, y1: 160, x2: 470, y2: 160, cls: "axis")
        for (i, week) in shown.enumerated() {
            let ha = 130.0 * Double(week.applied) / Double(top)
            let ho = 130.0 * Double(week.other) / Double(top)
            let x = 30 + Double(i) * slot + slot * 0.15
            let monday = week.week.monday
            svg.rect(
                x: x, y: 160 - ha, w: slot * 0.7, h: ha, cls: "bar",
                title: "Week of \(Format.short(monday)): \(week.applied) applied")
            svg.rect(
                x: x, y: 160 - ha - ho, w: slot * 0.7, h: ho, cls: "bar second",
                title: "Week of \(Format.short(monday)): \(week.other) other")
            if count <= 12 || i % max(count / 8, 1) == 0 {
                svg.text(Format.short(monday), x: x + slot * 0.35, y: 176, cls: "tick", anchor: "middle")
            }
        }
        let total = shown.reduce(0) { $0 + $1.applied }
        let reading =
            "\(counted(total, "application")) sent in the \(counted(shown.count, "week")) shown; the upper part of each bar is the thank-you notes, follow-ups and feedback requests you sent."
        return Chart(
            id: id, title: "Weekly activity", reading: reading,
            svg: svg.svg(labelID: "\(id)-title", label: "Weekly activity. \(reading)", cls: "weekly"),
            tableHeader: ["Week", "Applied", "Messages sent"],
            tableRows: shown.map { ["\($0.week) (\(Format.long($0.week.monday)))", String($0.applied), String($0.other)] })
    }

    /// Of the applications still silent after w days, the share that answered later.
    static func silence(_ rows: [SilenceRow]) -> Chart {
        var svg = SVG(width: 480, height: 40.0 * Double(rows.count) + 10)
        for (i, row) in rows.enumerated() {
            let yy = 10 + Double(i) * 40
            svg.text("after \(row.afterDays) days", x: 110, y: yy + 20, cls: "label", anchor: "end")
            svg.rect(x: 120, y: yy + 4, w: 300, h: 24, cls: "track")
            svg.rect(
                x: 120, y: yy + 4, w: 300 * (row.share ?? 0), h: 24, cls: "bar",
                title: "\(row.laterReplied) of \(row.stillSilent)")
            svg.text(
                row.stillSilent == 0 ? "none silent" : "\(row.laterReplied) of \(row.stillSilent)", x: 426, y: yy + 21,
                cls: "value")
        }
        let middle = rows.first { $0.afterDays == 14 } ?? rows.first
        let reading =
            middle.flatMap { row in
                row.share.map {
                    "Of your applications still silent after \(row.afterDays) days, \(Format.percent($0)) later heard back (\(row.laterReplied) of \(row.stillSilent))."
                }
            } ?? "No application has been silent that long yet."
        return Chart(
            id: "silence", title: "Silence is not always a no", reading: reading,
            svg: svg.svg(labelID: "silence-title", label: "Later answers after silence. \(reading)", cls: "silence"),
            tableHeader: ["Silent after", "Still silent", "Later replied", "Share"],
            tableRows: rows.map {
                ["\($0.afterDays) days", String($0.stillSilent), String($0.laterReplied), Format.percent($0.share)]
            })
    }
}
