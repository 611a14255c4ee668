import Analytics
import Journal
import Templates

/// The work-search log (docs/statistics.md): one table per ISO week, newest first, each row an
/// activity with what a benefit office asks for, and the application's status at the week's end.
/// Only in ordinary builds: it names people and places.
enum ReportPage {
    static let path = "report/index.html"

    /// One printed row of the log.
    struct Row: Hashable {
        var date: CivilDate
        var time: ClockTime?
        var activity: String
        var employer: String
        var position: String
        var method: String
        var contact: String
        var address: String
        var phone: String
        var reference: String
        var result: String
        var href: String?
    }

    static let columns = [
        "Date", "Activity", "Employer", "Position", "Method", "Contact person", "Address or web address", "Phone",
        "Reference", "Result at week's end",
    ]

    /// One week of the log with its rows, and the hash of what they are made from (its activities,
    /// their applications, the range and the day): the key of what is kept of it between builds.
    struct Week {
        var week: WorkSearchWeek
        var rows: [Row]
        var key: Int
    }

    /// The log's weeks that overlap `from...to` (all when nil), newest first, with their rows.
    static func weeks(_ model: SiteModel, from: CivilDate? = nil, to: CivilDate? = nil) -> [Week] {
        // The whole log is made once a build: the page and data/work-search.csv both show it.
        if from == nil && to == nil { return model.once(\.reportWeeks) { makeWeeks(model, from: nil, to: nil) } }
        return makeWeeks(model, from: from, to: to)
    }

    static func makeWeeks(_ model: SiteModel, from: CivilDate?, to: CivilDate?) -> [Week] {
        let policy = model.journal.config.policy
        struct StatusKey: Hashable {
            let slug: String
            let day: Int
        }
        var statusCache: [StatusKey: String] = [:]
        let log = model.stats.workSearch
        return log.weeks.reversed().compactMap { week -> Week? in
            if let from, week.week.sunday < from { return nil }
            if let to, week.week.monday > to { return nil }
            let end = min(week.week.sunday, model.today)
            // A week's rows are kept between serve builds while its activities and their
            // applications are unchanged (the facts' digests stand for the applications). A
            // one-off build keeps nothing and needs no key.
            struct WeekInput: Hashable {
                let activities: [WorkSearchActivity]
                let applications: [Int]
                let end: CivilDate
                let from: CivilDate?
                let to: CivilDate?
            }
            let key =
                model.fragments == nil
                ? 0
                : WeekInput(
                    activities: week.activities,
                    applications: week.activities.map { item in
                        item.application.flatMap { model.factsBySlug[$0]?.hashValue } ?? 0
                    }, end: end, from: from, to: to
                ).hashValue
            let rows = model.fragments.value("week/\(week.week)", key) { () -> [Row] in
                week.activities.filter { item in
                    (from.map { item.date >= $0 } ?? true) && (to.map { item.date <= $0 } ?? true)
                }.map { item -> Row in
                    guard let slug = item.application, let fact = model.factsBySlug[slug] else {
                        return Row(
                            date: item.date, time: item.time, activity: item.text.isEmpty ? "Activity" : item.text.printableLine,
                            employer: "",
                            position: "", method: "", contact: "", address: "", phone: "", reference: "", result: "", href: nil)
                    }
                    let key = StatusKey(slug: slug, day: end.dayNumber)
                    // The status as of the week's end, once per application and week.
                    let result =
                        statusCache[key]
                        ?? {
                            let status = fact.withApplication { ApplicationFacts.status(of: $0, asOf: end, policy: policy) }
                                .rawValue
                            statusCache[key] = status
                            return status
                        }()
                    let kind = item.kind.map(Format.kindLabel)?.capitalizedFirst ?? "Activity"
                    return fact.withApplication { app in
                        Row(
                            date: item.date, time: item.time,
                            activity: item.text.isEmpty ? kind : "\(kind): \(item.text.printableLine)",
                            employer: app.company, position: app.role,
                            method: app.method ?? (app.link == nil ? "" : "online"), contact: app.contact ?? "",
                            address: app.address ?? app.link ?? "", phone: app.phone ?? "", reference: app.reference ?? "",
                            result: result, href: SitePath.application(slug))
                    }
                }
            }
            return Week(week: week, rows: rows, key: key)
        }
    }

