import Foundation

#if canImport(Glibc)
    import Glibc
#endif

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
    /// Reads every file; with a `cache` (kept by `serve` between builds), files whose size and
    /// modification time did not change are not read or parsed again.
    public static func load(content folder: URL, cache: ParseCache? = nil) -> Journal {
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
        let journalReadings = Parallel.map(journalFiles) { file in
            reading(file, folder: "journal", displayPrefix: displayPrefix, cache: cache) { source in
                var reader = JournalFileReader(source: source)
                reader.read()
                return FileReading(applications: reader.applications, diagnostics: reader.diagnostics)
            }
        }
        var journal = JournalBuilder.assemble(journalReadings, config: config)

        let articleFiles = ContentFiles.markdownFiles(
            in: folder.appendingPathComponent("articles"), diagnostics: &diagnostics,
            displayPrefix: displayPrefix + "articles/")
        let articleReadings = Parallel.map(articleFiles) { file in
            reading(file, folder: "articles", displayPrefix: displayPrefix, cache: cache) { source in
                let (article, found) = ArticleReader.read(source)
                return FileReading(articles: article.map { [$0] } ?? [], diagnostics: found)
            }
        }
        for found in articleReadings {
            diagnostics += found.diagnostics
            journal.articles += found.articles
        }
        journal.articles = JournalBuilder.numberArticleSlugs(journal.articles)
        journal.diagnostics = (journal.diagnostics + diagnostics).sortedByLocation()
        return journal
    }

    /// One file read and parsed by `parse`, or taken from the cache when it has not changed.
    static func reading(
        _ file: ContentFiles.File, folder: String, displayPrefix: String, cache: ParseCache?,
        parse: (SourceText) -> FileReading
    ) -> FileReading {
        let display = displayPrefix + folder + "/" + file.relativePath
        let key = folder + "/" + file.relativePath
        let stamp = FileStamp(file.url.path)
        if let cache, let stamp, let hit = cache.lookup(key, stamp) { return hit }
        guard let data = FileManager.default.contents(atPath: file.url.path) else {
            return FileReading(diagnostics: [.error(SourceLocation(file: display, line: 1, column: 1), "cannot read this file")])
        }
        let result: FileReading
        switch SourceText.decode(data, displayPath: display, relativePath: file.relativePath) {
        case .failure(let diagnostic): result = FileReading(diagnostics: [diagnostic])
        case .success(let source): result = parse(source)
        }
        if let cache, let stamp { cache.store(key, stamp, result) }
        return result
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

/// What reading one file gave: its applications or article, and its diagnostics.
public struct FileReading: Sendable {
    public var applications: [Application] = []
    public var articles: [Article] = []
    public var diagnostics: [Diagnostic] = []
}

/// A file's identity on disk for the parse cache: size, modification time and inode.
public struct FileStamp: Sendable, Hashable {
    let size: Int
    let seconds: Int
    let nanoseconds: Int
    let inode: UInt64

    init?(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int(info.st_size)
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
        inode = UInt64(info.st_ino)
    }
}

/// The parsed files of earlier builds, kept by `serve` so that a save re-parses only that file.
public final class ParseCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (FileStamp, FileReading)] = [:]
    private var hits = 0

    public init() {}

    func lookup(_ key: String, _ stamp: FileStamp) -> FileReading? {
        lock.withLock {
            guard let entry = entries[key], entry.0 == stamp else { return nil }
            hits += 1
            return entry.1
        }
    }

    func store(_ key: String, _ stamp: FileStamp, _ reading: FileReading) {
        lock.withLock { entries[key] = (stamp, reading) }
    }

    /// How many files were taken from the cache since the last call (for tests and timing).
    public func takeHits() -> Int {
        lock.withLock {
            defer { hits = 0 }
            return hits
        }
    }
}

/// Turns already-read journal texts into a `Journal`: reads each file, then checks and numbers across files.
/// Pure (no file system), so tests feed it strings.
public enum JournalBuilder {
    /// `sources` must be in path order; the result is sorted by location.
    public static func build(sources: [SourceText], config: SiteConfig) -> Journal {
        // Files are independent: read them on every core, then merge in path order.
        let readings = Parallel.map(sources) { source -> FileReading in
            var reader = JournalFileReader(source: source)
            reader.read()
            return FileReading(applications: reader.applications, diagnostics: reader.diagnostics)
        }
        return assemble(readings, config: config)
    }

    /// Joins the files' readings (in path order) and checks what only shows across files.
    static func assemble(_ readings: [FileReading], config: SiteConfig) -> Journal {
        var diagnostics: [Diagnostic] = []
        var applications: [Application] = []
        for reading in readings {
            applications += reading.applications
            diagnostics += reading.diagnostics
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
