import Analytics
import Foundation
import Journal
import Testing

@testable import Site

/// The example site: its pages show the same figures as stats.json.
@Suite struct PageContentTests {
    @Test func everyPageKindIsWritten() throws {
        let (site, stats, journal) = try SiteFixture.example()
        for path in [
            "index.html", "applications/index.html", "timeline/index.html", "companies/index.html", "stats/index.html",
            "advice/index.html", "feed.xml", "sitemap.xml", "calendar.ics", "data/stats.json", "data/applications.json",
            "data/applications.csv", "assets/style.css", "assets/app.js",
        ] {
            #expect(site.files[path] != nil, "missing \(path)")
        }
        for app in journal.applications { #expect(site.files[SitePath.application(app.slug)] != nil) }
        #expect(site.files["advice/thank-you-within-24-hours/index.html"] != nil)
        #expect(site.files["advice/negotiating-an-offer/index.html"] == nil, "drafts are left out without --drafts")
        #expect(site.files["advice/tags/follow-up/index.html"] != nil)
        #expect(site.files["companies/northwind-labs/index.html"] != nil)
        #expect(
            stats.companies.count == site.files.keys.filter { $0.hasPrefix("companies/") && $0 != "companies/index.html" }.count)
    }

    @Test func dashboardFiguresEqualStatsJSON() throws {
        let (site, stats, _) = try SiteFixture.example()
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(site.files["data/stats.json"] ?? [])) as? [String: Any])
        let first = try #require(json["first_response"] as? [String: Any])
        let dashboard = site.text("index.html")
        let applications = try #require(json["applications"] as? Int)
        #expect(dashboard.contains("<span class=\"figure\">\(applications)</span> <span class=\"label\">applications</span>"))
        let responded = try #require(first["responded"] as? Int)
        let eligible = try #require(first["eligible"] as? Int)
        #expect(dashboard.contains("(\(responded) of \(eligible))"))
        let km = try #require(first["km_median_days"] as? Int)
        #expect(
            dashboard.contains("<span class=\"figure\">\(km) days</span> <span class=\"label\">Kaplan–Meier median wait</span>"))
        #expect(json["today"] as? String == "2026-11-20")
        #expect(
            String(decoding: site.files["data/stats.json"] ?? [], as: UTF8.self)
                == StatsJSON.value(stats).serialized(pretty: true))
        let overdue = stats.actions.filter { $0.overdue && $0.kind != .moveOn }.count
        #expect(dashboard.contains("(\(overdue) overdue,"))
    }

    @Test func actionsLinkToTheirAdvice() throws {
        let (site, stats, _) = try SiteFixture.example()
        let dashboard = site.text("index.html")
        let thankYou = try #require(stats.actions.first { $0.kind == .thankYou && $0.due <= SiteFixture.today })
        #expect(thankYou.articles == ["thank-you-within-24-hours"])
        #expect(dashboard.contains("href=\"advice/thank-you-within-24-hours/index.html\""))
    }

    @Test func statisticsPageShowsEveryFigure() throws {
        let (site, stats, _) = try SiteFixture.example()
        let page = site.text("stats/index.html")
        #expect(page.contains("(\(stats.firstResponse.responded) of \(stats.firstResponse.eligible))"))
        #expect(page.contains("(\(stats.decision.responded) of \(stats.decision.eligible))"))
        #expect(
            page.contains(
                "<span class=\"figure\">\(stats.thankYou.interviews)</span> <span class=\"label\">interviews judged</span>"))
        for row in stats.silence { #expect(page.contains("\(row.laterReplied) of \(row.stillSilent)")) }
        for id in [
            "funnel", "silence", "first-response-histogram", "first-response-survival", "decision-survival", "weekly-chart",
        ] {
            #expect(page.contains("id=\"\(id)\""), "chart \(id)")
        }
        #expect(page.contains("<title id=\"first-response-survival-title\">"))
        #expect(page.contains("id=\"method\""))
    }

    @Test func applicationPageShowsPropertiesEventsAndWaits() throws {
        let (site, _, _) = try SiteFixture.example()
        let page = site.text("applications/ferncliff-bank-lead-ios-engineer/index.html")
        #expect(page.contains("Jonas Weber (talent partner)"))
        #expect(page.contains("First answer after 7 days."))
        #expect(page.contains("<svg class=\"chart app-timeline\""))
        #expect(page.contains("interview (planned)"))
        #expect(page.contains("architecture and a pairing exercise"))
        #expect(!page.contains(">nil<") && !page.contains(" nil "))
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
    }

    @Test func everyRelativeLinkResolves() throws {
        let (site, _, _) = try SiteFixture.example()
        var broken: [String] = []
        for (path, bytes) in site.files where path.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            for link in LinkScanner.links(in: html) {
                if link.hasPrefix("http") || link.hasPrefix("mailto:") || link.hasPrefix("#") { continue }
                let target = LinkScanner.resolve(link, from: path)
                if site.files[target] == nil { broken.append("\(path) → \(link)") }
            }
        }
        #expect(broken.isEmpty, "\(broken.prefix(10))")
    }

    @Test func timelineGroupsByMonthNewestFirst() throws {
        let (site, _, _) = try SiteFixture.example()
        let page = site.text("timeline/index.html")
        let november = try #require(page.range(of: "November 2026"))
        let july = try #require(page.range(of: "July 2026"))
        #expect(november.lowerBound < july.lowerBound)
        #expect(page.contains("class=\"chart lanes\""))
    }

    @Test func articlePageShowsTheUsersOwnFigures() throws {
        let (site, stats, _) = try SiteFixture.example()
        let page = site.text("advice/when-to-follow-up/index.html")
        let e = stats.followUpEffect.afterApplyingWith
        #expect(page.contains("Your own numbers"))
        #expect(page.contains("After applying, with a follow-up: \(e.answered) of \(e.applications)"))
        #expect(page.contains("<h2>The case for a nudge</h2>"))
    }
}