    /// The page's context; `standalone` (for `followup report`) links nothing else of the site.
    static func context(
        _ model: SiteModel, from: CivilDate? = nil, to: CivilDate? = nil, path: String = path, standalone: Bool = false
    ) -> TemplateValue {
        var context = model.frame(path: path, title: "Work-search log", kind: "report")
        let settings = model.stats.workSearch.settings
        let person = model.journal.config.author ?? model.journal.config.title
        let weeks = weeks(model, from: from, to: to)
        context["person"] = .string(person)
        context["columns"] = .array(columns.map { ["name": .string($0)] })
        context["columnCount"] = .int(columns.count)
        context["hasMinimum"] = .bool(settings.minimumPerWeek != nil)
        context["minimum"] = .int(settings.minimumPerWeek ?? 0)
        context["distinctDays"] = .bool(settings.distinctDays)
        context["hasWeeks"] = .bool(!weeks.isEmpty)
        context["csvHref"] = standalone ? .null : .string(SitePath.link(from: path, to: "data/work-search.csv"))
        context["range"] = .string(rangeText(weeks.map(\.week), from: from, to: to, today: model.today))
        context["weeks"] = .array(
            weeks.map { item in
                let (week, rows) = (item.week, item.rows)
                // What a week shows: its rows (by their key), whether it met the minimum, the settings
                // and the page it is on.
                var hasher = Hasher()
                hasher.combine(item.key)
                hasher.combine(week.short)
                hasher.combine(settings.distinctDays)
                hasher.combine(standalone)
                hasher.combine(path)
                hasher.combine(person)
                return model.item(
                    "report-week", hasher.finalize()
                ) {
                    var object = weekObject(week, rows, distinctDays: settings.distinctDays, standalone: standalone, path: path)
                    // What a week's table also shows of the page, so that its rows depend on the week alone.
                    object["person"] = .string(person)
                    object["columns"] = .array(columns.map { ["name": .string($0)] })
                    object["columnCount"] = .int(columns.count)
                    return object
                }
            })
        return .object(context)
    }

    /// One week of the log as the template shows it.
    static func weekObject(_ week: WorkSearchWeek, _ rows: [Row], distinctDays: Bool, standalone: Bool, path: String)
        -> TemplateObject
    {
        let counted = distinctDays ? week.days : week.activities.count
        return [
            "id": .string(week.week.description), "name": .string(week.week.description),
            "from": .string(Format.long(week.week.monday)), "to": .string(Format.long(week.week.sunday)),
            "count": .string(Support.counted(week.activities.count, "activity", plural: "activities")),
            "days": .string(Support.counted(week.days, "day")), "counted": .int(counted),
            "short": .bool(week.short == true), "met": .bool(week.short == false), "hasRows": .bool(!rows.isEmpty),
            "rows": .array(
                rows.map { row in
                    [
                        "date": .string(row.date.description), "time": orNull(row.time?.description),
                        "activity": .string(row.activity), "employer": .string(row.employer),
                        "position": .string(row.position), "method": .string(row.method),
                        "contact": .string(row.contact), "address": .string(row.address), "phone": .string(row.phone),
                        "reference": .string(row.reference), "result": .string(row.result),
                        "href": standalone ? .null : row.href.map { .string(SitePath.link(from: path, to: $0)) } ?? .null,
                    ]
                }),
        ]
    }

    /// "Feb 2, 2026 to Mar 8, 2026": the range asked for, else the log's weeks up to today.
    static func rangeText(_ weeks: [WorkSearchWeek], from: CivilDate?, to: CivilDate?, today: CivilDate) -> String {
        guard let newest = weeks.first, let oldest = weeks.last else { return "no activities yet" }
        return "\(Format.long(from ?? oldest.week.monday)) to \(Format.long(to ?? min(newest.week.sunday, today)))"
    }

    static var csvHeaderLine: String { (["Week"] + columns + ["Time"]).map(DataExports.field).joined(separator: ",") }

    /// data/work-search.csv: the same rows, oldest first, one line each.
    static func csv(_ model: SiteModel, from: CivilDate? = nil, to: CivilDate? = nil) -> String {
        String(decoding: csvBytes(model, from: from, to: to), as: UTF8.self)
    }

    /// The file's bytes, joined from each week's lines (kept between serve builds).
    static func csvBytes(_ model: SiteModel, from: CivilDate? = nil, to: CivilDate? = nil) -> [UInt8] {
        var bytes = Array((csvHeaderLine + "\r\n").utf8)
        for item in weeks(model, from: from, to: to).reversed() {
            // A week's lines are kept between serve builds with its rows.
            bytes += model.fragments.bytes("csv/week/\(item.week.week)", item.key) {
                var lines = ""
                for row in item.rows {
                    lines +=
                        [
                            item.week.week.description, row.date.description, row.activity, row.employer, row.position,
                            row.method, row.contact, row.address, row.phone, row.reference, row.result,
                            row.time?.description ?? "",
                        ].map(DataExports.field).joined(separator: ",") + "\r\n"
                }
                return Array(lines.utf8)
            }
        }
        return bytes
    }
}

extension String {
    /// One line of plain text: control characters (a NUL, a line break) as spaces.
    var printableLine: String {
        // Most lines hold no control character (C0, DEL or C1): nothing to change.
        var previous: UInt8 = 0
        let clean = !utf8.contains { byte in
            defer { previous = byte }
            return byte < 0x20 || byte == 0x7F || (previous == 0xC2 && (0x80...0x9F).contains(byte))
        }
        if clean { return self }
        return String(String.UnicodeScalarView(unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }
}
