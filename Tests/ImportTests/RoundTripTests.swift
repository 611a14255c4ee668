import Analytics
import Corpus
import Foundation
import Journal
import Testing

@testable import Import
@testable import Site

/// Import a spreadsheet, export `data/applications.csv`, import that again: the same journal.
@Suite struct RoundTripTests {
    static let companies = ["Acme", "Globex GmbH", "Initech", "Umbrella & Co", "Zoë Labs", "Tyrell, Inc.", "\"Quoted\" Ltd"]
    static let roles = ["Dev", "iOS Engineer", "QA; Test", "Lead, Mobile"]
    static let statuses = ["", "Rejected", "Interviewing", "Offer", "Ghosted", "pending"]

    /// A random spreadsheet of one application per row.
    static func spreadsheet(_ random: inout SeededRandom, rows: Int) -> String {
        var out = "Company,Role,Applied,Status,Response Date,Interview\n"
        var used = Set<String>()
        for _ in 0..<rows {
            let company = random.pick(companies)
            let role = random.pick(roles)
            guard used.insert(company + role).inserted else { continue }
            let applied = CivilDate(year: 2026, month: random.int(1...6), day: random.int(1...28))!
            let status = random.pick(statuses)
            let response = status.isEmpty || status == "pending" ? "" : applied.adding(days: random.int(1...40)).description
            let interview = random.chance(40) ? applied.adding(days: random.int(1...20)).description : ""
            out += [company, role, applied.description, status, response, interview].map(DataExports.field).joined(separator: ",")
            out += "\n"
        }
        return out
    }

    @Test func importExportImportIsTheSameJournal() throws {
        var random = SeededRandom(state: 11)
        let today = try #require(CivilDate(iso: "2026-08-01"))
        for round in 0..<25 {
            let sheet = Self.spreadsheet(&random, rows: random.int(1...12))
            let first = Importer.run(
                [try CSVTable.read(Data(sheet.utf8), file: "sheet.csv")], existing: [], options: Importer.Options(), title: "T")
            let journal = JournalBuilder.build(files: [("import.md", first.text)])
            #expect(!journal.hasErrors, "round \(round): \(journal.diagnostics)")
            let (site, _) = try SitePipeline.render(journal, theme: try Theme.embedded(), options: BuildOptions(today: today))
            let exported = try #require(site.files["data/applications.csv"])
            let second = Importer.run(
                [try CSVTable.read(Data(exported), file: "applications.csv")], existing: [], options: Importer.Options(),
                title: "T")
            #expect(second.text == first.text, "round \(round):\n\(sheet)")
            #expect(second.warnings.isEmpty)
        }
    }
}
