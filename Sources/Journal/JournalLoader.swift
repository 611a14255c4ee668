import Foundation

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
        let articleFiles = ContentFiles.markdownFiles(
            in: folder.appendingPathComponent("articles"), diagnostics: &diagnostics,
            displayPrefix: displayPrefix + "articles/")
        // Journal files and articles are read in one pass over every core.
        let files = journalFiles.map { (file: $0, isArticle: false) } + articleFiles.map { (file: $0, isArticle: true) }
        let readings = Parallel.map(files, chunk: 4) { item in
            if item.isArticle {
                return reading(item.file, folder: "articles", displayPrefix: displayPrefix, cache: cache) { source in
                    let (article, found) = ArticleReader.read(source)
                    return FileReading(articles: article.map { [$0] } ?? [], diagnostics: found)
                }
            }
            return reading(item.file, folder: "journal", displayPrefix: displayPrefix, cache: cache) { source in
                var reader = JournalFileReader(source: source, dayFirst: config.dayFirst)
                reader.read()
                return FileReading(
                    applications: reader.applications, activities: reader.activities, diagnostics: reader.diagnostics)
            }
        }
        var journal = JournalBuilder.assemble(Array(readings.prefix(journalFiles.count)), config: config)
        for found in readings.dropFirst(journalFiles.count) {
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
        // Only serve keeps a cache; a one-off build does not need each file's stamp.
        let stamp = cache == nil ? nil : FileStamp(file.path)
        if let cache, let stamp, let hit = cache.lookup(key, stamp) { return hit }
        guard let data = FileManager.default.contents(atPath: file.path) else {
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
            guard let data = FileManager.default.contents(atPath: file.path) else {
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
