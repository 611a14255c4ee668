import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct CommandTests {
    let fixtures = Runner.packageRoot.appendingPathComponent("Tests/Fixtures")

    @Test func statsJSONOfTheHandCheckedJournal() throws {
        let result = try Runner.run(["stats", "--json", "--today", "2026-03-15", "--content", "Tests/Fixtures/hand/Content"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["today"] as? String == "2026-03-15")
        #expect(json["applications"] as? Int == 5)
        let first = try #require(json["first_response"] as? [String: Any])
        #expect(first["km_median_days"] as? Int == 7)
        #expect(result.stdout.contains("\"p90_days\": 19"))
    }

    @Test func statsTableIsReadable() throws {
        let result = try Runner.run(["stats", "--today", "2026-03-15", "--content", "Tests/Fixtures/hand/Content"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("First response: 3 of 5 answered (60%)"))
        #expect(result.stdout.contains("Kaplan–Meier median 7 days"))
        #expect(result.stdout.contains("2026-03-03  feedback-request"))
    }

    @Test func publicStatsLeaveOutPrivateApplications() throws {
        let result = try Runner.run([
            "stats", "--json", "--public", "--today", "2026-03-15", "--content", "Tests/Fixtures/stats/17-private-public/Content",
        ])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Company A"))
        #expect(!result.stdout.contains("Secret") && !result.stdout.contains("Hidden") && !result.stdout.contains("Open Co"))
    }

    @Test func checkReportsErrorsCompilerStyleAndExitsOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("followup-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("Content/journal"), withIntermediateDirectories: true)
        try "## Acme — Dev\n- 2026-02-30 applied\n- 2026-03-01 coffee\n".write(
            to: folder.appendingPathComponent("Content/journal/acme.md"), atomically: true, encoding: .utf8)
        let result = try Runner.run(["check"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Content/journal/acme.md:2:3: error: invalid date '2026-02-30'\n"))
        #expect(result.stderr.contains("Content/journal/acme.md:3:14: warning: unknown event kind 'coffee'"))
        #expect(result.stderr.contains("1 error, 1 warning"))
        let stats = try Runner.run(["stats"], in: folder)
        #expect(stats.status == 1)
    }

    @Test func checkPassesOnAGoodJournal() throws {
        let result = try Runner.run(["check", "--content", "Tests/Fixtures/hand/Content"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("ok: 5 applications"))
    }

    @Test func usageErrorsExitSixtyFour() throws {
        #expect(try Runner.run(["stats", "--today", "2026-02-30"]).status == 64)
        #expect(try Runner.run(["stats", "--no-such-flag"]).status == 64)
        #expect(try Runner.run(["check", "--content", "/nonexistent/folder"]).status == 64)
    }

    @Test func helpAndVersion() throws {
        for command in [["--help"], ["check", "--help"], ["stats", "--help"], ["build", "--help"]] {
            let result = try Runner.run(command)
            #expect(result.status == 0)
            #expect(result.stdout.contains("USAGE"))
        }
        #expect(try Runner.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }
}
