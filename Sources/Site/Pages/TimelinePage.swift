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
            guard let first = fact.application.events.first?.date else {
                undated.append(fact)
                continue
            }
            let c = first.components
            groups[c.year * 12 + c.month - 1, default: []].append(fact)
        }
        // One time axis for every group, so lanes of different months line up.
        let starts = model.stats.facts.compactMap { $0.application.events.first?.date }
        let axisStart =
            starts.min().map { CivilDate(year: $0.components.year, month: $0.components.month, day: 1) ?? $0 } ?? model.today
        let axisEnd = max(model.today, model.stats.facts.compactMap { $0.application.events.last?.date }.max() ?? model.today)
        var months: [TemplateValue] = []
        for key in groups.keys.sorted(by: >) {
            let members = groups[key] ?? []
            let keys = members.map {
                (day: ($0.application.events.first?.date ?? model.today).dayNumber, slug: $0.application.slug)
            }
            let group = keys.indices.sorted { a, b in
                keys[a].day != keys[b].day ? keys[a].day < keys[b].day : TextKey.precedes(keys[a].slug, keys[b].slug)
            }.map { members[$0] }
            let start = CivilDate(year: key / 12, month: key % 12 + 1, day: 1) ?? model.today
            let id = "m\(key / 12)-\(key % 12 + 1)"
            let svg = Timelines.lanes(
                group, today: model.today, from: axisStart, to: axisEnd,
                link: { SitePath.link(from: path, to: SitePath.application($0)) }, id: "\(id)-svg")
            months.append([
                "id": .string(id), "label": .string(Format.month(start)), "count": .int(group.count), "svg": .string(svg),
                "items": .array(group.map { item(for: $0, model: model, from: path) }),
            ])
        }
        if !undated.isEmpty {
            months.append([
                "id": "undated", "label": "Without events", "count": .int(undated.count), "svg": "",
                "items": .array(undated.map { item(for: $0, model: model, from: path) }),
            ])
        }
        context["months"] = .array(months)
        context["statuses"] = .array(Status.allCases.map { .string($0.rawValue) })
        return .object(context)
    }

    static func item(for fact: ApplicationFacts, model: SiteModel, from path: String) -> TemplateValue {
        let events = fact.application.events
        let span =
            events.first.map { first in
                let end = fact.past.last(where: { $0.kind.isClosing })?.date
                return "\(Format.short(first.date)) to \(end.map(Format.short) ?? "today (open)")"
            } ?? "no events"
        return [
            "href": .string(SitePath.link(from: path, to: SitePath.application(fact.application.slug))),
            "title": .string(fact.application.title), "status": .string(fact.status.rawValue), "span": .string(span),
        ]
    }
}
