import Foundation
import TestSupport
import Testing

/// `followup report`: the log for a date range as a page or CSV, never over a file it did not write.
@Suite struct ReportCommandTests {
    static let journal = """
        ## Activities
        - 2026-03-03 job fair

        ## Acme — Dev
        - 2026-03-02 applied
        - 2026-03-12 follow-up

        """

    @Test func writesARangeAsCSVOrPageAndRefusesForeignFiles() throws {
        let root = try Runner.project(Self.journal)
        let csv = try Runner.run(
            ["report", "--today", "2026-03-20", "--from", "2026-03-01", "--to", "2026-03-08", "--csv"], in: root)
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 3, "a header and two rows")
        #expect(csv.stdout.contains("2026-W10,2026-03-03,job fair"))
        #expect(!csv.stdout.contains("2026-03-12"), "--to leaves out later rows")

        let page = root.appendingPathComponent("log.html")
        let first = try Runner.run(["report", "--today", "2026-03-20", "--output", page.path], in: root)
        #expect(first.status == 0, "\(first.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<!-- work-search log written by followup report -->"))
        #expect(html.contains("<style>"), "the stylesheet is inside: the file stands alone")
        #expect(!html.contains("assets/style.css") && !html.contains("href=\"../"), "no links into a site")
        #expect(
            try Runner.run(["report", "--today", "2026-03-20", "--output", page.path], in: root).status == 0,
            "its own file may be replaced")

        let foreign = root.appendingPathComponent("notes.html")
        try Data("my own notes".utf8).write(to: foreign)
        let refused = try Runner.run(["report", "--today", "2026-03-20", "--output", foreign.path], in: root)
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("is not a report written by 'followup report'"))
        #expect(try String(contentsOf: foreign, encoding: .utf8) == "my own notes")
    }
}

/// `followup new activity`: into the Activities section, or a file of its own.
@Suite struct NewActivityTests {
    @Test func appendsToTheSectionOrCreatesAFile() throws {
        let root = try Runner.project("## Acme — Dev\r\n- 2026-03-02 applied\r\n")
        let created = try Runner.run(["new", "activity", "Job fair at the town hall", "--date", "2026-03-03"], in: root)
        #expect(created.status == 0, "\(created.stderr)")
        let file = root.appendingPathComponent("Content/journal/activities.md")
        #expect(
            try String(contentsOf: file, encoding: .utf8)
                == "# Work-search activities\n\n## Activities\n- 2026-03-03 Job fair at the town hall\n")
        let second = try Runner.run(["new", "activity", "CV workshop", "--date", "2026-03-05", "--time", "10:00"], in: root)
        #expect(second.status == 0)
        #expect(
            try String(contentsOf: file, encoding: .utf8)
                == "# Work-search activities\n\n## Activities\n- 2026-03-03 Job fair at the town hall\n- 2026-03-05 10:00 CV workshop\n"
        )
        let stats = try Runner.run(["stats", "--json", "--today", "2026-03-08"], in: root)
        #expect(stats.stdout.contains("\"activities\": 3"), "\(stats.stdout.suffix(400))")
        #expect(try Runner.run(["new", "activity", "  "], in: root).status == 64)
    }
}
