import Analytics
import Journal
import Templates

/// Every application as a lane, grouped by the month it started, newest month first.
enum TimelinePage {
    static func context(_ model: SiteModel) -> TemplateValue {
        let path = "timeline/index.html"
        var context = model.frame(path: path, title: "Timeline", kind: "timeline")
        var groups: [Int: [ApplicationFacts]] = [:]
        var undated: [ApplicationFacts] = []
        for fact in model.stats.facts {
            guard let first = fact.firstDate else {
                undated.append(fact)
                continue
            }
            let c = first.components
            groups[c.year * 12 + c.month - 1, default: []].append(fact)
        }
        // Each month has its own axis, from the first of the month to the last day one of its lanes
        // reaches: one old application no longer squeezes every recent lane into a sliver.
        var months: [TemplateValue] = []
        for key in groups.keys.sorted(by: >) {
            let members = groups[key] ?? []
            let keys = members.map {
                (day: ($0.firstDate ?? model.today).dayNumber, slug: $0.slug)
            }
            let group = keys.indices.sorted { a, b in
                keys[a].day != keys[b].day ? keys[a].day < keys[b].day : TextKey.precedes(keys[a].slug, keys[b].slug)
            }.map { members[$0] }
            let start = CivilDate(year: key / 12, month: key % 12 + 1, day: 1) ?? model.today
            let id = "m\(key / 12)-\(key % 12 + 1)"
            let end = group.map { Timelines.laneEnd($0, today: model.today) }.max() ?? model.today
            let axisEnd = max(end, start.adding(days: 7))
            struct MonthInput: Hashable {
                let group: [ApplicationFacts]
                let start: CivilDate
                let end: CivilDate
            }
            // A month (its lanes and its list) is kept between serve builds while none of its
            // applications change.
            months.append(
                model.item("timeline-month", MonthInput(group: group, start: start, end: axisEnd)) {
                    let svg = Timelines.lanes(
                        group, today: model.today, from: start, to: axisEnd,
                        link: { SitePath.link(from: path, to: SitePath.application($0)) }, id: "\(id)-svg")
                    return [
                        "id": .string(id), "label": .string(Format.month(start)), "count": .int(group.count),
                        "svg": .string(svg),
                        "items": .array(model.items("timeline-item", group) { item(for: $0, from: path) }),
                    ]
                })
        }
        if !undated.isEmpty {
            months.append([
                "id": "undated", "label": "Without events", "count": .int(undated.count), "svg": "",
                "items": .array(model.items("timeline-item", undated) { item(for: $0, from: path) }),
            ])
        }
        context["months"] = .array(months)
        context["statuses"] = .array(Status.allCases.map { .string($0.rawValue) })
        return .object(context)
    }

    static func item(for fact: ApplicationFacts, from path: String) -> TemplateObject {
        let events = fact.application.events
        let span =
            events.first.map { first in
                let end = fact.past.last(where: { $0.kind.isClosing })?.date
                return "\(Format.short(first.date)) to \(end.map(Format.short) ?? "today (open)")"
            } ?? "no events"
        return [
            "href": .string(SitePath.link(from: path, to: SitePath.application(fact.slug))),
            "title": .string(fact.application.title), "status": .string(fact.status.rawValue), "span": .string(span),
        ]
    }
}
