import Foundation

/// Turns already-read journal texts into a `Journal`: reads each file, then checks and numbers across files.
/// Pure (no file system), so tests feed it strings.
public enum JournalBuilder {
    /// `sources` must be in path order; the result is sorted by location.
    public static func build(sources: [SourceText], config: SiteConfig) -> Journal {
        // Files are independent: read them on every core, then merge in path order.
        let readings = Parallel.map(sources) { source -> FileReading in
            var reader = JournalFileReader(source: source, dayFirst: config.dayFirst)
            reader.read()
            return FileReading(
                applications: reader.applications, activities: reader.activities, diagnostics: reader.diagnostics)
        }
        return assemble(readings, config: config)
    }

    /// Joins the files' readings (in path order) and checks what only shows across files.
    static func assemble(_ readings: [FileReading], config: SiteConfig) -> Journal {
        var diagnostics: [Diagnostic] = []
        var applications: [Application] = []
        var activities: [Activity] = []
        for reading in readings {
            applications += reading.applications
            activities += reading.activities
            diagnostics += reading.diagnostics
        }
        CompanyIdentity.apply(config.companyAliases, to: &applications)
        // The checks across files and the slugs read the same applications: made side by side.
        let all = applications
        let parts = Parallel.map([0, 1, 2, 3], chunk: 1) { part -> (found: [Diagnostic], slugged: [Application]) in
            switch part {
            case 0: return (CompanyIdentity.mergedSpellings(all), [])
            case 1: return (outcomeWarnings(all), [])
            case 2: return (duplicateErrors(all), [])
            default: return ([], assignSlugs(all))
            }
        }
        for part in parts { diagnostics += part.found }
        applications = parts[3].slugged
        var journal = Journal(config: config, applications: applications, diagnostics: diagnostics.sortedByLocation())
        journal.activities = activities
        return journal
    }

    /// Convenience for tests and tools: one file's text.
    public static func build(files: [(path: String, text: String)], config: SiteConfig = SiteConfig()) -> Journal {
        let sources = files.sorted { TextKey.precedes($0.path, $1.path) }.map {
            SourceText(displayPath: "journal/" + $0.path, relativePath: $0.path, text: $0.text)
        }
        return build(sources: sources, config: config)
    }

    /// Events dated after the application's final outcome, other than the kinds that follow one naturally.
    static func outcomeWarnings(_ applications: [Application]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for app in applications {
            guard let final = app.events.first(where: { $0.kind.isClosing }) else { continue }
            for event in app.events where event.date > final.date {
                switch event.kind {
                case .feedback, .feedbackRequest, .thankYou, .note: continue
                default:
                    found.append(
                        .warning(
                            event.location,
                            "'\(event.kind.rawValue)' is dated after the application's final outcome ('\(final.kind.rawValue)' on \(final.date))"
                        ))
                }
            }
        }
        return found
    }

    /// Two applications with the same company, role and first date are one written twice.
    static func duplicateErrors(_ applications: [Application]) -> [Diagnostic] {
        // Keys are made on every core; only the lookups are serial.
        let keys = Parallel.map(applications) { app in
            app.companyKey + "\u{0}" + TextKey.normalized(app.role) + "\u{0}" + (app.firstDate?.description ?? "")
        }
        var seen: [String: Int] = [:]
        var found: [Diagnostic] = []
        for (index, key) in keys.enumerated() {
            if let first = seen[key] {
                let app = applications[index]
                found.append(
                    .error(
                        app.origin,
                        "duplicate application: '\(app.title)' first dated \(app.firstDate?.description ?? "(no events)") is already at \(applications[first].origin)"
                    ))
            } else {
                seen[key] = index
            }
        }
        return found
    }

    /// Slugs by the spec's rule, numbered by first event date, then path, then position in the file.
    public static func assignSlugs(_ applications: [Application], name: (Application) -> String = { "\($0.company) \($0.role)" })
        -> [Application]
    {
        var result = applications
        // The sort keys are taken out once: comparing whole applications copied them at every step.
        let keys = result.map { (first: $0.firstDate, path: $0.path, position: $0.positionInFile) }
        let order = result.indices.sorted { a, b in
            let x = keys[a]
            let y = keys[b]
            switch (x.first, y.first) {
            case let (dx?, dy?) where dx != dy: return dx < dy
            case (nil, _?): return false
            case (_?, nil): return true
            default: break
            }
            if x.path != y.path { return TextKey.precedes(x.path, y.path) }
            return x.position < y.position
        }
        let bases = Parallel.map(result) { Slug.make(name($0)) }
        var numbering = SlugNumbering()
        for index in order { result[index].slug = numbering.next(bases[index]) }
        return result
    }

    /// Article slugs, numbered like application slugs when two collide (by date, then path).
    static func numberArticleSlugs(_ articles: [Article]) -> [Article] {
        var result = articles
        let order = result.indices.sorted { a, b in
            result[a].date != result[b].date
                ? result[a].date < result[b].date : TextKey.precedes(result[a].path, result[b].path)
        }
        var numbering = SlugNumbering()
        for index in order { result[index].slug = numbering.next(result[index].slug) }
        return result
    }
}
