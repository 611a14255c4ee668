import Analytics
import Journal

/// Response times per company, and one page per company.
enum CompanyPages {
    static func index(_ model: SiteModel) -> [String: Any] {
        let path = "companies/index.html"
        var context = model.frame(path: path, title: "Companies", kind: "companies")
        context["count"] = model.stats.companies.count
        context["rows"] = model.stats.companies.map { c -> [String: Any] in
            [
                "company": c.company,
                "href": SitePath.link(from: path, to: SitePath.company(model.companySlugs[c.key] ?? "company")),
                "applications": c.applications, "responded": c.responded,
                "mean": Format.days(c.meanResponseDays), "meanSort": c.meanResponseDays.map { String(Int($0 * 10)) } ?? "",
                "median": Format.days(c.medianResponseDays?.value),
                "medianSort": c.medianResponseDays.map { String(Int($0.value * 10)) } ?? "", "pending": c.pending,
            ]
        }
        return context
    }

    static func path(_ c: CompanyFigures, _ model: SiteModel) -> String {
        SitePath.company(model.companySlugs[c.key] ?? "company")
    }

    static func page(_ c: CompanyFigures, _ model: SiteModel) -> [String: Any] {
        let path = path(c, model)
        var context = model.frame(path: path, title: c.company, kind: "companies")
        context["company"] = c.company
        context["applications"] = c.applications
        context["responded"] = c.responded
        context["mean"] = Format.days(c.meanResponseDays)
        context["median"] = Format.days(c.medianResponseDays?.value)
        context["pending"] = c.pending
        context["rows"] = c.applicationSlugs.compactMap { model.factsBySlug[$0] }.map { fact -> [String: Any] in
            [
                "role": fact.application.role.isEmpty ? "(no role)" : fact.application.role,
                "href": SitePath.link(from: path, to: SitePath.application(fact.application.slug)),
                "status": fact.status.rawValue,
                "applied": fact.appliedIndex.map { Format.short(fact.past[$0].date) } ?? "–",
                "firstAnswer": fact.firstResponse.map { $0.observed ? String($0.days) : "(\($0.days)+)" } ?? "–",
            ]
        }
        return context
    }
}
