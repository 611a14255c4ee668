import Analytics
import Foundation
import Journal

/// Renders the whole site in memory: page models → templates → bytes. Nothing touches the disk here,
/// so a failure leaves Output as it was.
public enum SiteBuilder {
    public static func build(
        journal: Journal, stats: Statistics, theme: Theme, options: BuildOptions, cache: RenderCache? = nil
    ) throws -> RenderedSite {
        let model = SiteModel(journal: journal, stats: stats, options: options)
        // Every page is a job that builds its context and renders it; jobs run on every core and
        // the results are collected by path, so the bytes are the same as a serial build's.
        // Application and company pages also say what they are made from (`inputs`), so that with a
        // cache a page whose inputs did not change is reused without even building its context.
        typealias Job = (path: String, template: String, context: () -> [String: Any], inputs: (() -> Int)?)
        var jobs: [Job] = [
            ("index.html", "dashboard", { DashboardPage.context(model) }, nil),
            ("applications/index.html", "applications", { ApplicationPages.index(model) }, nil),
            ("timeline/index.html", "timeline", { TimelinePage.context(model) }, nil),
            ("companies/index.html", "companies", { CompanyPages.index(model) }, nil),
            ("stats/index.html", "stats", { StatsPage.context(model) }, nil),
            ("advice/index.html", "advice", { AdvicePages.index(model) }, nil),
        ]
        let shared = cache == nil ? 0 : sharedInputs(model, theme: theme)
        for fact in stats.facts {
            let slug = fact.application.slug
            jobs.append(
                (
                    SitePath.application(slug), "application", { ApplicationPages.page(fact, model).1 },
                    {
                        var hasher = Hasher()
                        hasher.combine(shared)
                        hasher.combine(fact.application)
                        hasher.combine(model.actionsBySlug[slug] ?? [])
                        hasher.combine(model.companySlug(for: fact.application))
                        return hasher.finalize()
                    }
                ))
        }
        for company in stats.companies {
            jobs.append(
                (
                    CompanyPages.path(company, model), "company", { CompanyPages.page(company, model) },
                    {
                        var hasher = Hasher()
                        hasher.combine(shared)
                        hasher.combine(company)
                        for slug in company.applicationSlugs { hasher.combine(model.factsBySlug[slug]?.application) }
                        return hasher.finalize()
                    }
                ))
        }
        for article in model.articles {
            jobs.append((SitePath.article(article.slug), "article", { AdvicePages.page(article, model).1 }, nil))
        }
        for (path, context) in AdvicePages.tags(model) { jobs.append((path, "advice", context, nil)) }

        var files: [String: [UInt8]] = [:]
        for job in jobs {
            guard SitePath.isContained(job.path), files[job.path] == nil else {
                throw Theme.LoadError(description: "error: two pages would be written to '\(job.path)'")
            }
            files[job.path] = []
        }
        let profile = ProcessInfo.processInfo.environment["FOLLOWUP_TIMING"] != nil
        cache?.begin()
        let rendered = try Parallel.map(jobs) { job -> (bytes: [UInt8], written: Bool, context: Double, render: Double) in
            let inputs = cache == nil ? nil : job.inputs?()
            if let cache, let inputs, let page = cache.reuse(job.path, inputs: inputs) { return (page.bytes, page.written, 0, 0) }
            let start = profile ? Date() : Date.distantPast
            let context = job.context()
            let middle = profile ? Date() : Date.distantPast
            let render = { Array(try theme.render(job.template, context).utf8) }
            var page: (bytes: [UInt8], written: Bool)
            if let cache {
                var fingerprint = theme.fingerprint
                fingerprint.add(text: job.template)
                fingerprint.add(value: context)
                page = try cache.page(job.path, fingerprint, inputs: inputs, render: render)
            } else {
                page = (try render(), false)
            }
            return (page.bytes, page.written, middle.timeIntervalSince(start), profile ? Date().timeIntervalSince(middle) : 0)
        }
        if profile {
            var totals: [String: (count: Int, context: Double, render: Double)] = [:]
            for (job, result) in zip(jobs, rendered) {
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
        for (job, page) in zip(jobs, rendered) {
            files[job.path] = page.bytes
            if page.written { unchanged.insert(job.path) }
        }
        let pages = jobs.map { (path: $0.path, template: $0.template) }

        var notes: [String] = []
        let base = absoluteBase(options.baseURL ?? journal.config.baseURL)
        let privateSlugs = Set(journal.applications.filter(\.isPrivate).map(\.slug))
        let sitemapPaths = pages.map(\.path).filter { path in
            !privateSlugs.contains { path == SitePath.application($0) }
        }
        if base == nil {
            notes.append(
                "sitemap.xml and feed.xml use relative URLs: set base_url in site.yml (or --base-url) to a full URL like https://example.com/search/ to make them absolute"
            )
        }
        let dataFiles: [(String, () -> String)] = [
            ("sitemap.xml", { Sitemap.xml(paths: sitemapPaths, base: base) }),
            ("feed.xml", { AtomFeed.xml(model, base: base) }),
            ("calendar.ics", { CalendarFile.ics(model) }),
            ("data/stats.json", { StatsJSON.value(stats).serialized(pretty: true) }),
            ("data/applications.json", { DataExports.json(model) }),
            ("data/applications.csv", { DataExports.csv(model) }),
        ]
        for (file, bytes) in zip(dataFiles, Parallel.map(dataFiles) { Array($0.1().utf8) }) { files[file.0] = bytes }
        for (path, data) in theme.assets {
            let target = "assets/" + path
            guard SitePath.isContained(target) else { continue }
            files[target] = Array(data)
        }
        return RenderedSite(files: files, notes: notes, alreadyWritten: unchanged)
    }

    /// What every application and company page shares: theme, settings, day, counts and articles.
    static func sharedInputs(_ model: SiteModel, theme: Theme) -> Int {
        var hasher = Hasher()
        hasher.combine(theme.fingerprint)
        hasher.combine(model.journal.config)
        hasher.combine(model.today)
        hasher.combine(model.options.isPublic)
        hasher.combine(model.stats.applications)
        hasher.combine(model.articles)
        return hasher.finalize()
    }

    /// The base URL when it has a scheme and host (ending in `/`), else nil.
    static func absoluteBase(_ url: String) -> String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), url.count > 8 else { return nil }
        return url.hasSuffix("/") ? url : url + "/"
    }
}
