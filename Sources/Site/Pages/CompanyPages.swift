import Analytics
import Journal
import Templates

/// Response times per company, and one page per company.
enum CompanyPages {
    static func index(_ model: SiteModel) -> TemplateValue {
        let path = "companies/index.html"
        var context = model.frame(path: path, title: "Companies", kind: "companies")
        context["count"] = .int(model.stats.companies.count)
        struct RowInput: Hashable {
            let figures: CompanyFigures
            let href: String
        }
        let inputs = model.stats.companies.map { c in
            RowInput(figures: c, href: SitePath.link(from: path, to: SitePath.company(model.companySlugs[c.key] ?? "company")))
        }
        context["rows"] = .array(
            model.items("companies-row", inputs) { row in
                let c = row.figures
                return [
                    "company": .string(c.company), "href": .string(row.href),
                    "applications": .int(c.applications), "responded": .int(c.responded),
                    "mean": .string(Format.days(c.meanResponseDays)),
                    "meanSort": .string(c.meanResponseDays.map { String(Int($0 * 10)) } ?? ""),
                    "median": .string(Format.days(c.medianResponseDays?.value)),
                    "medianSort": .string(c.medianResponseDays.map { String(Int($0.value * 10)) } ?? ""),
                    "pending": .int(c.pending),
                ]
            })
        return .object(context)
    }

    static func path(_ c: CompanyFigures, _ model: SiteModel) -> String {
        SitePath.company(model.companySlugs[c.key] ?? "company")
    }

    /// What one company's page is made from, besides what every page shares: its cache key.
    struct Input: Hashable {
        let figures: CompanyFigures
        let path: String
        let applications: [ApplicationFacts]

        init(_ c: CompanyFigures, _ model: SiteModel) {
            figures = c
            path = CompanyPages.path(c, model)
            applications = c.applicationSlugs.compactMap { model.factsBySlug[$0] }
        }
    }

    static func page(_ input: Input, _ model: PageFrame) -> TemplateValue {
        let c = input.figures
        let path = input.path
        var context = model.context(path: path, title: c.company, kind: "companies")
        context["company"] = .string(c.company)
        context["applications"] = .int(c.applications)
        context["applicationsLabel"] = .string(c.applications == 1 ? "application" : "applications")
        context["responded"] = .int(c.responded)
        context["mean"] = .string(Format.days(c.meanResponseDays))
        context["median"] = .string(Format.days(c.medianResponseDays?.value))
        context["pending"] = .int(c.pending)
        context["rows"] = .array(
            input.applications.map { fact in
                [
                    "role": .string(fact.application.role.isEmpty ? "(no role)" : fact.application.role),
                    "href": .string(SitePath.link(from: path, to: SitePath.application(fact.slug))),
                    "status": .string(fact.status.rawValue),
                    "applied": .string(fact.appliedIndex.map { Format.short(fact.past[$0].date) } ?? "–"),
                    "firstAnswer": .string(fact.firstResponse.map { $0.observed ? String($0.days) : "(\($0.days)+)" } ?? "–"),
                ]
            })
        return .object(context)
    }
}
