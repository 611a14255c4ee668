import Foundation

/// Reads site.yml: every key optional, unknown keys warned about, wrong types reported as errors.
enum SiteConfigReader {
    static func read(_ source: SourceText) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        var diagnostics: [Diagnostic] = []
        switch YAMLMapping.parse(source.text, source: source, firstLine: 1, what: "site.yml") {
        case .failure(let diagnostic):
            return (config, [diagnostic])
        case .success(let mapping):
            for field in mapping.fields {
                switch field.key {
                case "title": config.title = field.text(&diagnostics) ?? config.title
                case "author": config.author = field.text(&diagnostics)
                case "base_url": config.baseURL = field.text(&diagnostics) ?? "/"
                case "timezone":
                    if let name = field.text(&diagnostics) {
                        if TimeZone(identifier: name) != nil {
                            config.timeZoneIdentifier = name
                        } else {
                            diagnostics.append(
                                .error(
                                    field.location, "'timezone' must be an IANA time zone name like Europe/Berlin, not '\(name)'")
                            )
                        }
                    }
                case "unsafe_html": config.unsafeHTML = field.bool(&diagnostics) ?? false
                case "policy": readPolicy(field, into: &config.policy, diagnostics: &diagnostics, source: source)
                case "date_order":
                    switch field.text(&diagnostics) {
                    case "day-first": config.dayFirst = true
                    case "month-first", nil: config.dayFirst = false
                    case let other?:
                        diagnostics.append(
                            .error(field.location, "'date_order' must be month-first or day-first, not '\(other)'"))
                    }
                case "companies": config.companyAliases = readCompanies(field, &diagnostics, source: source)
                case "periods": config.periods = readPeriods(field, &diagnostics, source: source)
                case "work_search": config.workSearch = readWorkSearch(field, &diagnostics, source: source)
                case "me": config.me = field.list(&diagnostics)
                default:
                    diagnostics.append(
                        .warning(
                            field.location, UnknownKey.message("key", field.key, in: "site.yml", known: knownKeys)
                        ))
                }
            }
        }
        return (config, diagnostics)
    }

    static let knownKeys = [
        "title", "author", "base_url", "timezone", "unsafe_html", "policy", "date_order", "companies", "periods",
        "work_search", "me",
    ]

    /// The fields of a nested mapping, each with its place in the file.
    private static func fields(of field: YAMLMapping.Field, source: SourceText) -> [YAMLMapping.Field]? {
        guard case .mapping(let mapping) = field.node else { return nil }
        return mapping.map { key, value in
            YAMLMapping.Field(
                key: key.scalar?.string ?? "", node: value,
                location: key.mark.map { YAMLMapping.fileLocation($0, source: source, firstLine: 1) } ?? field.location)
        }
    }

    private static func readCompanies(_ field: YAMLMapping.Field, _ diagnostics: inout [Diagnostic], source: SourceText)
        -> [CompanyAlias]
    {
        guard let entries = fields(of: field, source: source) else {
            diagnostics.append(
                .error(field.location, "'companies' must map a name to its spellings, like 'Alphabet: [Google, YouTube]'"))
            return []
        }
        return entries.map { CompanyAlias(name: $0.key.trimmingWhitespace, spellings: $0.list(&diagnostics)) }
    }

    private static func readPeriods(_ field: YAMLMapping.Field, _ diagnostics: inout [Diagnostic], source: SourceText)
        -> [SearchPeriod]
    {
        guard case .sequence(let items) = field.node else {
            diagnostics.append(
                .error(field.location, "'periods' must be a list like '- {name: Spring 2026, from: 2026-02-01, to: 2026-05-31}'"))
            return []
        }
        var periods: [SearchPeriod] = []
        for item in items {
            let place = item.mark.map { YAMLMapping.fileLocation($0, source: source, firstLine: 1) } ?? field.location
            let entry = YAMLMapping.Field(key: "periods", node: item, location: place)
            guard let parts = fields(of: entry, source: source) else {
                diagnostics.append(.error(place, "each period needs a name and a from date: {name: …, from: YYYY-MM-DD}"))
                continue
            }
            var name: String?
            var from: CivilDate?
            var to: CivilDate?
            for part in parts {
                switch part.key {
                case "name": name = part.text(&diagnostics)
                case "from", "to":
                    let text = part.text(&diagnostics) ?? ""
                    guard let date = CivilDate(iso: text) else {
                        diagnostics.append(.error(part.location, "'\(part.key)' must be a date in the form YYYY-MM-DD"))
                        continue
                    }
                    if part.key == "from" { from = date } else { to = date }
                default:
                    diagnostics.append(
                        .warning(part.location, UnknownKey.message("period key", part.key, known: UnknownKey.periodKeys)))
                }
            }
            guard let name, let from else {
                diagnostics.append(.error(place, "each period needs a name and a from date: {name: …, from: YYYY-MM-DD}"))
                continue
            }
            if let to, to < from {
                diagnostics.append(.error(place, "period '\(name)' ends (\(to)) before it starts (\(from))"))
                continue
            }
            let period = SearchPeriod(name: name, from: from, to: to)
            if let other = periods.first(where: { p in
                p.from <= (period.to ?? CivilDate(dayNumber: Int.max / 2))
                    && period.from <= (p.to ?? CivilDate(dayNumber: Int.max / 2))
            }) {
                diagnostics.append(.error(place, "period '\(name)' overlaps '\(other.name)'; periods must not overlap"))
                continue
            }
            periods.append(period)
        }
        return periods
    }

    private static func readWorkSearch(_ field: YAMLMapping.Field, _ diagnostics: inout [Diagnostic], source: SourceText)
        -> WorkSearchSettings
    {
        var settings = WorkSearchSettings()
        guard let parts = fields(of: field, source: source) else {
            diagnostics.append(.error(field.location, "'work_search' must be a mapping like {minimum_per_week: 3}"))
            return settings
        }
        for part in parts {
            switch part.key {
            case "minimum_per_week": settings.minimumPerWeek = part.integer(&diagnostics, minimum: 1, maximum: 100)
            case "distinct_days": settings.distinctDays = part.bool(&diagnostics) ?? false
            default:
                diagnostics.append(
                    .warning(part.location, UnknownKey.message("work_search key", part.key, known: UnknownKey.workSearchKeys)))
            }
        }
        return settings
    }

    private static func readPolicy(
        _ field: YAMLMapping.Field, into policy: inout Policy, diagnostics: inout [Diagnostic], source: SourceText
    ) {
        guard let entries = fields(of: field, source: source) else {
            diagnostics.append(.error(field.location, "'policy' must be a mapping (indented 'key: value' lines)"))
            return
        }
        for inner in entries {
            let name = inner.key
            let location = inner.location
            switch name {
            case "thank_you_within_hours":
                policy.thankYouWithinHours = inner.integer(&diagnostics, minimum: 1) ?? policy.thankYouWithinHours
            case "follow_up_after_days":
                policy.followUpAfterDays = inner.integer(&diagnostics, minimum: 1) ?? policy.followUpAfterDays
            case "max_follow_ups": policy.maxFollowUps = inner.integer(&diagnostics, minimum: 1) ?? policy.maxFollowUps
            case "silent_after_days":
                policy.silentAfterDays = inner.integer(&diagnostics, minimum: 1) ?? policy.silentAfterDays
            case "count_acknowledgements":
                policy.countAcknowledgements = inner.bool(&diagnostics) ?? policy.countAcknowledgements
            default:
                diagnostics.append(
                    .warning(
                        location,
                        UnknownKey.message("policy key", name, known: UnknownKey.policyKeys)
                    ))
            }
        }
    }
}