/// Finds href and src values in generated HTML (our own output, whose quoting we control).
enum LinkScanner {
    static func links(in html: String) -> [String] {
        var result: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                result.append(String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
                rest = rest[end...]
            }
        }
        return result
    }

    static func resolve(_ link: String, from page: String) -> String {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        let target = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? link
        for component in target.split(separator: "/") {
            if component == ".." {
                if !parts.isEmpty { parts.removeLast() }
            } else if component != "." {
                parts.append(String(component))
            }
        }
        return parts.joined(separator: "/")
    }
}

/// Building on every core gives the same bytes as building on one.
@Suite(.serialized) struct ParallelBuildTests {
    @Test func parallelAndSerialBuildsAreByteIdentical() throws {
        Parallel.enabled = false
        let serial = try SiteFixture.example().0
        Parallel.enabled = true
        let parallel = try SiteFixture.example().0
        #expect(serial.files.count == parallel.files.count)
        #expect(serial.files == parallel.files)
    }
}

/// The render cache of `serve`: unchanged pages are reused, an edit re-renders only what shows it,
/// and the bytes are always those of a build without a cache.
@Suite struct RenderCacheTests {
    @Test func anEditRerendersOnlyTheAffectedPages() throws {
        var journal = JournalLoader.load(content: SiteFixture.exampleContent)
        let today = SiteFixture.today
        let cache = RenderCache()
        let render = { (journal: Journal) throws -> RenderedSite in try SiteFixture.render(journal, today: today, cache: cache).0
        }
        let first = try render(journal)
        cache.commit()
        let pages = first.files.keys.filter { $0.hasSuffix(".html") }.count
        #expect(cache.rendered == pages)
        #expect(first.alreadyWritten.isEmpty)

        let second = try render(journal)
        cache.commit()
        #expect(cache.rendered == 0)
        #expect(cache.reused == pages)
        #expect(second.files == first.files)
        #expect(second.alreadyWritten.count == pages)

        // One event note changes: that application's page is rendered again; the index pages that
        // list the application are made again from their kept rows (one row each made anew) and,
        // coming out the same, are not written again.
        let index = try #require(journal.applications.firstIndex { $0.slug == "ferncliff-bank-lead-ios-engineer" })
        journal.applications[index].events[2].note = "a different note"
        let third = try render(journal)
        #expect(cache.rendered == 4, "the application page, the applications table, the timeline and the report")
        // One applications row, one timeline month and its item, the weeks of the report the
        // application has activities in.
        #expect(cache.rowsRendered >= 4 && cache.rowsRendered <= 8)
        #expect(cache.rowsReused > 10)
        let pagesWritten = Set(third.files.keys.filter { $0.hasSuffix(".html") }).subtracting(third.alreadyWritten)
        #expect(pagesWritten == ["applications/ferncliff-bank-lead-ios-engineer/index.html"])
        let fresh = try SiteFixture.render(journal).0
        #expect(third.files == fresh.files)
    }
}

/// Whatever changes, a build through the cache gives the bytes of a build without one.
@Suite struct RenderCacheEquivalenceTests {
    @Test func cachedBuildsEqualFreshBuildsAfterEveryKindOfChange() throws {
        var journal = JournalLoader.load(content: SiteFixture.exampleContent)
        var today = SiteFixture.today
        let cache = RenderCache()
        func check(_ label: String) throws {
            let cached = try SiteFixture.render(journal, today: today, cache: cache).0
            cache.commit()
            let fresh = try SiteFixture.render(journal, today: today).0
            let differing = fresh.files.keys.filter { cached.files[$0] != fresh.files[$0] }.sorted()
            #expect(differing.isEmpty && cached.files.count == fresh.files.count, "after \(label): \(differing.prefix(5))")
        }
        try check("first build")
        today = today.adding(days: 3)
        try check("another day")
        journal.articles[0].title = "A new title for the first article"
        try check("an article's title")
        journal.config.policy.followUpAfterDays = 3
        try check("the policy")
        journal.config.title = "Another title"
        try check("the site title")
        let northwind = journal.applications.indices.filter { journal.applications[$0].company == "Northwind Labs" }
        journal.applications[northwind[0]].role = "Principal Engineer"
        try check("another application of the same company")
        journal.applications.removeLast()
        try check("one application fewer")
    }
}
