import Analytics
import Journal

/// The applications table and one page per application.
enum ApplicationPages {
    static func index(_ model: SiteModel) -> [String: Any] {
        let path = "applications/index.html"
        var context = model.frame(path: path, title: "Applications", kind: "applications")
        context["count"] = model.stats.applications
        context["statuses"] = Status.allCases.compactMap { status -> [String: Any]? in
            let count = model.stats.byStatus[status] ?? 0
            return count == 0 ? nil : ["name": status.rawValue, "count": count]
        }
        // Newest application first; the table sorts itself in the browser too.
        let newestFirst = model.stats.facts.sorted { a, b in
            let da = a.application.firstDate?.dayNumber ?? Int.min
            let db = b.application.firstDate?.dayNumber ?? Int.min
            return da != db ? da > db : TextKey.precedes(a.application.slug, b.application.slug)
        }
        context["rows"] = newestFirst.map { fact -> [String: Any] in
            let app = fact.application
            let applied = fact.appliedIndex.map { fact.past[$0].date }
            let last = fact.past.last?.date
            let next = model.actionsBySlug[app.slug]?.first
            return [
                "company": app.company, "role": app.role, "status": fact.status.rawValue,
                "href": SitePath.link(from: path, to: SitePath.application(app.slug)),
                "applied": applied.map(Format.short) ?? "–", "appliedSort": applied?.description ?? "",
                "firstAnswer": fact.firstResponse.map { $0.observed ? String($0.days) : "(\($0.days)+)" } ?? "–",
                "firstAnswerSort": fact.firstResponse.map { String(format6($0.days)) } ?? "",
                "last": last.map(Format.short) ?? "–", "lastSort": last?.description ?? "",
                "nextAction": next.map { "\($0.kind.rawValue) · \(Format.short($0.due))" } ?? "",
            ]
        }
        return context
    }

    /// Zero-padded so that text sorting in the browser is numeric sorting too.
    static func format6(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, 6 - s.count)) + s
    }

    static func page(_ fact: ApplicationFacts, _ model: SiteModel) -> (String, [String: Any]) {
        let app = fact.application
        let path = SitePath.application(app.slug)
        var context = model.frame(path: path, title: app.title, kind: "applications")
        context["app"] = ["company": app.company, "role": app.role, "private": app.isPrivate] as [String: Any]
        context["status"] = fact.status.rawValue
        context["companyHref"] = SitePath.link(from: path, to: SitePath.company(model.companySlug(for: app)))
        var properties: [[String: Any]] = []
        func add(_ name: String, _ value: String?, link: Bool = false) {
            guard let value, !value.isEmpty else { return }
            var item: [String: Any] = ["name": name, "value": value]
            if link, let url = XMLText.safeURL(value) { item["href"] = url }
            properties.append(item)
        }
        add("Source", app.source)
        add("Location", app.location)
        add("Contact", app.contact)
        add("Salary", app.salary)
        add("Link", app.link, link: true)
        add("Tags", app.tags.isEmpty ? nil : app.tags.joined(separator: ", "))
        context["properties"] = properties
        context["hasProperties"] = !properties.isEmpty
        let timeline = Timelines.application(fact, today: model.today)
        context["timeline"] = timeline
        context["hasTimeline"] = !timeline.isEmpty
        context["waits"] = waits(fact, today: model.today)
        let actions = model.actionsBySlug[app.slug] ?? []
        context["actions"] = actions.map { model.actionContext($0, from: path) }
        context["hasActions"] = !actions.isEmpty
        context["events"] = app.events.map { event -> [String: Any] in
            let note = event.note.isEmpty ? "" : model.inline(event.note)
            let details = event.details.isEmpty ? "" : model.notes(event.details)
            return [
                "date": event.date.description, "day": Format.long(event.date), "time": orNull(event.time?.description),
                "kind": event.writtenKind.isEmpty || event.kind != .note ? Format.kindLabel(event.kind) : "note",
                "side": event.kind.side.rawValue, "planned": event.date > model.today,
                "note": note, "hasNote": !note.isEmpty, "details": details, "hasDetails": !details.isEmpty,
            ]
        }
        context["hasEvents"] = !app.events.isEmpty
        context["notes"] = app.notes.isEmpty ? "" : model.notes(app.notes)
        context["hasNotes"] = !app.notes.isEmpty
        var topics = Set(actions.map(\.kind.rawValue))
        for event in app.events { topics.insert(event.kind.rawValue) }
        var advice: [Article] = []
        var seen = Set<String>()
        for topic in topics.sorted() {
            for article in model.articles(about: topic).prefix(SiteModel.adviceLimit) where seen.insert(article.slug).inserted {
                advice.append(article)
            }
        }
        advice.sort { $0.date != $1.date ? $0.date > $1.date : TextKey.precedes($0.slug, $1.slug) }
        context["advice"] = advice.map { article -> [String: Any] in
            [
                "href": SitePath.link(from: path, to: SitePath.article(article.slug)), "title": article.title,
                "summary": orNull(article.summary),
            ]
        }
        context["hasAdvice"] = !advice.isEmpty
        return (path, context)
    }

    /// "First answer after 6 days", "Waiting 9 days since the interview".
    static func waits(_ fact: ApplicationFacts, today: CivilDate) -> [String] {
        var lines: [String] = []
        if let wait = fact.firstResponse {
            if wait.observed {
                lines.append("First answer after \(Format.days(wait.days)).")
            } else if wait.end == today {
                lines.append("No answer yet: waiting \(Format.days(wait.days)) since applying.")
            } else {
                lines.append("No answer in the \(Format.days(wait.days)) before you ended it.")
            }
        } else {
            lines.append("No application date recorded yet.")
        }
        if let decision = fact.decision {
            if decision.observed {
                lines.append("Decision \(Format.days(decision.days)) after the last meeting.")
            } else if decision.end == today {
                lines.append("Waiting \(Format.days(decision.days)) since the last meeting.")
            } else {
                lines.append("No decision in the \(Format.days(decision.days)) after the last meeting before you ended it.")
            }
        }
        return lines
    }
}
