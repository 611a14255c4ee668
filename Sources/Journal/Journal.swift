import Foundation

/// Everything read from a Content folder: settings, applications, articles, and what was wrong.
///
/// The one input of every later stage; it never changes after loading.
public struct Journal: Sendable {
    public var config: SiteConfig
    /// Applications ordered by file path, then position in the file; slugs assigned.
    public var applications: [Application]
    /// Articles ordered by file path; drafts included (the site decides whether to show them).
    public var articles: [Article]
    /// Every diagnostic, sorted by file, line and column.
    public var diagnostics: [Diagnostic]

    public init(
        config: SiteConfig = SiteConfig(), applications: [Application] = [], articles: [Article] = [],
        diagnostics: [Diagnostic] = []
    ) {
        self.config = config
        self.applications = applications
        self.articles = articles
        self.diagnostics = diagnostics
    }

    public var hasErrors: Bool { diagnostics.hasErrors }
}

/// Loads a Content folder from disk into a `Journal`. The only part of the journal stage that reads files.
public enum JournalLoader {
    public static func load(content folder: URL) -> Journal {
        var diagnostics: [Diagnostic] = []
        let prefix = ContentFiles.displayPath(folder)
        let displayPrefix = prefix.isEmpty || prefix.hasSuffix("/") ? prefix : prefix + "/"

        var config = SiteConfig()
        let siteURL = folder.appendingPathComponent("site.yml")
        if let data = FileManager.default.contents(atPath: siteURL.path) {
            switch SourceText.decode(data, displayPath: displayPrefix + "site.yml", relativePath: "site.yml") {
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            case .success(let source):
                let (read, found) = SiteConfigReader.read(source)
                config = read
                diagnostics += found
            }
        }

        let journalFiles = ContentFiles.markdownFiles(
            in: folder.appendingPathComponent("journal"), diagnostics: &diagnostics, displayPrefix: displayPrefix + "journal/")
        let sources = decode(journalFiles, folder: "journal", displayPrefix: displayPrefix, diagnostics: &diagnostics)
        var journal = JournalBuilder.build(sources: sources, config: config)

        let articleFiles = ContentFiles.markdownFiles(
            in: folder.appendingPathComponent("articles"), diagnostics: &diagnostics,
            displayPrefix: displayPrefix + "articles/")
        let articleSources = decode(articleFiles, folder: "articles", displayPrefix: displayPrefix, diagnostics: &diagnostics)
        for (article, found) in Parallel.map(articleSources, ArticleReader.read) {
            diagnostics += found
            if let article { journal.articles.append(article) }
        }
        journal.articles = JournalBuilder.numberArticleSlugs(journal.articles)
        journal.diagnostics = (journal.diagnostics + diagnostics).sortedByLocation()
        return journal
    }

    static func decode(
        _ files: [ContentFiles.File], folder: String, displayPrefix: String, diagnostics: inout [Diagnostic]
    ) -> [SourceText] {
        let decoded = Parallel.map(files) { file -> Result<SourceText, Diagnostic> in
            let display = displayPrefix + folder + "/" + file.relativePath
            guard let data = FileManager.default.contents(atPath: file.url.path) else {
                return .failure(.error(SourceLocation(file: display, line: 1, column: 1), "cannot read this file"))
            }
            return SourceText.decode(data, displayPath: display, relativePath: file.relativePath)
        }
        return decoded.compactMap { result in
            switch result {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                return nil
            case .success(let source): return source
            }
        }
    }
}

/// Turns already-read journal texts into a `Journal`: reads each file, then checks and numbers across files.
/// Pure (no file system), so tests feed it strings.
public enum JournalBuilder {
    /// `sources` must be in path order; the result is sorted by location.
    public static func build(sources: [SourceText], config: SiteConfig) -> Journal {
        var diagnostics: [Diagnostic] = []
        var applications: [Application] = []
        // Files are independent: read them on every core, then merge in path order.
        let read = Parallel.map(sources) { source -> ([Application], [Diagnostic]) in
            var reader = JournalFileReader(source: source)
            reader.read()
            return (reader.applications, reader.diagnostics)
        }
        for (found, problems) in read {
            applications += found
            diagnostics += problems
        }
        diagnostics += outcomeWarnings(applications)
        diagnostics += duplicateErrors(applications)
        applications = assignSlugs(applications)
        return Journal(config: config, applications: applications, diagnostics: diagnostics.sortedByLocation())
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
        var seen: [String: Application] = [:]
        var found: [Diagnostic] = []
        for app in applications {
            let key = app.companyKey + "\u{0}" + TextKey.normalized(app.role) + "\u{0}" + (app.firstDate?.description ?? "")
            if let first = seen[key] {
                found.append(
                    .error(
                        app.origin,
                        "duplicate application: '\(app.title)' first dated \(app.firstDate?.description ?? "(no events)") is already at \(first.origin)"
                    ))
            } else {
                seen[key] = app
            }
        }
        return found
    }

    /// Slugs by the spec's rule, numbered by first event date, then path, then position in the file.
    public static func assignSlugs(_ applications: [Application], name: (Application) -> String = { "\($0.company) \($0.role)" })
        -> [Application]
    {
        var result = applications
        let order = result.indices.sorted { a, b in
            let x = result[a]
            let y = result[b]
            switch (x.firstDate, y.firstDate) {
            case let (dx?, dy?) where dx != dy: return dx < dy
            case (nil, _?): return false
            case (_?, nil): return true
            default: break
            }
            if x.path != y.path { return TextKey.precedes(x.path, y.path) }
            return x.positionInFile < y.positionInFile
        }
        var used: [String: Int] = [:]
        for index in order {
            let base = Slug.make(name(result[index]))
            let count = (used[base] ?? 0) + 1
            used[base] = count
            result[index].slug = count == 1 ? base : "\(base)-\(count)"
        }
        return result
    }

    /// Article slugs, numbered like application slugs when two collide (by date, then path).
    static func numberArticleSlugs(_ articles: [Article]) -> [Article] {
        var result = articles
        let order = result.indices.sorted { a, b in
            result[a].date != result[b].date
                ? result[a].date < result[b].date : TextKey.precedes(result[a].path, result[b].path)
        }
        var used: [String: Int] = [:]
        for index in order {
            let base = result[index].slug
            let count = (used[base] ?? 0) + 1
            used[base] = count
            if count > 1 { result[index].slug = "\(base)-\(count)" }
        }
        return result
    }
}
