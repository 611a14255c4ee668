import Analytics
import Foundation
import Journal
import Templates

/// Renders the whole site: page models → templates → bytes, kept in memory or handed to a `sink`
/// (the staging folder) as each file is made. Output itself is not touched here, so a failure
/// leaves it as it was.
public enum SiteBuilder {
    public static func build(
        journal: Journal, stats: Statistics, theme: Theme, options: BuildOptions, cache: RenderCache? = nil,
        sink: PageSink? = nil
    ) throws -> RenderedSite {
        let started = Date()
        cache?.begin()
        let model = SiteModel(journal: journal, stats: stats, options: options)
        model.fragments = cache?.fragments
        model.shared.renderArticles(store: cache?.bodies)
        let jobs = SitePages.jobs(model, salt: theme.fingerprint.hashValue)
        let modelBuilt = Date()

        var files: [String: [UInt8]] = [:]
        for job in jobs {
            guard SitePath.isContained(job.path), files[job.path] == nil else {
                throw Theme.LoadError(unlocated: "two pages would be written to '\(job.path)'")
            }
            files[job.path] = []
        }
        let profile = ProcessInfo.processInfo.environment["FOLLOWUP_TIMING"] != nil
        var notes: [Diagnostic] = []
        let base = absoluteBase(options.baseURL ?? journal.config.baseURL)
        // One set lookup a page (a search of every private application for each page was quadratic).
        let privatePaths = Set(journal.applications.filter(\.isPrivate).map { SitePath.application($0.slug) })
        let sitemapPaths = jobs.map(\.path).filter { !privatePaths.contains($0) }
        // Only a site to publish needs absolute URLs; a local build would repeat this every time.
        if base == nil && options.isPublic {
            notes.append(
                .note(
                    nil,
                    "sitemap.xml and feed.xml use relative URLs: set base_url in site.yml (or --base-url) to a full URL like https://example.com/search/ to make them absolute"
                ))
        }
        var dataFiles: [(path: String, make: () -> [UInt8])] = [
            ("data/applications.json", { DataExports.json(model) }),
            ("data/stats.json", { model.statsJSON.bytes(pretty: true) }),
            ("data/applications.csv", { DataExports.csvBytes(model) }),
            (
                "calendar.ics",
                {
                    // Made from the actions, their applications and the settings: kept while those stay.
                    struct CalendarInput: Hashable {
                        let actions: [Action]
                        let applications: [Int]
                        let config: SiteConfig
                        let today: CivilDate
                    }
                    let input = CalendarInput(
                        actions: stats.actions,
                        applications: stats.actions.map { model.factsBySlug[$0.application]?.hashValue ?? 0 },
                        config: journal.config, today: options.today)
                    return model.fragments.bytes("calendar.ics", input) { Array(CalendarFile.ics(model).utf8) }
                }
            ),
            (
                "feed.xml",
                {
                    // Made from the articles and a few settings only: kept while none of them change.
                    struct FeedInput: Hashable {
                        let articles: [Article]
                        let config: SiteConfig
                        let base: String?
                        let today: CivilDate
                    }
                    let input = FeedInput(articles: model.articles, config: journal.config, base: base, today: options.today)
                    return model.fragments.bytes("feed.xml", input) { AtomFeed.bytes(model, base: base) }
                }
            ),
            (
                "sitemap.xml",
                {
                    // Kept between serve builds while the pages and the base are the same.
                    struct SitemapInput: Hashable {
                        let paths: [String]
                        let base: String?
                    }
                    return model.fragments.bytes("sitemap.xml", SitemapInput(paths: sitemapPaths, base: base)) {
                        Array(Sitemap.xml(paths: sitemapPaths, base: base).utf8)
                    }
                }
            ),
        ]
        if !options.isPublic { dataFiles.append(("data/work-search.csv", { ReportPage.csvBytes(model) })) }
        for name in theme.fallbacks {
            notes.append(
                .note(
                    nil,
                    "the theme has no '\(name)' template; the built-in one is used (copy it from the default theme to change it)"
                ))
        }

        // Data files (a few large ones) and pages (many small ones) are rendered together, the data
        // files first and each on its own, pages in batches, so both cores stay busy to the end.
        enum Work {
            case data(Int)
            case pages([Int])
        }
        // The index pages each take as long as a hundred small pages: one unit each.
        var work = dataFiles.indices.map(Work.data)
        let small = jobs.indices.filter { !jobs[$0].isIndex }
        for index in jobs.indices where jobs[index].isIndex { work.append(.pages([index])) }
        for start in stride(from: 0, to: small.count, by: 64) {
            work.append(.pages(Array(small[start..<min(start + 64, small.count)])))
        }
        typealias Page = (bytes: [UInt8], written: Bool, context: Double, render: Double)
        /// With a sink, a file leaves as soon as it is made and only an empty placeholder stays.
        func deliver(_ path: String, _ bytes: [UInt8], written: Bool) throws -> [UInt8] {
            guard let sink else { return bytes }
            try sink.accept(path, bytes, alreadyWritten: written)
            return []
        }
        let done = try Parallel.map(work, chunk: 1) { unit -> [Page] in
            switch unit {
            case .data(let index):
                let started = Date()
                let bytes = try deliver(dataFiles[index].path, dataFiles[index].make(), written: false)
                if profile {
                    let seconds = String(format: "%.3f", Date().timeIntervalSince(started))
                    FileHandle.standardError.write(Data("  \(dataFiles[index].path): \(seconds) s\n".utf8))
                }
                return [(bytes, false, 0, 0)]
            case .pages(let range):
                return try range.map { index in
                    let job = jobs[index]
                    let inputs = cache == nil ? nil : job.key?()
                    if let cache, let inputs, let page = cache.reuse(job.path, inputs: inputs) {
                        return (try deliver(job.path, page.bytes, written: page.written), page.written, 0, 0)
                    }
                    let start = profile ? Date() : Date.distantPast
                    let context = job.context()
                    let middle = profile ? Date() : Date.distantPast
                    let render = { () throws -> [UInt8] in
                        // Only index pages list keyed rows; a page of one application has none to keep.
                        guard job.isIndex, let memo = cache?.memo(for: job.path) else {
                            return try theme.render(job.template, context)
                        }
                        memo.begin()
                        let bytes = try theme.render(job.template, context, memo: memo)
                        memo.commit()
                        return bytes
                    }
                    var page: (bytes: [UInt8], written: Bool)
                    if let cache {
                        var fingerprint = theme.fingerprint
                        fingerprint.add(text: job.template)
                        fingerprint.add(value: context)
                        page = try cache.page(job.path, fingerprint, inputs: inputs, render: render)
                    } else {
                        page = (try render(), false)
                    }
                    return (
                        try deliver(job.path, page.bytes, written: page.written), page.written, middle.timeIntervalSince(start),
                        profile ? Date().timeIntervalSince(middle) : 0
                    )
                }
            }
        }
        if profile {
            let model = String(format: "%.3f", modelBuilt.timeIntervalSince(started))
            let pages = String(format: "%.3f", Date().timeIntervalSince(modelBuilt))
            FileHandle.standardError.write(Data("  site model: \(model) s; pages and data files: \(pages) s\n".utf8))
        }
        for (file, result) in zip(dataFiles, done) { files[file.path] = result[0].bytes }
        // Back in job order (the index pages went first).
        var rendered = [Page?](repeating: nil, count: jobs.count)
        for (unit, pages) in zip(work, done) {
            if case .pages(let indices) = unit { for (index, page) in zip(indices, pages) { rendered[index] = page } }
        }
        if profile {
            var totals: [String: (count: Int, context: Double, render: Double)] = [:]
            for (job, result) in zip(jobs, rendered.map { $0! }) {
                let t = totals[job.template] ?? (0, 0, 0)
                totals[job.template] = (t.count + 1, t.context + result.context, t.render + result.render)
            }
            for (name, t) in totals.sorted(by: { $0.value.render > $1.value.render }) {
                FileHandle.standardError.write(
                    Data(
                        "  \(name): \(t.count) pages, context \(String(format: "%.3f", t.context)) s, template \(String(format: "%.3f", t.render)) s\n"
                            .utf8))
            }
        }
        var unchanged = Set<String>()
        for (job, page) in zip(jobs, rendered.map { $0! }) {
            files[job.path] = page.bytes
            if page.written { unchanged.insert(job.path) }
        }
        for (path, data) in theme.assets {
            let target = "assets/" + path
            guard SitePath.isContained(target) else { continue }
            files[target] = try deliver(target, Array(data), written: false)
        }
        if sink != nil {
            return RenderedSite(files: [:], notes: notes, fileCount: files.count)
        }
        return RenderedSite(files: files, notes: notes, alreadyWritten: unchanged)
    }

    /// The base URL when it has a scheme and host (ending in `/`), else nil.
    static func absoluteBase(_ url: String) -> String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), url.count > 8 else { return nil }
        return url.hasSuffix("/") ? url : url + "/"
    }
}
