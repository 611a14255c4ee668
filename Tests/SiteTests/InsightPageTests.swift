import Analytics
import Foundation
import Journal
import Testing

@testable import Site

/// The new figures on the pages: each one equal to stats.json, the Sankey in public builds too,
/// the work-search log only in ordinary ones.
@Suite struct InsightPageTests {
    func json(_ site: RenderedSite) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(site.files["data/stats.json"] ?? [])) as? [String: Any])
    }

    @Test func statisticsPageShowsTheBreakdownsOfStatsJSON() throws {
        let (site, _, _) = try SiteFixture.example()
        let page = site.text("stats/index.html")
        let breakdowns = try #require(try json(site)["breakdowns"] as? [String: [[String: Any]]])
        for (dimension, groups) in breakdowns {
            #expect(!groups.isEmpty, "\(dimension)")
            for group in groups {
                let key = group["key"] as? String
                let label = StatsPage.label(key, dimension)
                let applications = try #require(group["applications"] as? Int)
                let responded = try #require(group["responded"] as? Int)
                let rate = group["rate"] as? Double
                let shownRate = applications >= 5 ? Format.percent(rate) : "–"
                let row =
                    "<tr><th scope=\"row\"><bdi>\(HTMLText.escape(label))</bdi></th><td class=\"num\">\(applications)</td><td class=\"num\">\(responded)</td>"
                #expect(page.contains(row), "\(dimension) \(label)")
                let rest = try #require(page.range(of: row).map { String(page[$0.upperBound...].prefix(600)) })
                #expect(rest.contains("<td class=\"num\">\(shownRate)</td>"), "\(dimension) \(label): rate")
            }
        }
    }

    @Test func sankeyDrawsEveryFlowAndIsKeptInPublicBuilds() throws {
        for isPublic in [false, true] {
            let (site, _, _) = try SiteFixture.example(isPublic: isPublic)
            let page = site.text("stats/index.html")
            let flows = try #require(try json(site)["flows"] as? [[String: Any]])
            #expect(!flows.isEmpty)
            #expect(page.contains("<svg class=\"chart sankey\""))
            for flow in flows {
                let from = Sankey.name(flow["from"] as? String ?? "")
                let to = Sankey.name(flow["to"] as? String ?? "")
                let count = flow["applications"] as? Int ?? -1
                #expect(page.contains("<title>\(from) → \(to): \(count)</title>"), "band \(from) → \(to)")
                #expect(page.contains("<tr><td>\(from)</td><td>\(to)</td><td>\(count)</td></tr>"), "table row \(from) → \(to)")
            }
            // Flows into a node equal flows out of it (the middle stages).
            for node in ["response", "meeting", "offer"] {
                let inflow = flows.filter { $0["to"] as? String == node }.reduce(0) { $0 + ($1["applications"] as? Int ?? 0) }
                let outflow = flows.filter { $0["from"] as? String == node }.reduce(0) { $0 + ($1["applications"] as? Int ?? 0) }
                #expect(inflow == outflow, "\(node)")
            }
        }
    }

    @Test func periodsExpectationsAndTheCalendar() throws {
        let (site, stats, _) = try SiteFixture.example()
        #expect(stats.periods.map(\.period.slug) == ["summer-2026", "autumn-2026"])
        for period in stats.periods {
            let page = site.text("stats/\(period.period.slug)/index.html")
            #expect(page.contains("<h1>\(period.period.name)</h1>"))
            #expect(
                page.contains(
                    "the \(counted(period.figures.applications, "application")) whose first event falls in this period"))
        }
        let statsPage = site.text("stats/index.html")
        #expect(statsPage.contains("<a href=\"../stats/summer-2026/index.html\">Summer 2026</a>"))
        #expect(
            statsPage.contains(
                "<span class=\"figure\">\(stats.expectations.pending)</span> <span class=\"label\">still ahead</span>"))
        let calendar = site.text("calendar.ics")
        #expect(calendar.contains("SUMMARY:Answer promised: Mistral Data — Senior Mobile Engineer"))
        #expect(calendar.contains("SUMMARY:Answer the offer: Mistral Data — Senior Mobile Engineer"))
        let dashboard = site.text("index.html")
        #expect(dashboard.contains("<a href=\"calendar.ics\">Subscribe to these dates</a>"))
        #expect(dashboard.contains("Answer the offer from"))
        #expect(dashboard.contains("Current period: <a href=\"stats/autumn-2026/index.html\">Autumn 2026</a>"))
        let application = site.text("applications/heron-civic-tech-mobile-engineer/index.html")
        #expect(application.contains("Answer promised by Nov 26, 2026</time>: still ahead"))
    }

    @Test func theWorkSearchLogIsNotInPublicBuilds() throws {
        let (ordinary, _, _) = try SiteFixture.example()
        #expect(ordinary.files["report/index.html"] != nil)
        #expect(ordinary.files["data/work-search.csv"] != nil)
        #expect(ordinary.text("index.html").contains("href=\"report/index.html\">Work search</a>"))
        let (published, _, _) = try SiteFixture.example(isPublic: true)
        #expect(published.files["report/index.html"] == nil)
        #expect(published.files["data/work-search.csv"] == nil)
        for (path, bytes) in published.files where path.hasSuffix(".html") {
            #expect(!String(decoding: bytes, as: UTF8.self).contains("report/index.html"), "\(path) links the log")
        }
    }

    /// Six weeks of a search, every row and count worked out by hand.
    static let sixWeeks = """
        ## Activities
        - 2026-02-03 job fair at the town hall
        - 2026-02-18 10:00 workshop: CV clinic
        - 2026-03-10 networking evening (planned)

        ## Acme — iOS Engineer
        method: email · contact: Dana Li · phone: +49 30 1234 · reference: REQ-7 · address: 1 Main St, Berlin

        - 2026-02-02 applied
        - 2026-02-05 reply
        - 2026-02-09 screen
        - 2026-02-10 thank-you
        - 2026-02-17 follow-up
        - 2026-02-24 rejected

        ## Globex — Platform Engineer
        link: https://globex.example/jobs/9

        - 2026-02-11 applied
        - 2026-02-20 14:00 interview
        - 2026-03-09 interview: planned

        """

    @Test func sixWeeksOfWorkSearchRowsCountsAndShortWeeks() throws {
        var config = SiteConfig()
        config.workSearch.minimumPerWeek = 2
        config.author = "Sam Rivera"
        let journal = JournalBuilder.build(files: [("log.md", Self.sixWeeks)], config: config)
        #expect(journal.diagnostics.isEmpty, "\(journal.diagnostics)")
        let today = try #require(CivilDate(iso: "2026-03-08"))  // Sunday of week 10
        let (site, stats) = try SiteFixture.render(journal, today: today)
        // W06 (Feb 2-8): applied Feb 2, fair Feb 3 → 2. W07 (Feb 9-15): screen Feb 9, applied Feb 11 → 2.
        // W08 (Feb 16-22): follow-up Feb 17, workshop Feb 18, interview Feb 20 → 3. W09, W10: none
        // (the rejection, the reply and the thank-you are not activities; the planned events not yet).
        #expect(stats.workSearch.weeks.map(\.week.description) == ["2026-W06", "2026-W07", "2026-W08", "2026-W09", "2026-W10"])
        #expect(stats.workSearch.weeks.map(\.activities.count) == [2, 2, 3, 0, 0])
        #expect(stats.workSearch.weeks.map(\.short) == [false, false, false, true, true])
        let csv = site.text("data/work-search.csv")
        #expect(
            csv == """
                Week,Date,Activity,Employer,Position,Method,Contact person,Address or web address,Phone,Reference,Result at week's end,Time\r
                2026-W06,2026-02-02,Applied,Acme,iOS Engineer,email,Dana Li,"1 Main St, Berlin",'+49 30 1234,REQ-7,active,\r
                2026-W06,2026-02-03,job fair at the town hall,,,,,,,,,\r
                2026-W07,2026-02-09,Screen,Acme,iOS Engineer,email,Dana Li,"1 Main St, Berlin",'+49 30 1234,REQ-7,active,\r
                2026-W07,2026-02-11,Applied,Globex,Platform Engineer,online,,https://globex.example/jobs/9,,,waiting,\r
                2026-W08,2026-02-17,Follow-up,Acme,iOS Engineer,email,Dana Li,"1 Main St, Berlin",'+49 30 1234,REQ-7,active,\r
                2026-W08,2026-02-18,workshop: CV clinic,,,,,,,,,10:00\r
                2026-W08,2026-02-20,Interview,Globex,Platform Engineer,online,,https://globex.example/jobs/9,,,active,14:00\r

                """)
        let page = site.text("report/index.html")
        let order = ["2026-W10", "2026-W09", "2026-W08", "2026-W07", "2026-W06"].compactMap {
            page.range(of: "id=\"\($0)\"")?.lowerBound
        }
        #expect(order.count == 5 && order == order.sorted(), "newest week first")
        #expect(
            page.contains(
                "Week 2026-W09: Feb 23, 2026 to Mar 1, 2026 <span class=\"count\">(0 activities on 0 days)</span> <span class=\"short\">below the minimum</span>"
            ))
        #expect(
            page.contains(
                "Week 2026-W08: Feb 16, 2026 to Feb 22, 2026 <span class=\"count\">(3 activities on 3 days)</span> <span class=\"met\">minimum met</span>"
            ))
        #expect(page.contains("Work-search log of Sam Rivera · week 2026-W08, Feb 16, 2026 to Feb 22, 2026"))
        // Acme's result at the end of W08 is active; the rejection came in W09.
        #expect(page.contains("<td>2026-02-24</td>") == false)
    }
}

/// The timeline page draws each month on its own axis (issue 16): an application from long ago
/// must not squeeze this month's lanes into the right edge.
@Suite struct TimelineAxisTests {
    @Test func anOldApplicationDoesNotSqueezeRecentLanes() throws {
        let journal = JournalBuilder.build(files: [
            (
                "a.md",
                "## Old Co — Dev\n- 2024-01-10 applied\n- 2024-02-01 rejected\n\n## New Co — Dev\n- 2026-03-02 applied\n- 2026-03-09 reply\n"
            )
        ])
        let (site, _) = try SiteFixture.render(journal, today: try #require(CivilDate(iso: "2026-03-20")))
        let html = site.text("timeline/index.html")
        let march = try #require(html.range(of: "id=\"m-m2026-3\"")).upperBound
        let lane = try #require(html[march...].range(of: #"<line x1="([0-9.]+)"[^>]*class="lane"#, options: .regularExpression))
        let x1 = Double(html[lane].split(separator: "\"")[1]) ?? 0
        // The label column ends at 200 of 820: the lane starts within the first days of the axis.
        #expect(x1 < 260, "March's first lane starts at \(x1) of 820")
    }
}
