import Foundation
import TestSupport
import Testing

@testable import Analytics
@testable import Journal

/// Figures of Tests/Fixtures/hand, each worked out by hand (the working is in the comments).
@Suite struct HandComputedTests {
    static let folder = TestPaths.fixtures.appendingPathComponent("hand")

    func stats() throws -> Statistics {
        let journal = JournalLoader.load(content: Self.folder.appendingPathComponent("Content"))
        #expect(journal.diagnostics.isEmpty)
        return Analyzer.statistics(journal, today: try #require(CivilDate(iso: "2026-03-15")))
    }

    @Test func matchesTheHandWorkedExpectedFile() throws {
        let expected = try JSONSerialization.jsonObject(
            with: Data(contentsOf: Self.folder.appendingPathComponent("expected.json")))
        let actual = try JSONSerialization.jsonObject(with: Data(StatsJSON.value(try stats()).serialized().utf8))
        var problems: [String] = []
        JSONSubset.compare(expected, actual, path: "hand", problems: &problems)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func firstResponseFigures() throws {
        let f = try stats().firstResponse
        // Observed: Alpha 7 (the ack does not count), Beta 19, Delta 2; censored: Gamma 33, Epsilon 1.
        #expect(f.eligible == 5 && f.responded == 3)
        #expect(f.meanDays == 28.0 / 3)
        #expect(f.medianDays == .whole(7))
        #expect(f.p90Days == 19)
        // S(2) = 3/4, S(7) = 3/4 · 2/3 = 1/2, S(19) = 1/4.
        #expect(f.kmMedianDays == 7)
        #expect(f.survival.map(\.stillWaiting) == [0.5, 0.5, 0.25, nil])
    }

    @Test func decisionFigures() throws {
        let d = try stats().decision
        // Alpha 14 (interview → offer), Beta 7 (screen → rejected), Delta censored 64 (interview → today).
        #expect(d.eligible == 3 && d.responded == 2)
        #expect(d.medianDays == .fraction(10.5))
        #expect(d.kmMedianDays == 14)
        #expect(d.survival[3].stillWaiting.map { abs($0 - 1.0 / 3) < 1e-12 } == true)
    }

    @Test func statusActionsAndJSONNumberShapes() throws {
        let s = try stats()
        #expect(s.byStatus[.waiting] == 2 && s.byStatus[.active] == 1 && s.byStatus[.accepted] == 1 && s.byStatus[.rejected] == 1)
        #expect(
            s.actions.map { "\($0.kind.rawValue) \($0.application) \($0.due)" } == [
                "feedback-request gamma-dev 2026-03-03", "feedback-request beta-dev 2026-03-11",
                "upcoming delta-ops 2026-03-20", "follow-up epsilon-ops 2026-03-21",
            ])
        let text = StatsJSON.value(s).serialized()
        #expect(text.contains(#""median_days":7,"p90_days":19,"km_median_days":7"#))
        #expect(text.contains(#""mean_days":10.5,"median_days":10.5,"p90_days":14"#))
        #expect(text.contains(#""mean_response_days":7.0,"median_response_days":7"#))
    }

    @Test func emptyJournalHasNullsNotCrashes() throws {
        let s = Analyzer.statistics(applications: [], policy: Policy(), today: try #require(CivilDate(iso: "2026-03-15")))
        let text = StatsJSON.value(s).serialized()
        #expect(
            text.contains(
                #""first_response":{"eligible":0,"responded":0,"rate":null,"mean_days":null,"median_days":null,"p90_days":null,"km_median_days":null,"km_survival":[{"day":7,"still_waiting":null}"#
            ))
        #expect(text.contains(#""silence":[{"after_days":7,"still_silent":0,"later_replied":0,"share":null}"#))
        #expect(
            text.contains(
                #""companies":[],"actions":[],"funnel":{"applied":0,"responded":0,"meeting":0,"offer":0,"accepted":0},"weekly":[]"#
            ))
        #expect(
            text.hasSuffix(
                #""work_search":{"weeks":[],"minimum_per_week":null,"distinct_days":false},"feedback":{"asked":0,"received":0}}"#
            ))
    }
}

@Suite struct FormulaTests {
    func waits(_ observed: [Int], censored: [Int] = []) -> [Wait] {
        let start = CivilDate(dayNumber: 0)
        return observed.map { Wait(start: start, end: start.adding(days: $0), observed: true) }
            + censored.map { Wait(start: start, end: start.adding(days: $0), observed: false) }
    }

