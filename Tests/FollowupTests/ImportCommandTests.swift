import Foundation
import TestSupport
import Testing

/// `followup import` from the command line: one new file, never overwritten, nothing on a dry run.
@Suite struct ImportCommandTests {
    @Test func importsIntoANewFileOnceAndOnlyOnce() throws {
        let root = try Runner.project("## Acme — Dev\n- 2026-03-01 applied\n")
        let sheet = root.appendingPathComponent("My Search.csv")
        try Data(
            "Company,Role,Applied,Status,Response date\nAcme,Dev,2026-03-01,,\nGlobex,QA,3/2/2026,Rejected,3/9/2026\nInitech,Ops,soon,,\n"
                .utf8
        )
        .write(to: sheet)
        let before = Runner.snapshot(root.appendingPathComponent("Content"))
        let dry = try Runner.run(["import", sheet.path, "--dry-run"], in: root)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("## Globex — QA\n\n- 2026-03-02 applied\n- 2026-03-09 rejected\n"))
        #expect(Runner.snapshot(root.appendingPathComponent("Content")) == before, "a dry run writes nothing")

        let result = try Runner.run(["import", sheet.path], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains(
                "Imported 2 applications, 2 events from 3 rows; 0 skipped, 1 already in the journal, 1 warning"))
        #expect(result.stdout.contains("Content/journal/import-my-search.md"))
        #expect(result.stderr.contains("note: already in the journal, left out: Acme — Dev (first applied 2026-03-01)"))
        #expect(result.stderr.contains("My Search.csv:4:3: warning: 'soon' in column 'Applied' is no full date"))
        let written = try String(contentsOf: root.appendingPathComponent("Content/journal/import-my-search.md"), encoding: .utf8)
        #expect(written.hasPrefix("# Imported from My Search.csv\n"))
        #expect(try Runner.run(["check"], in: root).status == 0, "the journal with the import has no errors")

        let again = try Runner.run(["import", sheet.path], in: root)
        #expect(again.status == 64)
        #expect(again.stderr.contains("already exists; Followup never overwrites a journal file"))
        #expect(
            try String(contentsOf: root.appendingPathComponent("Content/journal/import-my-search.md"), encoding: .utf8) == written
        )
    }
}
