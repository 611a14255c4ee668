import Analytics
import Journal

/// Timelines drawn as SVG: one application's events, and every application as a lane.
enum Timelines {
    /// One application: a dot per event on a horizontal axis, shaped and coloured by side.
    static func application(_ facts: ApplicationFacts, today: CivilDate) -> String {
        let events = facts.application.events
        guard let first = events.first?.date else { return "" }
        // A closed application's axis ends at its last event; an open one runs to today.
        let closed = facts.past.contains { $0.kind.isClosing } && facts.planned.isEmpty
        let last = closed ? (events.last?.date ?? first) : max(events.last?.date ?? first, today)
        let span = max(first.days(to: last), 1)
        var svg = SVG(width: 640, height: 70)
        let x = { (d: CivilDate) in 20 + 600 * Double(first.days(to: d)) / Double(span) }
        svg.line(x1: 20, y1: 30, x2: 620, y2: 30, cls: "axis")
        if today <= last {
            svg.line(x1: x(today), y1: 14, x2: x(today), y2: 46, cls: "today")
            svg.text("today", x: x(today), y: 62, cls: "tick", anchor: x(today) > 590 ? "end" : "middle")
        } else {
            svg.text(Format.short(last), x: 620, y: 62, cls: "tick", anchor: "end")
        }
        svg.text(Format.short(first), x: 20, y: 62, cls: "tick")
        var stack: [Int: Int] = [:]
        for event in events {
            let level = stack[event.date.dayNumber, default: 0]
            stack[event.date.dayNumber] = level + 1
            svg.marker(
                side: event.kind.side.rawValue, x: x(event.date), y: 30 - Double(level % 3) * 9, size: 5,
                planned: event.date > today
            ) { out in
                out += event.date.description.utf8
                out.append(0x20)
                out += Format.time(event).utf8
                out.append(0x20)
                HTMLText.appendEscaped(Format.kindLabel(event.kind), to: &out)
            }
        }
        let label =
            "Timeline of \(counted(events.count, "event")) from \(Format.long(first)) to \(Format.long(last)); circles are your messages, squares the employer's, diamonds meetings."
        return svg.svg(labelID: "timeline-\(facts.application.slug)", label: label, cls: "app-timeline")
    }

    /// Where an application's lane stops: its closing event, else today or its last planned event.
    static func laneEnd(_ fact: ApplicationFacts, today: CivilDate) -> CivilDate {
        let app = fact.application
        return fact.past.last(where: { $0.kind.isClosing })?.date ?? max(today, app.events.last?.date ?? today)
    }

    /// Every application of one group as a lane from its first event to its outcome or today
    /// (dashed while still open), on the group's axis.
    static func lanes(
        _ group: [ApplicationFacts], today: CivilDate, from start: CivilDate, to end: CivilDate,
        link: (String) -> String, id: String
    ) -> String {
        let span = max(start.days(to: end), 1)
        let laneHeight = 18.0
        let labelWidth = 200.0
        let width = 820.0
        var svg = SVG(width: width, height: laneHeight * Double(group.count) + 26)
        let x = { (d: CivilDate) in
            labelWidth + (width - labelWidth - 10) * Double(start.days(to: min(max(d, start), end))) / Double(span)
        }
        if today >= start && today <= end {
            svg.line(x1: x(today), y1: 0, x2: x(today), y2: laneHeight * Double(group.count), cls: "today")
        }
        for (i, fact) in group.enumerated() {
            let app = fact.application
            let y = laneHeight * Double(i) + laneHeight / 2
            let begin = app.events.first?.date ?? today
            let closed = fact.past.last(where: { $0.kind.isClosing })
            let stop = laneEnd(fact, today: today)
            let label = app.role.isEmpty ? app.company : "\(app.company) — \(app.role)"
            let short = label.count > 28 ? String(label.prefix(27)) + "…" : label
            svg.openLink(link(app.slug))
            svg.text(short, x: labelWidth - 8, y: y + 4, cls: "lane-label", anchor: "end")
            svg.closeLink()
            svg.line(
                x1: x(begin), y1: y, x2: x(stop), y2: y, cls: "lane status-\(fact.status.rawValue)\(closed == nil ? " open" : "")"
            )
            for event in app.events {
                svg.marker(side: event.kind.side.rawValue, x: x(event.date), y: y, size: 3.2, planned: event.date > today) {
                    out in
                    HTMLText.appendEscaped(app.company, to: &out)
                    out += ": ".utf8
                    out += event.date.description.utf8
                    out.append(0x20)
                    HTMLText.appendEscaped(Format.kindLabel(event.kind), to: &out)
                }
            }
        }
        svg.text(Format.short(start), x: labelWidth, y: laneHeight * Double(group.count) + 18, cls: "tick")
        svg.text(Format.short(end), x: width - 10, y: laneHeight * Double(group.count) + 18, cls: "tick", anchor: "end")
        return svg.svg(
            labelID: id,
            label:
                "\(counted(group.count, "application")) as lanes from \(Format.long(start)) to \(Format.long(end)); the list below gives the same information as text.",
            cls: "lanes", interactive: true)
    }
}