    @Test func kaplanMeierReachesExactlyOneHalf() {
        // n = 10: one answer at day 1, two at 2, two at 3, five still waiting at 5:
        // S(3) = 9/10 · 7/9 · 5/7, exactly 1/2 in fractions, a hair above it in floating point.
        let km = KaplanMeier(waits([1, 2, 2, 3, 3], censored: [5, 5, 5, 5, 5]))
        #expect(km.median == 3)
        #expect(abs((km.survival(at: 5) ?? 0) - 0.5) < 1e-12)
        #expect(km.survival(at: 6) == nil)
    }

    @Test func survivalIsZeroOnceEveryoneAnswered() {
        let km = KaplanMeier(waits([1, 4]))
        #expect(km.survival(at: 30) == 0.0)
        #expect(km.survival(at: 2) == 0.5)
        #expect(KaplanMeier([]).survival(at: 7) == nil)
    }

    @Test func nearestRankPercentileAndMedian() {
        #expect(Summary.p90([5]) == 5)
        #expect(Summary.p90(Array(1...10)) == 9)
        #expect(Summary.p90(Array(1...11)) == 10)
        #expect(Summary.median([3, 1, 2]) == .whole(2))
        #expect(Summary.median([4, 1]) == .fraction(2.5))
        #expect(Summary.mean([]) == nil)
    }

    @Test func thankYouDeadlineCountsRealHoursAcrossDaylightSaving() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        // Clocks go forward on 2026-03-29 at 02:00: 24 real hours after 10:00 on the 28th is 11:00.
        let interview = Event(
            date: try #require(CivilDate(iso: "2026-03-28")), time: ClockTime(hour: 10, minute: 0), kind: .interview,
            location: SourceLocation(file: "x", line: 1, column: 1))
        let deadline = ThankYouRule.deadline(for: interview, hours: 24, timeZone: berlin)
        #expect(deadline.date.description == "2026-03-29")
        #expect(deadline.minutes == 11 * 60)
        let utc = ThankYouRule.deadline(for: interview, hours: 24, timeZone: TimeZone(identifier: "UTC")!)
        #expect(utc.minutes == 10 * 60)
        var untimed = interview
        untimed.time = nil
        #expect(ThankYouRule.deadline(for: untimed, hours: 25, timeZone: berlin).date.description == "2026-03-30")
    }

    @Test func pseudonymLettersAreBijectiveBase26() {
        #expect(PublicJournal.letters(0) == "A")
        #expect(PublicJournal.letters(25) == "Z")
        #expect(PublicJournal.letters(26) == "AA")
        #expect(PublicJournal.letters(701) == "ZZ")
        #expect(PublicJournal.letters(702) == "AAA")
    }

    @Test func slugRule() {
        #expect(Slug.make("Ácme Dév") == "acme-dev")
        #expect(Slug.make("ﬁnance Ｃｏ Ops") == "finance-co-ops")
        #expect(Slug.make("日本 ") == "application")
        #expect(Slug.make("../../etc/passwd") == "etc-passwd")
        #expect(Slug.make(String(repeating: "x", count: 79) + " yz") == String(repeating: "x", count: 79))
    }

    @Test func civilDatesRoundTripAndRejectImpossibleDays() {
        for text in ["1970-01-01", "2000-02-29", "2026-12-31", "2400-02-29", "0001-01-01", "9999-12-31"] {
            #expect(CivilDate(iso: text)?.description == text)
        }
        for text in ["2026-02-29", "2100-02-29", "2026-13-01", "2026-00-10", "0000-01-01", "2026-1-01"] {
            #expect(CivilDate(iso: text) == nil)
        }
        #expect(CivilDate(iso: "2026-03-16")?.isoWeekday == 1)
    }
}

/// Feedback counts (issue 10: figures live in Analytics and stats.json, pages only draw them).
@Suite struct FeedbackCountTests {
    @Test func askedAndReceivedCountApplicationsWithPastEvents() throws {
        let journal = JournalBuilder.build(files: [
            (
                "a.md",
                """
                ## Acme — Dev
                - 2026-03-02 applied
                - 2026-03-09 rejected
                - 2026-03-10 feedback-request: what could I do better?
                - 2026-03-12 feedback: more system design

                ## Birch — Dev
                - 2026-03-03 applied
                - 2026-03-08 rejected
                - 2026-03-11 feedback-request
                - 2026-03-14 feedback-request: asking again

                ## Cedar — Dev
                - 2026-03-04 applied
                - 2026-03-25 feedback: planned call, after today
                """
            )
        ])
        let stats = Analyzer.statistics(journal, today: try #require(CivilDate(iso: "2026-03-20")))
        #expect(stats.feedback == FeedbackCounts(asked: 2, received: 1), "Birch asked twice: one application")
        let json = StatsJSON.value(stats).serialized(pretty: true)
        #expect(json.contains("\"feedback\": {\n    \"asked\": 2,\n    \"received\": 1\n  }"))
    }
}
