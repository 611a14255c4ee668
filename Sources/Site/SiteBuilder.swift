import Analytics
import Foundation
import Journal

/// Renders the whole site in memory: page models → templates → bytes. Nothing touches the disk here,
/// so a failure leaves Output as it was.
public enum SiteBuilder {
    public static func build(journal: Journal, stats: Statistics, theme: Theme, options: BuildOptions) throws -> RenderedSite {
        let model = SiteModel(journal: journal, stats: stats, options: options)
        var pages: [(path: String, template: String, context: [String: Any])] = [
            ("index.html", "dashboard", DashboardPage.context(model)),
            ("applications/index.html", "applications", ApplicationPages.index(model)),
            ("timeline/index.html", "timeline", TimelinePage.context(model)),
            ("companies/index.html", "companies", CompanyPages.index(model)),
            ("stats/index.html", "stats", StatsPage.context(model)),
            ("advice/index.html", "advice", AdvicePages.index(model)),
        ]
        for fact in stats.facts {
            let (path, context) = ApplicationPages.page(fact, model)
            pages.append((path, "application", context))
        }
        for (path, context) in CompanyPages.pages(model) { pages.append((path, "company", context)) }
        for (path, context) in AdvicePages.pages(model) { pages.append((path, "article", context)) }
        for (path, context) in AdvicePages.tags(model) { pages.append((path, "advice", context)) }

        var files: [String: [UInt8]] = [:]
        for page in pages {
            guard SitePath.isContained(page.path), files[page.path] == nil else {
                throw Theme.LoadError(description: "error: two pages would be written to '\(page.path)'")
            }
            files[page.path] = Array(try theme.render(page.template, page.context).utf8)
        }

        var notes: [String] = []
        let base = absoluteBase(options.baseURL ?? journal.config.baseURL)
        let privateSlugs = Set(journal.applications.filter(\.isPrivate).map(\.slug))
        let sitemapPaths = pages.map(\.path).filter { path in
            !privateSlugs.contains { path == SitePath.application($0) }
        }
        if base == nil {
            notes.append("sitemap.xml and feed.xml use relative URLs: set base_url in site.yml (or --base-url) to a full URL like https://example.com/search/ to make them absolute")
        }
        files["sitemap.xml"] = Array(Sitemap.xml(paths: sitemapPaths, base: base).utf8)
        files["feed.xml"] = Array(AtomFeed.xml(model, base: base).utf8)
        files["calendar.ics"] = Array(CalendarFile.ics(model).utf8)
        files["data/stats.json"] = Array(StatsJSON.value(stats).serialized(pretty: true).utf8)
        files["data/applications.json"] = Array(DataExports.json(model).utf8)
        files["data/applications.csv"] = Array(DataExports.csv(model).utf8)
        for (path, data) in theme.assets {
            let target = "assets/" + path
            guard SitePath.isContained(target) else { continue }
            files[target] = Array(data)
        }
        return RenderedSite(files: files, notes: notes)
    }

    /// The base URL when it has a scheme and host (ending in `/`), else nil.
    static func absoluteBase(_ url: String) -> String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), url.count > 8 else { return nil }
        return url.hasSuffix("/") ? url : url + "/"
    }
}
