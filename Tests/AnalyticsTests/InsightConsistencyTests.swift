import Analytics
import Corpus
import Foundation
import Journal
import Testing

/// A generated journal of 2,500 applications with every feature: the new figures agree with each
/// other (flows balance, groups add up to the totals) and periods add up to what they hold.
@Suite struct InsightConsistencyTests {
    static func journal() -> Journal {
        var random = SeededRandom(state: 2_500)
        let kinds = [
            "reply", "ack", "screen", "interview", "thank-you", "follow-up", "offer", "rejected", "withdrew", "ghosted", "expect",
            "accepted", "declined", "note",
        ]
        let sources = ["referral", "Job Board", "job  board", "recruiter", nil]
        var text = ""
        for index in 0..<2_500 {
            text += "## Company \(index % 700) — Role \(index)\n"
            if let source = random.pick(sources) { text += "source: \(source)\n" }
            if random.chance(50) {
                text += "tags: \(random.pick(["ios", "remote", "backend"])), \(random.pick(["ios", "Remote", "lead"]))\n"
            }
            var day = CivilDate(year: 2026, month: 1, day: 1)!.adding(days: random.int(0...300))
            text += "\n"
            if random.chance(92) { text += "- \(day) applied\n" }
            for _ in 0..<random.int(0...6) {
                day = day.adding(days: random.int(0...12))
                let kind = random.pick(kinds)
                let note = kind == "expect" && random.chance(50) ? ": by \(day.adding(days: random.int(1...20)))" : ""
                text += "- \(day) \(kind)\(note)\n"
            }
            text += "\n"
        }
        var config = SiteConfig()
        config.periods = [
            SearchPeriod(name: "First", from: CivilDate(iso: "2026-01-01")!, to: CivilDate(iso: "2026-05-31")!),
            SearchPeriod(name: "Second", from: CivilDate(iso: "2026-06-01")!, to: nil),
        ]
        return JournalBuilder.build(files: [("all.md", text)], config: config)
    }

    @Test func theNewSectionsAgree() throws {
        let journal = Self.journal()
        #expect(!journal.hasErrors)
        let stats = Analyzer.statistics(journal, today: try #require(CivilDate(iso: "2026-11-20")))
        let eligible = stats.firstResponse.eligible
        #expect(stats.funnel.applied == eligible && eligible > 2_000)
        #expect(stats.funnel.responded == stats.firstResponse.responded)
        for groups in [stats.breakdowns.source, stats.breakdowns.month, stats.breakdowns.weekday] {
            #expect(groups.reduce(0) { $0 + $1.applications } == eligible)
            #expect(groups.reduce(0) { $0 + $1.responded } == stats.funnel.responded)
            #expect(groups.reduce(0) { $0 + $1.meeting } == stats.funnel.meeting)
            #expect(groups.reduce(0) { $0 + $1.offer } == stats.funnel.offer)
        }
        #expect(stats.breakdowns.tag.reduce(0) { $0 + $1.applications } >= eligible)
        #expect(Set(stats.breakdowns.source.map(\.key)).contains("job board"), "sources are normalised")
        var inflow: [String: Int] = [:]
        var outflow: [String: Int] = [:]
        for flow in stats.flows {
            inflow[flow.to, default: 0] += flow.applications
            outflow[flow.from, default: 0] += flow.applications
        }
        #expect(outflow["applied"] == eligible)
        for node in ["response", "meeting", "offer"] { #expect(inflow[node] == outflow[node], "\(node)") }
        let outcomes = ["accepted", "declined", "rejected", "withdrew", "ghosted", "silent", "open"]
        #expect(outcomes.reduce(0) { $0 + (inflow[$1] ?? 0) } == eligible, "every application ends in one outcome")
        #expect(inflow["ghosted"] ?? 0 > 0 && (stats.byStatus[.ghosted] ?? 0) > 0)
        let e = stats.expectations
        #expect(e.set == e.met + e.late + e.missed + e.pending && e.set > 100)
        #expect(
            stats.weekly.reduce(0) { $0 + $1.applied }
                == journal.applications.reduce(0) { total, app in
                    total + app.events.filter { $0.kind == .applied && $0.date <= stats.today }.count
                })
        let inPeriods = stats.periods.reduce(0) { $0 + $1.figures.applications }
        #expect(inPeriods == journal.applications.filter { $0.firstDate != nil }.count)
        for period in stats.periods {
            #expect(period.figures.byStatus.values.reduce(0, +) == period.figures.applications)
        }
    }

    /// The work-search log asks for an application's status at each week's end without the other
    /// figures: it must say what the whole facts say, on every day an application lives through
    /// (expectations, planned events and `ghosted` included).
    @Test func statusAsOfADayIsTheFactsStatus() throws {
        let journal = Self.journal()
        var short = journal.config.policy
        short.silentAfterDays = 7
        short.countAcknowledgements = true
        let policies = [journal.config.policy, short]
        var compared = 0
        var silent = 0
        for app in journal.applications {
            guard let first = app.events.first?.date else { continue }
            for offset in stride(from: -1, through: 120, by: 3) {
                let day = first.adding(days: offset)
                for policy in policies {
                    let whole = ApplicationFacts(app, today: day, policy: policy).status
                    #expect(ApplicationFacts.status(of: app, asOf: day, policy: policy) == whole, "\(app.slug) on \(day)")
                    compared += 1
                    if whole == .silent { silent += 1 }
                }
            }
        }
        #expect(compared > 100_000)
        #expect(silent > 1_000)
    }
}
