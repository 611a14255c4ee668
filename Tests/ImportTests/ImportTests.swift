import Analytics
import Foundation
import Journal
import TestSupport
import Testing

@testable import Import

/// `followup import` on the fixtures of Tests/Fixtures/import: each gives its journal byte for
/// byte, every unusable cell is named by row and column, and nothing imported can start an
/// application or an event of its own.
@Suite struct ImportTests {
    static let folder = TestPaths.fixtures.appendingPathComponent("import")

    static func table(_ name: String) throws -> CSVTable {
        try CSVTable.read(Data(contentsOf: folder.appendingPathComponent(name)), file: name)
    }

    static func expected(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    static func run(_ name: String, options: Importer.Options = Importer.Options(), existing: [Application] = [])
        throws -> Importer.Result
    {
        try Importer.run([table(name)], existing: existing, options: options, title: "Imported from \(name)")
    }

    @Test(arguments: [
        ("row-per-application.csv", "row-per-application.expected.md"), ("stage-columns.csv", "stage-columns.expected.md"),
        ("Job Applications.csv", "linkedin.expected.md"), ("bad-cells.csv", "bad-cells.expected.md"),
    ])
    func fixtureGivesItsJournal(_ pair: (String, String)) throws {
        let result = try Self.run(pair.0)
        #expect(result.text == (try Self.expected(pair.1)))
        let journal = JournalBuilder.build(files: [("import.md", result.text)])
        #expect(!journal.hasErrors, "\(journal.diagnostics)")
        #expect(journal.applications.count == result.applications)
        #expect(journal.applications.reduce(0) { $0 + $1.events.count } == result.events)
    }

    @Test func semicolonsInWindows1252WithMappedColumns() throws {
        var options = Importer.Options()
        for map in ["Firma=company", "Stelle=role", "Datum=applied", "Antwort=response", "Notizen=notes"] {
            #expect(options.map(map) == nil)
        }
        let table = try Self.table("semicolon-1252.csv")
        #expect(table.separator == ";")
        #expect(table.rows[0][0] == "Müller & Söhne")
        let result = try Self.run("semicolon-1252.csv", options: options)
        #expect(result.text == (try Self.expected("semicolon-1252.expected.md")))
        #expect(options.map("Firma=colour")?.contains("unknown field 'colour'") == true)
    }

    @Test func everyBadCellIsNamedByRowAndColumn() throws {
        let result = try Self.run("bad-cells.csv")
        #expect(
            result.warnings.map(\.description) == [
                "bad-cells.csv:2:1: warning: row has no company; it is skipped",
                "bad-cells.csv:3:3: warning: 'yes' in column 'Applied' is no full date (YYYY-MM-DD, 3/4/2026, Mar 4, 2026); no 'applied' event, kept in the notes",
                "bad-cells.csv:4:3: warning: '8/82019' in column 'Applied' is no full date (YYYY-MM-DD, 3/4/2026, Mar 4, 2026); no 'applied' event, kept in the notes",
                "bad-cells.csv:5:3: warning: 'null' in column 'Applied' is no full date (YYYY-MM-DD, 3/4/2026, Mar 4, 2026); no 'applied' event, kept in the notes",
                "bad-cells.csv:5:4: warning: unknown status 'unsure' in column 'Status'; no event, kept in the notes",
                "bad-cells.csv:6:4: warning: status 'Rejected' has no response date; no 'rejected' event, kept in the notes",
                "bad-cells.csv:6:6: warning: 'n/a' in column 'Interview' is no full date (YYYY-MM-DD, 3/4/2026, Mar 4, 2026); no 'interview' event, kept in the notes",
                "bad-cells.csv:8:6: warning: '2026-04-31' in column 'Interview' is no full date (YYYY-MM-DD, 3/4/2026, Mar 4, 2026); no 'interview' event, kept in the notes",
            ])
        #expect(result.skipped == 1 && result.rows == 8)
        // The multi-line note that held a heading and an event line stays a note.
        let journal = JournalBuilder.build(files: [("import.md", result.text)])
        #expect(!journal.applications.contains { $0.company.contains("Evil") })
        let opal = try #require(journal.applications.first { $0.company == "Opal Inc" })
        #expect(opal.events.map(\.kind) == [.applied, .interview])
        #expect(opal.notes.contains("## Evil — Injected"))
    }

    @Test func linkedInsPrivateColumnsAreNeverImported() throws {
        var options = Importer.Options()
        #expect(options.map("Question And Answers=notes") == nil)
        let result = try Self.run("Job Applications.csv", options: options)
        #expect(!result.text.contains("salary") && !result.text.contains("150000") && !result.text.contains("555"))
        #expect(!result.text.contains("cv-2026.pdf"))
    }

    @Test func statsEqualTheSameRowsWrittenByHand() throws {
        let imported = JournalBuilder.build(files: [("import.md", try Self.run("row-per-application.csv").text)])
        let hand = JournalBuilder.build(files: [("hand.md", try Self.expected("row-per-application.hand.md"))])
        let today = try #require(CivilDate(iso: "2026-03-20"))
        let a = StatsJSON.value(Analyzer.statistics(imported, today: today)).serialized(pretty: true)
        let b = StatsJSON.value(Analyzer.statistics(hand, today: today)).serialized(pretty: true)
        #expect(a == b)
        #expect(a.contains("\"applications\" : 5") || a.contains("\"applications\": 5"))
    }

    @Test func applicationsAlreadyInTheJournalAreLeftOut() throws {
        let existing = JournalBuilder.build(files: [("a.md", "## LUMEN Robotics GmbH — iOS Engineer\n- 2026-02-02 applied\n")])
        let result = try Self.run("row-per-application.csv", existing: existing.applications)
        #expect(result.alreadyThere == ["Lumen Robotics — iOS Engineer (first applied 2026-02-02)"])
        #expect(result.applications == 4)
        #expect(!result.text.contains("Lumen"))
    }

    @Test func datesInTheSpecsShapes() throws {
        func cell(_ text: String, dayFirst: Bool = false) -> String? {
            DateText.cell(text, dayFirst: dayFirst).map { "\($0.date)" + ($0.time.map { " \($0)" } ?? "") }
        }
        #expect(cell("2026-03-04") == "2026-03-04")
        #expect(cell("2026/3/4") == "2026-03-04")
        #expect(cell("3/4/2026") == "2026-03-04")
        #expect(cell("3/4/2026", dayFirst: true) == "2026-04-03")
        #expect(cell("13/4/2026") == "2026-04-13", "an impossible reading uses the other")
        #expect(cell("3/4/26") == "2026-03-04")
        #expect(cell("4.3.2026") == "2026-03-04")
        #expect(cell("Mar 4, 2026") == "2026-03-04")
        #expect(cell("4 March 2026") == "2026-03-04")
        #expect(cell("8/15/26, 9:41 AM") == "2026-08-15 09:41")
        #expect(cell("2026-03-04 14:00") == "2026-03-04 14:00")
        for bad in ["8-Jul", "8/82019", "yes", "null", "n/a", "Mar 4", "2026-02-30", "=1+1", "2026-03-04 lunch"] {
            #expect(cell(bad) == nil, "\(bad)")
        }
    }
}
