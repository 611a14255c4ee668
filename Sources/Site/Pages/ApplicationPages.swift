import Analytics
import Journal
import Templates

/// The applications table and one page per application.
enum ApplicationPages {
    static func index(_ model: SiteModel) -> TemplateValue {
        let path = "applications/index.html"
        var context = model.frame(path: path, title: "Applications", kind: "applications")
        context["count"] = .int(model.stats.applications)
        context["statuses"] = .array(
            Status.allCases.compactMap { status -> TemplateValue? in
                let count = model.stats.byStatus[status] ?? 0
                return count == 0 ? nil : ["name": .string(status.rawValue), "count": .int(count)]
            })
        // Newest application first; the table sorts itself in the browser too.
        // Sorted by keys taken out once (comparing facts copied their applications at every step).
        let keys = model.stats.facts.map { (day: $0.firstDate?.dayNumber ?? Int.min, slug: $0.slug) }
        let newestFirst = keys.indices.sorted { a, b in
            keys[a].day != keys[b].day ? keys[a].day > keys[b].day : TextKey.precedes(keys[a].slug, keys[b].slug)
        }.map { model.stats.facts[$0] }
        struct RowInput: Hashable {
            let fact: ApplicationFacts
            let next: Action?
        }
        context["rows"] = .array(
            model.items(
                "applications-row", newestFirst.map { RowInput(fact: $0, next: model.actionsBySlug[$0.slug]?.first) }
            ) { row($0.fact, next: $0.next, from: path) })
        return .object(context)
    }

    /// One row of the applications table: the application, its next action and nothing else.
    static func row(_ fact: ApplicationFacts, next: Action?, from path: String) -> TemplateObject {
        let app = fact.application
        let applied = fact.appliedIndex.map { fact.past[$0].date }
        let last = fact.past.last?.date
        return [
            "company": .string(app.company), "role": .string(app.role), "status": .string(fact.status.rawValue),
            "href": .string(SitePath.link(from: path, to: SitePath.application(app.slug))),
            "applied": .string(applied.map(Format.short) ?? "–"), "appliedSort": .string(applied?.description ?? ""),
            "firstAnswer": .string(fact.firstResponse.map { $0.observed ? String($0.days) : "(\($0.days)+)" } ?? "–"),
            "firstAnswerSort": .string(fact.firstResponse.map { String(format6($0.days)) } ?? ""),
            "last": .string(last.map(Format.short) ?? "–"), "lastSort": .string(last?.description ?? ""),
            "nextAction": .string(next.map { "\($0.kind.rawValue) · \(Format.short($0.due))" } ?? ""),
            "nextSort": .string(next?.due.description ?? "9999"),
            "companyKey": .string(app.companyKey), "source": .string(app.source.map(Breakdowns.key) ?? ""),
            "search": .string(
                [app.contact, app.source, app.location, app.tags.joined(separator: " ")].compactMap { $0 }.joined(
                    separator: " ")),
        ]
    }

    /// Zero-padded so that text sorting in the browser is numeric sorting too.
    static func format6(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, 6 - s.count)) + s
    }

    /// What one application's page is made from, besides what every page shares: its cache key.
    struct Input: Hashable {
        let fact: ApplicationFacts
        let actions: [Action]
        let companySlug: String

        init(_ fact: ApplicationFacts, _ model: SiteModel) {
            self.fact = fact
            actions = model.actionsBySlug[fact.slug] ?? []
            companySlug = model.companySlug(for: fact.application)
        }
    }

    static func page(_ input: Input, _ model: PageFrame) -> (String, TemplateValue) {
        let fact = input.fact
        let app = fact.application
        let path = SitePath.application(app.slug)
        var context = model.context(path: path, title: app.title, kind: "applications")
        context["app"] = ["company": .string(app.company), "role": .string(app.role), "private": .bool(app.isPrivate)]
        context["status"] = .string(fact.status.rawValue)
        context["companyHref"] = .string(SitePath.link(from: path, to: SitePath.company(input.companySlug)))
        var properties: [TemplateValue] = []
        func add(_ name: String, _ value: String?, link: Bool = false) {
            guard let value, !value.isEmpty else { return }
            var item: TemplateObject = ["name": .string(name), "value": .string(value)]
            if link, let url = XMLText.safeURL(value) { item["href"] = .string(url) }
            properties.append(.object(item))
        }
        add("Source", app.source)
        add("Location", app.location)
        add("Contact", app.contact)
        add("Salary", app.salary)
        add("Link", app.link, link: true)
        add("Tags", app.tags.isEmpty ? nil : app.tags.joined(separator: ", "))
        context["properties"] = .array(properties)
        context["hasProperties"] = .bool(!properties.isEmpty)
        let timeline = Timelines.application(fact, today: model.today)
        context["timeline"] = .string(timeline)
        context["hasTimeline"] = .bool(!timeline.isEmpty)
        context["waits"] = .array(waits(fact, today: model.today).map(TemplateValue.string))
        context["expectations"] = .array(
            fact.expectations.map { e in
                let text: String
                switch e.state {
                case .met: text = "kept: they answered on \(Format.long(e.answer?.date ?? e.expected))"
                case .late: text = "late: they answered on \(Format.long(e.answer?.date ?? e.expected))"
                case .missed: text = "missed: no answer by then"
                case .pending: text = "still ahead"
                }
                return [
                    "date": .string(e.expected.description), "day": .string("Answer promised by \(Format.long(e.expected))"),
                    "state": .string(e.state.rawValue), "text": .string(text),
                ]
            })
        context["hasExpectations"] = .bool(!fact.expectations.isEmpty)
        let actions = input.actions
        context["actions"] = .array(actions.map { model.actionContext($0, from: path) })
        context["hasActions"] = .bool(!actions.isEmpty)
        context["events"] = .array(
            app.events.map { event -> TemplateValue in
                let note = event.note.isEmpty ? "" : model.inline(event.note)
                let details = event.details.isEmpty ? "" : model.notes(event.details)
                return [
                    "date": .string(event.date.description), "day": .string(Format.long(event.date)),
                    "time": orNull(event.time?.description),
                    "kind": .string(event.writtenKind.isEmpty || event.kind != .note ? Format.kindLabel(event.kind) : "note"),
                    "side": .string(event.kind.side.rawValue), "planned": .bool(event.date > model.today),
                    "note": .string(note), "hasNote": .bool(!note.isEmpty), "details": .string(details),
                    "hasDetails": .bool(!details.isEmpty),
                ]
            })
        context["hasEvents"] = .bool(!app.events.isEmpty)
        context["notes"] = .string(app.notes.isEmpty ? "" : model.notes(app.notes))
        context["hasNotes"] = .bool(!app.notes.isEmpty)
        var topics = Set(actions.map(\.kind.rawValue))
        for event in app.events { topics.insert(event.kind.rawValue) }
        var advice: [Article] = []
        var seen = Set<String>()
        for topic in topics.sorted() {
            for article in model.articles(about: topic).prefix(PageFrame.adviceLimit) where seen.insert(article.slug).inserted {
                advice.append(article)
            }
        }
        advice.sort { $0.date != $1.date ? $0.date > $1.date : TextKey.precedes($0.slug, $1.slug) }
        context["advice"] = .array(
            advice.map { article in
                [
                    "href": .string(SitePath.link(from: path, to: SitePath.article(article.slug))),
                    "title": .string(article.title), "summary": orNull(article.summary),
                ]
            })
        context["hasAdvice"] = .bool(!advice.isEmpty)
        return (path, .object(context))
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
