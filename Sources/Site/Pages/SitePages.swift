import Analytics
import Journal
import Templates

/// One page to render: where it goes, the template that draws it, how its context is made, and,
/// for a page a cache may reuse without even making its context, its key.
struct PageJob {
    let path: String
    let template: String
    let context: () -> TemplateValue
    /// The hash of exactly what the context is made from; nil when the page is always made again.
    let key: (() -> Int)?
    /// A page that lists the whole journal (an index): rendered as a unit of work of its own.
    var isIndex = false

    /// A page made from `input` and the shared frame alone, keyed on the same two values, so no
    /// field the page shows can be left out of its key.
    static func keyed<Input: Hashable>(
        _ path: String, _ template: String, frame: PageFrame, salt: Int, input: @escaping () -> Input,
        make: @escaping (Input, PageFrame) -> TemplateValue
    ) -> PageJob {
        PageJob(
            path: path, template: template, context: { make(input(), frame) },
            key: {
                var hasher = Hasher()
                hasher.combine(salt)
                hasher.combine(frame)
                hasher.combine(input())
                return hasher.finalize()
            })
    }
}

/// Every kind of page of the site, declared once, in the order the site lists them (the sitemap
/// follows it): its template, its entry in the navigation, whether a public build has it, and its
/// pages. The page list, the navigation, the sitemap and the templates a theme needs all come
/// from here, so a new page is one entry and its page file.
enum SitePages {
    /// A section in the navigation bar.
    struct NavigationEntry: Hashable {
        let label: String
        let path: String
        let kind: String
    }

    /// Where a section sits in the navigation bar.
    struct Place: Sendable {
        let label: String
        let path: String
        let position: Int
    }

    struct Kind: Sendable {
        let template: String
        /// The section's label, path and place in the navigation bar, for the kinds that have one.
        var navigation: Place? = nil
        var inPublic = true
        /// The pages of this kind. `salt` is the theme's fingerprint, part of every cache key.
        let pages: @Sendable (_ model: SiteModel, _ salt: Int) -> [PageJob]
    }

    /// A kind with a single page at `path` that lists the whole journal.
    static func section(
        _ template: String, _ label: String, _ path: String, position: Int, inPublic: Bool = true,
        context: @escaping @Sendable (SiteModel) -> TemplateValue
    ) -> Kind {
        Kind(
            template: template, navigation: Place(label: label, path: path, position: position), inPublic: inPublic,
            pages: { model, _ in [PageJob(path: path, template: template, context: { context(model) }, key: nil, isIndex: true)] }
        )
    }

    static let kinds: [Kind] = [
        section("dashboard", "Dashboard", "index.html", position: 0, context: DashboardPage.context),
        section("applications", "Applications", "applications/index.html", position: 1, context: ApplicationPages.index),
        section("timeline", "Timeline", "timeline/index.html", position: 2, context: TimelinePage.context),
        section("companies", "Companies", "companies/index.html", position: 4, context: CompanyPages.index),
        section("stats", "Statistics", "stats/index.html", position: 3, context: StatsPage.context),
        section("advice", "Advice", "advice/index.html", position: 6, context: AdvicePages.index),
        Kind(template: "application") { model, salt in
            // Closures hold an index, not the facts themselves: copying a struct into each of
            // 20,000 closures was a measurable part of the build.
            model.stats.facts.indices.map { index in
                .keyed(
                    SitePath.application(model.stats.facts[index].slug), "application", frame: model.shared,
                    salt: salt, input: { ApplicationPages.Input(model.stats.facts[index], model) },
                    make: { ApplicationPages.page($0, $1).1 })
            }
        },
        Kind(template: "company") { model, salt in
            model.stats.companies.indices.map { index in
                .keyed(
                    CompanyPages.path(model.stats.companies[index], model), "company", frame: model.shared, salt: salt,
                    input: { CompanyPages.Input(model.stats.companies[index], model) }, make: CompanyPages.page)
            }
        },
        Kind(template: "period") { model, _ in
            model.stats.periods.map { period in
                PageJob(
                    path: StatsPage.periodPath(period.period), template: "period", context: { StatsPage.period(period, model) },
                    key: nil)
            }
        },
        section(
            "report", "Work search", ReportPage.path, position: 5, inPublic: false, context: { ReportPage.context($0) }),
        Kind(template: "article") { model, salt in
            model.articles.indices.map { index in
                .keyed(
                    SitePath.article(model.articles[index].slug), "article", frame: model.shared, salt: salt,
                    input: { AdvicePages.Input(model.articles[index], model) }, make: { AdvicePages.page($0, $1).1 })
            }
        },
        Kind(template: "advice") { model, _ in
            AdvicePages.tags(model).map { PageJob(path: $0.0, template: "advice", context: $0.1, key: nil) }
        },
    ]

    /// The kinds a build of this visibility has.
    static func kinds(isPublic: Bool) -> [Kind] { kinds.filter { !isPublic || $0.inPublic } }

    /// Every page of the site, in the declared order.
    static func jobs(_ model: SiteModel, salt: Int) -> [PageJob] {
        kinds(isPublic: model.options.isPublic).flatMap { $0.pages(model, salt) }
    }

    /// The navigation bar, in its own order.
    static func navigation(isPublic: Bool) -> [NavigationEntry] {
        kinds(isPublic: isPublic).compactMap { kind in kind.navigation.map { (kind.template, $0) } }
            .sorted { $0.1.position < $1.1.position }
            .map { NavigationEntry(label: $0.1.label, path: $0.1.path, kind: $0.0) }
    }

    /// The templates a build needs: every kind's, and the layout they share.
    static let templates: [String] = ["layout"] + kinds.map(\.template).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
}
